import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SceneFiles } from '../../src/formats/scene/scene-files';

/** The shared real driving data beside the repository. */
export const SHARED_DATA = resolve(fileURLToPath(new URL('../../../shared/data', import.meta.url)));

/** A folder on disk as the importers see it, to compute in node what the app should show. */
export function diskFiles(root: string): SceneFiles {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else paths.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  paths.sort();
  return {
    name: root.split('/').pop()!,
    list: () => paths,
    read: async (p) => new Uint8Array(readFileSync(join(root, p))),
  };
}

export interface KittiLabelRow {
  type: string;
  truncated: number;
  box: [number, number, number, number];
}

/** The label file's own rows (type, truncation, 2D box), parsed independently of the app's reader. */
export function readKittiLabels(path: string): KittiLabelRow[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map((f) => ({
      type: f[0]!,
      truncated: Number(f[1]),
      box: [Number(f[4]), Number(f[5]), Number(f[6]), Number(f[7])],
    }));
}

export function iou(a: readonly number[], b: readonly number[]): number {
  const w = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const h = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = w * h;
  const area = (r: readonly number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  return inter / (area(a) + area(b) - inter);
}
