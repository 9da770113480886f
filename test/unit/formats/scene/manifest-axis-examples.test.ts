import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invertRigid, multiply, transformPoint, type Vec3 } from '../../../../src/core/math/mat4';
import { rigidityFault } from '../../../../src/formats/scene/check-frustum-manifest';

type Blocks = Record<string, number[]>[];

/** The ```json blocks of a Markdown file from the line `start` on, up to the first line `stop` matches. */
function jsonBlocks(file: string, start: string, stop: RegExp): Blocks {
  const text = readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8');
  const from = text.indexOf(start);
  expect(from, `${file}: ${start}`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(from + start.length).split('\n');
  const end = lines.findIndex((line, i) => i > 0 && stop.test(line));
  const section = lines.slice(0, end < 0 ? undefined : end).join('\n');
  // A block may sit indented in a list item: the indent goes before parsing.
  return [...section.matchAll(/^( *)```json\n([\s\S]*?)^ *```$/gm)].map((m) => JSON.parse(m[2]!) as Record<string, number[]>); // prettier-ignore
}

const SCENE_README = jsonBlocks('src/formats/scene/README.md', '### Axis conversions, worked', /^#{1,3} /);
const MAIN_README = jsonBlocks('README.md', '**A manifest for any other dataset.**', /^(\*\*|#|!\[)/);

const maps = (m: number[], from: Vec3, to: Vec3) => {
  const got = transformPoint(m, from);
  to.forEach((v, i) => expect(got[i], `${from} → ${to}`).toBeCloseTo(v, 12));
};
const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v, `element ${i}`).toBeCloseTo(b[i]!, 12));

describe('the axis conversions the manifest documentation works through', () => {
  it('finds four examples in the format README, each matrix rigid', () => {
    expect(SCENE_README.map((b) => Object.keys(b))).toEqual([
      ['egoFromLidar'],
      ['egoFromLidar'],
      ['lidarFromCamera', 'cameraFromLidar', 'lidarFromEgo', 'cameraFromEgo'],
      ['cameraFromVehicle', 'vehicleFromEgo', 'cameraFromEgo'],
    ]);
    for (const block of SCENE_README) for (const m of Object.values(block)) expect(rigidityFault(m)).toBeUndefined();
  });

  it('(a) x right, y forward, z up: −90° about z, columns the LiDAR axes in ego', () => {
    const m = SCENE_README[0]!['egoFromLidar']!;
    maps(m, [0, 10, 0], [10.9, 0, 1.8]);
    maps(m, [2, 0, 0], [0.9, -2, 1.8]);
    const [c, s] = [Math.cos(-Math.PI / 2), Math.sin(-Math.PI / 2)];
    close(m, [c, -s, 0, 0.9, s, c, 0, 0, 0, 0, 1, 1.8, 0, 0, 0, 1]);
  });

  it('(b) x left, y back, z up: +90° about z', () => {
    const m = SCENE_README[1]!['egoFromLidar']!;
    maps(m, [0, -5, 0], [5, 0, 0]);
    maps(m, [3, 0, 0], [0, 3, 0]);
  });

  it('(c) lidarFromCamera the other way round: cameraFromEgo = inverse(lidarFromCamera) · lidarFromEgo', () => {
    const b = SCENE_README[2]!;
    close(b['cameraFromLidar']!, invertRigid(b['lidarFromCamera']!));
    close(b['lidarFromEgo']!, invertRigid(SCENE_README[0]!['egoFromLidar']!));
    close(b['cameraFromEgo']!, multiply(b['cameraFromLidar']!, b['lidarFromEgo']!));
    maps(b['cameraFromEgo']!, [1.2, 0, 1.6], [0, 0, 0]);
    maps(b['cameraFromEgo']!, [11.2, 0, 1.6], [0, 0, 10]);
    // The camera 0.3 m ahead of the LiDAR and 0.2 m below it, as the text says.
    maps(b['lidarFromCamera']!, [0, 0, 0], [0, 0.3, -0.2]);
    // The matrix used unturned puts the point behind the camera.
    expect(transformPoint(b['lidarFromCamera']!, [11.2, 0, 1.6])[2]).toBeCloseTo(-0.2, 12);
  });

  it('(d) a vehicle frame x forward, y right, z down: cameraFromEgo = cameraFromVehicle · vehicleFromEgo', () => {
    const b = SCENE_README[3]!;
    const egoFromVehicle = [1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1]; // columns: forward, right, down in ego
    close(b['vehicleFromEgo']!, invertRigid(egoFromVehicle));
    close(b['cameraFromEgo']!, multiply(b['cameraFromVehicle']!, b['vehicleFromEgo']!));
    maps(b['cameraFromVehicle']!, [1.5, 0, -1.4], [0, 0, 0]);
    maps(b['cameraFromEgo']!, [1.5, 0, 1.4], [0, 0, 0]);
    maps(b['cameraFromEgo']!, [11.5, -1, 1.4], [1, 0, 10]);
  });

  it('the project README shows the same matrices as the format README', () => {
    expect(MAIN_README).toEqual([
      { egoFromLidar: SCENE_README[0]!['egoFromLidar'] },
      { egoFromLidar: SCENE_README[1]!['egoFromLidar'] },
      { cameraFromEgo: SCENE_README[2]!['cameraFromEgo'] },
      { cameraFromEgo: SCENE_README[3]!['cameraFromEgo'] },
    ]);
  });
});
