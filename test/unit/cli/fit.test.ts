import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFitArgs } from '../../../src/cli/fit';
import { runCli } from '../../../src/cli/main';
import { bevIou } from '../../../src/core/fit/bev-iou';
import { makeLas, type LasTestPoint } from '../formats/pointcloud/make-las';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const KITTI_2 = DATA + 'kitti-object/training/velodyne/000002.bin';

async function run(args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { lang }, (l) => out.push(l), (l) => err.push(l)); // prettier-ignore
  return { code, out, err };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-fit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseFitArgs', () => {
  it('reads the file, the click and the class', () => {
    expect(parseFitArgs(['a.pcd', '--at', '12.5,-3'])).toEqual({
      file: 'a.pcd',
      at: { x: 12.5, y: -3 },
      classId: 'car',
    });
    expect(parseFitArgs(['--class', 'truck', '--at', '1,2', 'b.bin'])).toEqual({ file: 'b.bin', at: { x: 1, y: 2 }, classId: 'truck' }); // prettier-ignore
  });

  it('refuses what it does not understand', () => {
    for (const args of [
      ['a.pcd'],
      ['--at', '1,2'],
      ['a.pcd', '--at', '1'],
      ['a.pcd', '--at', '1,2,3'],
      ['a.pcd', '--at', 'x,2'],
      ['a.pcd', '--at', ',2'],
      ['a.pcd', '--at', '1,2', '--class', 'spaceship'],
      ['a.pcd', 'b.pcd', '--at', '1,2'],
      ['a.pcd', '--at', '1,2', '--frame', 'ego'],
    ]) {
      expect(parseFitArgs(args), args.join(' ')).toBeUndefined();
    }
  });
});

describe('frustum fit', () => {
  it('prints the box of the car at the click, in the file frame (KITTI Velodyne)', async () => {
    const { code, out, err } = await run(['fit', KITTI_2, '--at', '34.67,-3.16']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toHaveLength(1);
    const box = JSON.parse(out[0]!) as { position: number[]; size: number[]; yaw: number; points: number };
    expect(Object.keys(box)).toEqual(['position', 'size', 'yaw', 'points']);
    // The KITTI label of that car, in the Velodyne frame: centre, [l, w], yaw.
    const label = { position: [34.668, -3.161, 0] as const, size: [4.36, 1.58, 1.41] as const, yaw: 0.0092 };
    expect(bevIou({ ...box, position: [box.position[0]!, box.position[1]!, 0], size: [box.size[0]!, box.size[1]!, 0] }, label)).toBeGreaterThan(0.7); // prettier-ignore
    expect(Math.abs(box.yaw - label.yaw)).toBeLessThan(0.1);
    expect(box.size[0]).toBeGreaterThanOrEqual(box.size[1]!);
    expect(box.points).toBeGreaterThan(50);
  });

  it('works in the LiDAR frame of a nuScenes sweep, whatever its axes', async () => {
    const json = JSON.parse(readFileSync(DATA + 'nuscenes-sample/derived/sample_calib_and_boxes.json', 'utf8').replace(/\bNaN\b/g, 'null')) as { boxes_lidar: { category: string; center: [number, number, number]; size_lwh: [number, number, number]; yaw: number; num_lidar_pts: number }[] }; // prettier-ignore
    const car = json.boxes_lidar
      .filter((b) => b.category === 'car')
      .sort((a, b) => b.num_lidar_pts - a.num_lidar_pts)[0]!;
    const sweep = path.join(DATA, 'nuscenes-sample/samples/LIDAR_TOP');
    const file = path.join(sweep, readdirSync(sweep)[0]!);
    const { code, out } = await run(['fit', file, '--at', `${car.center[0]},${car.center[1]}`]);
    expect(code).toBe(0);
    const box = JSON.parse(out[0]!) as { position: [number, number, number]; size: [number, number, number]; yaw: number }; // prettier-ignore
    expect(bevIou(box, { position: car.center, size: car.size_lwh, yaw: car.yaw })).toBeGreaterThan(0.7);
  });

  it("fits in a LAS file's own coordinates: the same box as in the sweep, moved by the file's offset", async () => {
    // KITTI's sweep moved to 635,000 E, 849,000 N (1 mm steps; no-returns left out, as the .bin reader does).
    // The header's bounds are centred on the sensor, so that the origin the fit counts from (and takes for
    // the sensor's place, as the app does for a LAS file) is where the sweep's sensor was.
    const [east, north] = [635_000, 849_000];
    const floats = new Float32Array(readFileSync(KITTI_2).slice().buffer);
    const points: LasTestPoint[] = [];
    for (let i = 0; i < floats.length; i += 4) {
      if (floats[i] === 0 && floats[i + 1] === 0 && floats[i + 2] === 0) continue;
      const [x, y, z] = [floats[i]! + east, floats[i + 1]! + north, floats[i + 2]!].map((v) => Math.round(v * 1000) / 1000); // prettier-ignore
      points.push({ x: x!, y: y!, z: z!, intensity: 0, returnNumber: 1, numberOfReturns: 1, classification: 0, gpsTime: 0, red: 0, green: 0, blue: 0 }); // prettier-ignore
    }
    const bounds = { min: [east - 100, north - 100, -10], max: [east + 100, north + 100, 10] } as const;
    const las = path.join(scratch, 'kitti-utm.las');
    writeFileSync(las, makeLas(points, { format: 0, offset: [east, north, 0], bounds: { min: [...bounds.min], max: [...bounds.max] } })); // prettier-ignore
    const onBin = await run(['fit', KITTI_2, '--at', '34.67,-3.16']);
    const onLas = await run(['fit', las, '--at', `${34.67 + east},${-3.16 + north}`]);
    expect(onLas.code).toBe(0);
    const a = JSON.parse(onBin.out[0]!) as { position: number[]; size: number[]; yaw: number; points: number };
    const b = JSON.parse(onLas.out[0]!) as { position: number[]; size: number[]; yaw: number; points: number };
    expect(b.position[0]! - east).toBeCloseTo(a.position[0]!, 2);
    expect(b.position[1]! - north).toBeCloseTo(a.position[1]!, 2);
    expect(b.position[2]).toBeCloseTo(a.position[2]!, 2);
    b.size.forEach((v, i) => expect(v).toBeCloseTo(a.size[i]!, 2));
    expect(b.yaw).toBeCloseTo(a.yaw, 2);
    expect(b.points).toBe(a.points);
  });

  it('fails with one line when nothing is at the click', async () => {
    const { code, out, err } = await run(['fit', KITTI_2, '--at', '40,-30']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['frustum fit: no object found at 40,-30']);
  });

  it('fails with one line naming the file when it cannot be read', async () => {
    const broken = path.join(scratch, 'broken.bin');
    writeFileSync(broken, new Uint8Array(7));
    for (const file of [broken, path.join(scratch, 'missing.pcd')]) {
      const { code, err } = await run(['fit', file, '--at', '1,2']);
      expect(code).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^frustum fit: .*(broken\.bin|missing\.pcd)/);
    }
  });

  it('answers misuse with its usage, in the user’s language', async () => {
    expect(await run(['fit', KITTI_2])).toMatchObject({ code: 2, err: [expect.stringMatching(/^Usage: frustum fit/)] });
    expect(await run(['fit', KITTI_2], 'zh_CN.UTF-8')).toMatchObject({ code: 2, err: [expect.stringMatching(/^用法：frustum fit/)] }); // prettier-ignore
  });

  it('is listed in the help, with the frame it works in', async () => {
    const { out } = await run(['help']);
    expect(out.join('\n')).toMatch(/fit +Fit a cuboid at x,y \(metres, the file's own LiDAR frame\)/);
  });
});
