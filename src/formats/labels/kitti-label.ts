import { FormatError } from '../pointcloud/format-error';

/** One row of a KITTI `label_2` (object) or `label_02` (tracking) file. */
export interface KittiLabelRow {
  /** Tracking only: the frame number the row belongs to. */
  frame?: number;
  /** Tracking only: the object's id (−1 for DontCare). */
  trackId?: number;
  type: string;
  truncated: number;
  /** 0 fully visible, 1 partly occluded, 2 largely occluded, 3 unknown. */
  occluded: number;
  alpha: number;
  /** The 2D box drawn in the image: x1 y1 x2 y2, pixels. */
  box2d: [number, number, number, number];
  /** Height, width, length, metres. */
  hwl: [number, number, number];
  /** Bottom centre of the box in the rectified camera frame (x right, y down, z forward), metres. */
  location: [number, number, number];
  /** Rotation about the rectified camera's y axis, radians. */
  rotationY: number;
}

/**
 * Reads a KITTI label file: `type truncated occluded alpha x1 y1 x2 y2 h w l x y z rotation_y [score]`, with
 * `frame track_id` in front in tracking mode. Blank lines are skipped. Throws a `FormatError` naming the
 * file and line on a malformed row.
 */
export function readKittiLabels(text: string, path: string, mode: 'object' | 'tracking'): KittiLabelRow[] {
  const lead = mode === 'tracking' ? 2 : 0;
  const rows: KittiLabelRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f.length === 1 && f[0] === '') return;
    const type = f[lead];
    const n = f.map(Number);
    const numeric = [...f.keys()].filter((k) => k !== lead).slice(0, 14 + lead);
    if (!type || f.length < 15 + lead || numeric.some((k) => !Number.isFinite(n[k]))) {
      throw new FormatError(path, `expected ${15 + lead} fields (${describe(mode)})`, { code: 'kitti.row.columns', place: `line ${i + 1}`, values: { fields: 15 + lead } }); // prettier-ignore
    }
    const v = (k: number) => n[lead + k]!;
    rows.push({
      ...(mode === 'tracking' ? { frame: n[0]!, trackId: n[1]! } : {}),
      type,
      truncated: v(1),
      occluded: v(2),
      alpha: v(3),
      box2d: [v(4), v(5), v(6), v(7)],
      hwl: [v(8), v(9), v(10)],
      location: [v(11), v(12), v(13)],
      rotationY: v(14),
    });
  });
  return rows;
}

function describe(mode: 'object' | 'tracking'): string {
  const fields = 'type truncated occluded alpha x1 y1 x2 y2 h w l x y z rotation_y';
  return mode === 'tracking' ? `frame track_id ${fields}` : fields;
}
