import type { Patch } from '../edits/patch';
import { fnv1a32 } from '../math/fnv1a';
import { canonicalJson } from './canonical-json';

/** A journal line as the work record keeps it: who did what, when, and the patch it made. */
export interface WorkLine {
  /** ms since the epoch. */
  time: number;
  author: string;
  name: string;
  patch: Patch;
  gesture?: string;
}

/**
 * The identity of a line of work wherever it travels (this browser's journal, another's, a bundle): its time,
 * author, name, gesture and a fingerprint of its patch. The same line brought in twice is kept once.
 */
export function workLineId(line: WorkLine): string {
  return `${line.time}|${line.author}|${line.name}|${line.gesture ?? ''}|${fnv1a32(canonicalJson(line.patch))}`;
}
