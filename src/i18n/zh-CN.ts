import type { Catalogue } from './en';
import { zhCNStudio } from './zh-CN-studio';
import { zhCNTools } from './zh-CN-tools';
import { zhCNReview } from './zh-CN-review';

/** 简体中文 catalogue. Typed against the English one, so a missing key fails the type check. */
export const zhCN: Catalogue = { ...zhCNStudio, ...zhCNTools, ...zhCNReview };
