import type { Catalogue } from './en';
import { zhCNStudio } from './zh-CN-studio';
import { zhCNTools } from './zh-CN-tools';
import { zhCNReview } from './zh-CN-review';
import { zhCNQa } from './zh-CN-qa';
import { zhCNDashboard } from './zh-CN-dashboard';
import { zhCNDiff } from './zh-CN-diff';
import { zhCNImport } from './zh-CN-import';
import { zhCNPrelabel } from './zh-CN-prelabel';

/** 简体中文 catalogue. Typed against the English one, so a missing key fails the type check. */
export const zhCN: Catalogue = {
  ...zhCNStudio,
  ...zhCNTools,
  ...zhCNReview,
  ...zhCNQa,
  ...zhCNDashboard,
  ...zhCNDiff,
  ...zhCNImport,
  ...zhCNPrelabel,
};
