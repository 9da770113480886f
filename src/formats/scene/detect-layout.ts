import { CodedError } from '../problems/coded-error';

/** The folder layouts `importScene` understands. */
export type LayoutKind =
  | 'kitti-object'
  | 'kitti-tracking'
  | 'kitti-raw'
  | 'nuscenes'
  | 'nuscenes-sample'
  | 'argoverse2'
  | 'sustechpoints'
  | 'openlabel'
  | 'frustum-manifest';

interface LayoutRule {
  kind: LayoutKind;
  /** What a user is told we looked for. */
  description: string;
  /** Matches a path that marks the layout; group 1 is the root (folder prefix, '' or ending in '/'). */
  marker: RegExp;
  /**
   * Text every marking path contains, tried before the pattern: a large split lists hundreds of thousands of
   * paths, and a substring test is several times cheaper than a regular expression.
   */
  hint: string;
  /** Another folder under the root that must exist too, if any. */
  alsoNeeds?: RegExp;
  /** A folder under the root that makes a candidate preferable (a labelled split over an unlabelled one). */
  prefers?: string;
  /** Turns the marker's group 1 into the root, where they differ. */
  toRoot?: (prefix: string) => string;
}

/** In the order they are tried: the most specific markers first. */
const RULES: LayoutRule[] = [
  {
    kind: 'frustum-manifest',
    description: 'a Frustum manifest (frustum-manifest.json or *.frustum.json)',
    marker: /^((?:.*\/)?)(?:frustum-manifest\.json|[^/]+\.frustum\.json)$/,
    hint: 'frustum',
  },
  {
    kind: 'kitti-raw',
    description: 'a KITTI raw drive (<date>_drive_<n>_sync/velodyne_points/data/*.bin)',
    marker: /^((?:.*\/)?)velodyne_points\/data\/[^/]+\.bin$/,
    hint: 'velodyne_points/',
    // The marker finds the drive folder; the root is the folder that holds it (and the day's calib files).
    toRoot: (drive) => drive.replace(/[^/]+\/$/, ''),
  },
  {
    kind: 'kitti-tracking',
    description: 'KITTI tracking (velodyne/<sequence>/<frame>.bin, calib/<sequence>.txt)',
    marker: /^((?:.*\/)?)velodyne\/\d+\/\d+\.bin$/,
    hint: 'velodyne/',
    prefers: 'label_02/',
  },
  {
    kind: 'kitti-object',
    description: 'KITTI object (velodyne/<frame>.bin, calib/<frame>.txt)',
    marker: /^((?:.*\/)?)velodyne\/\d+\.bin$/,
    hint: 'velodyne/',
    prefers: 'label_2/',
  },
  {
    kind: 'nuscenes',
    description: 'nuScenes (v1.0-<split>/scene.json and the other tables, samples/, sweeps/)',
    marker: /^((?:.*\/)?)v1\.0-[^/]+\/scene\.json$/,
    hint: '/scene.json',
  },
  {
    kind: 'nuscenes-sample',
    description: 'a nuScenes-style sample (derived/sample_calib_and_boxes.json, samples/LIDAR_TOP/*.pcd.bin)',
    marker: /^((?:.*\/)?)derived\/sample_calib_and_boxes\.json$/,
    hint: 'derived/',
  },
  {
    kind: 'sustechpoints',
    description: 'a SUSTechPOINTS scene (lidar/*.pcd with label/ or calib/)',
    marker: /^((?:.*\/)?)lidar\/[^/]+\.pcd$/,
    hint: 'lidar/',
    alsoNeeds: /^(label|calib)\//,
  },
  {
    kind: 'argoverse2',
    description: 'an Argoverse 2 sensor log (<log>/sensors/lidar/<time>.feather)',
    marker: /^((?:.*\/)?)sensors\/lidar\/\d+\.feather$/,
    hint: 'sensors/lidar/',
    // The marker finds a log folder; the root is the folder that holds the logs ('' when a log itself is chosen).
    toRoot: (log) => log.replace(/[^/]+\/$/, ''),
  },
  {
    kind: 'openlabel',
    description: 'an OpenLABEL 1.0 file naming its sensor files (<name>.json at the top)',
    // A path alone cannot tell an OpenLABEL file from other JSON: the importer reads it and says so.
    marker: /^()[^/]+\.json$/,
    hint: '.json',
  },
];

/** The layouts looked for, in words, for the error a folder with none of them gets. */
export const LAYOUT_DESCRIPTIONS: readonly string[] = RULES.map((r) => r.description);

/** What a folder (named `folder`) with no known layout gets: the layouts looked for, in words. */
export function noLayoutError(folder: string): CodedError {
  return new CodedError('scene.no-layout', `${folder}: no scene layout recognised; looked for ${LAYOUT_DESCRIPTIONS.join('; ')}`, { folder }); // prettier-ignore
}

/**
 * Recognises a scene layout from a folder's file paths. The root is the folder prefix the layout lives under
 * ('' or e.g. 'training/'). A raw drive's root is the folder that holds the drive (and the day's calib
 * files). Where a layout occurs under several roots, the shallowest wins, then one with labels, then the
 * first by name. Undefined when no layout matches.
 */
export function detectLayout(paths: readonly string[]): { kind: LayoutKind; root: string } | undefined {
  for (const rule of RULES) {
    const roots = new Set<string>();
    for (const path of paths) {
      if (!path.includes(rule.hint)) continue;
      const match = rule.marker.exec(path);
      if (match) roots.add(rule.toRoot ? rule.toRoot(match[1]!) : match[1]!);
    }
    const candidates = [...roots].filter(
      (root) => !rule.alsoNeeds || paths.some((p) => p.startsWith(root) && rule.alsoNeeds!.test(p.slice(root.length))),
    );
    if (candidates.length === 0) continue;
    const labelled = (root: string) => (rule.prefers && paths.some((p) => p.startsWith(root + rule.prefers)) ? 0 : 1);
    const depth = (root: string) => root.split('/').length;
    candidates.sort((a, b) => depth(a) - depth(b) || labelled(a) - labelled(b) || (a < b ? -1 : a > b ? 1 : 0));
    return { kind: rule.kind, root: candidates[0]! };
  }
  return undefined;
}
