import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';

/**
 * Real OpenLABEL files written by another tool with their cuboids in a camera frame (KITTI tracking labels:
 * `val = [x, y, z, 0, ry, 0, l, h, w]` in CAM_LEFT, OpenCV axes, centre = KITTI's bottom centre raised by h/2).
 * Converted to KITTI tracking, every source row must come back; converted to OpenLABEL, every box must keep
 * its 8 corners. The expectations are computed here from the JSON alone, not through Frustum's readers.
 */
const FOLDER = fileURLToPath(new URL('../../../../shared/data/kitti-tracking-openlabel/', import.meta.url));
const FILES = readdirSync(FOLDER)
  .filter((f) => f.endsWith('.json'))
  .sort();
const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-camera-frame-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type M4 = number[];
type V3 = [number, number, number];
interface SourceBox {
  frame: number;
  object: string;
  name: string;
  val: number[];
}
interface OlFile {
  openlabel: {
    coordinate_systems: Record<string, { parent?: string; pose_wrt_parent?: { matrix4x4: number[] } }>;
    objects: Record<string, { name: string; type: string }>;
    frames: Record<string, { objects?: Record<string, { object_data?: { cuboid?: { val: number[] }[] } }> }>;
  };
}

const mul = (a: M4, b: M4): M4 => Array.from({ length: 16 }, (_, i) => [0, 1, 2, 3].reduce((s, k) => s + a[(i >> 2) * 4 + k]! * b[k * 4 + (i & 3)]!, 0)); // prettier-ignore
const apply = (m: M4, p: V3): V3 => [0, 1, 2].map((r) => m[r * 4]! * p[0] + m[r * 4 + 1]! * p[1] + m[r * 4 + 2]! * p[2] + m[r * 4 + 3]!) as V3; // prettier-ignore
const angleGap = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

/** Every cuboid of the file with a real size (DontCare regions have −1000 sizes and are no boxes). */
function sourceBoxes(file: OlFile): SourceBox[] {
  const out: SourceBox[] = [];
  for (const [frameKey, frame] of Object.entries(file.openlabel.frames)) {
    for (const [key, o] of Object.entries(frame.objects ?? {})) {
      for (const c of o.object_data?.cuboid ?? []) {
        if (c.val[6]! > 0) out.push({ frame: Number(frameKey), object: key, name: file.openlabel.objects[key]!.name, val: c.val }); // prettier-ignore
      }
    }
  }
  return out;
}

/** vehicle ← CAM_LEFT through the coordinate systems' `pose_wrt_parent` chain. */
function vehicleFromCamera(file: OlFile): M4 {
  const systems = file.openlabel.coordinate_systems;
  let m: M4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  for (let cs = 'CAM_LEFT'; cs !== 'vehicle-iso8855'; cs = systems[cs]!.parent!) {
    m = mul(systems[cs]!.pose_wrt_parent!.matrix4x4, m);
  }
  return m;
}

/** The 8 corners of a box: centre, rotation (row-major 3×3, axes as columns) and full extents. */
function corners(centre: V3, r: number[], size: number[]): V3[] {
  const out: V3[] = [];
  for (const a of [-0.5, 0.5]) for (const b of [-0.5, 0.5]) for (const c of [-0.5, 0.5]) {
    const local = [a * size[0]!, b * size[1]!, c * size[2]!];
    out.push([0, 1, 2].map((row) => centre[row]! + r[row * 3]! * local[0]! + r[row * 3 + 1]! * local[1]! + r[row * 3 + 2]! * local[2]!) as V3); // prettier-ignore
  } // prettier-ignore
  return out;
}

/** The largest distance from a corner of one set to the nearest corner of the other, both ways (metres). */
function cornerGap(a: V3[], b: V3[]): number {
  const nearest = (p: V3, set: V3[]) => Math.min(...set.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])));
  return Math.max(...a.map((p) => nearest(p, b)), ...b.map((p) => nearest(p, a)));
}

async function convert(file: string, to: string, out: string): Promise<void> {
  const lines: string[] = [];
  const code = await runCli(['convert', path.join(FOLDER, file), '--to', to, '-o', out], {}, (l) => lines.push(l));
  expect(code, lines.join('\n')).toBe(0);
}

describe('camera-frame OpenLABEL cuboids (18 real KITTI tracking sequences)', () => {
  it.each(FILES)('%s → kitti-tracking reproduces every source row within 1 cm and 0.01 rad', async (file) => {
    const source = JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8')) as OlFile;
    const out = path.join(scratch, `${file}-kitti`);
    await convert(file, 'kitti-tracking', out);
    const sidecar = JSON.parse(readFileSync(path.join(out, 'frustum-lineage.json'), 'utf8')) as { trackIds: Record<string, string> }; // prettier-ignore
    const [labels] = readdirSync(path.join(out, 'label_02'));
    const rows = new Map<string, number[]>();
    for (const line of readFileSync(path.join(out, 'label_02', labels!), 'utf8')
      .trim()
      .split('\n')) {
      const f = line.split(' ');
      rows.set(`${f[0]}/${sidecar.trackIds[f[1]!]}`, f.slice(10, 17).map(Number));
    }
    const boxes = sourceBoxes(source);
    expect(boxes.length).toBeGreaterThan(300);
    for (const { frame, name, val } of boxes) {
      const [x, y, z, , ry, , l, h, w] = val as [number, number, number, number, number, number, number, number, number]; // prettier-ignore
      const row = rows.get(`${frame}/${name}`);
      expect(row, `${file} frame ${frame} ${name}`).toBeDefined();
      const [rh, rw, rl, rx, rY, rz, rot] = row!;
      const gaps = [rh! - h, rw! - w, rl! - l, rx! - x, rY! - (y + h / 2), rz! - z].map(Math.abs);
      expect(Math.max(...gaps), `${file} frame ${frame} ${name}: ${row!.join(' ')}`).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(angleGap(rot!, ry), `${file} frame ${frame} ${name}`).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });

  it.each(FILES)('%s → openlabel keeps the 8 corners of every box within 1 cm', async (file) => {
    const source = JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8')) as OlFile;
    const out = path.join(scratch, `${file}-ol.json`);
    await convert(file, 'openlabel', out);
    const written = JSON.parse(readFileSync(out, 'utf8')) as OlFile;
    const keyOf = new Map(Object.entries(written.openlabel.objects).map(([key, o]) => [o.name, key]));
    const egoFromCamera = vehicleFromCamera(source);
    for (const { frame, name, val } of sourceBoxes(source)) {
      const [x, y, z, , ry, , l, h, w] = val as [number, number, number, number, number, number, number, number, number]; // prettier-ignore
      const [c, s] = [Math.cos(ry), Math.sin(ry)];
      const inCamera = corners([x, y, z], [c, 0, s, 0, 1, 0, -s, 0, c], [l, h, w]);
      const expected = inCamera.map((p) => apply(egoFromCamera, p));
      const cuboid = written.openlabel.frames[String(frame)]?.objects?.[keyOf.get(name)!]?.object_data?.cuboid?.[0];
      expect(cuboid, `${file} frame ${frame} ${name}`).toBeDefined();
      const [cx, cy, cz, qx, qy, qz, qw, sx, sy, sz] = cuboid!.val as number[];
      const r = [
        1 - 2 * (qy! * qy! + qz! * qz!), 2 * (qx! * qy! - qz! * qw!), 2 * (qx! * qz! + qy! * qw!),
        2 * (qx! * qy! + qz! * qw!), 1 - 2 * (qx! * qx! + qz! * qz!), 2 * (qy! * qz! - qx! * qw!),
        2 * (qx! * qz! - qy! * qw!), 2 * (qy! * qz! + qx! * qw!), 1 - 2 * (qx! * qx! + qy! * qy!),
      ]; // prettier-ignore
      expect(cornerGap(corners([cx!, cy!, cz!], r, [sx!, sy!, sz!]), expected), `${file} frame ${frame} ${name}`).toBeLessThanOrEqual(0.01); // prettier-ignore
      // Written upright: the height is KITTI's h, along the vehicle's z.
      expect(Math.abs(sz! - h)).toBeLessThan(1e-6);
      expect(r[8]!).toBeGreaterThan(Math.cos(0.05));
    }
  });
});
