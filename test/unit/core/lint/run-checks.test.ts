import { describe, expect, it } from 'vitest';
import { createFlatGround } from '../../../../src/core/fit/ground-model';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { CHECK_IDS, type CheckId, type Finding, type LintProgress } from '../../../../src/core/lint/finding';
import { runChecks } from '../../../../src/core/lint/run-checks';
import { identity } from '../../../../src/core/math/mat4';
import { makeCloud } from '../fit/synthetic-scene';
import { box, cleanScene, editBoxes, FRAMES } from './lint-scene';

const checksOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.check))];

/** A sweep with 40 points inside each clean box and a flat ground at z = 0 (ego frame of every frame). */
function pointsFor(input: ReturnType<typeof cleanScene>) {
  return (frame: number) => {
    const xyz: number[] = [];
    for (const c of input.cuboids.filter((b) => b.frameIndex === frame && b.trackId !== 'parked')) {
      for (let k = 0; k < 40; k++) xyz.push(c.position[0] + ((k % 5) - 2) * 0.1, c.position[1] + ((k % 3) - 1) * 0.1, c.position[2]); // prettier-ignore
    }
    // The parked car has points too, unless a test moves it away from them.
    for (let k = 0; k < 40; k++) xyz.push(30 - 0.5 * frame + ((k % 5) - 2) * 0.1, -5, 0.8);
    return { ground: createFlatGround(0), index: buildGridIndex(makeCloud(xyz), identity()) };
  };
}

describe('runChecks', () => {
  it('finds nothing on a clean scene, with points and without', async () => {
    const clean = cleanScene();
    expect(await runChecks(clean)).toEqual([]);
    expect(await runChecks({ ...clean, points: pointsFor(clean) })).toEqual([]);
  });

  // Each case breaks the clean scene one way; the check named must fire, at the frames broken.
  const cases: [CheckId, (s: ReturnType<typeof cleanScene>) => ReturnType<typeof cleanScene>, [number, number]][] = [
    ['unknownClass', (s) => ({ ...s, tracks: s.tracks.map((t) => (t.id === 'parked' ? { ...t, classId: 'hovercraft' } : t)) }), [0, FRAMES - 1]], // prettier-ignore
    [
      'attributeMissing',
      (s) =>
        editBoxes(
          s,
          'moving',
          (f) => f >= 3 && f <= 5,
          () => ({ attributes: {} }),
        ),
      [3, 5],
    ],
    ['attributeValue', (s) => editBoxes(s, 'moving', (f) => f === 7, () => ({ attributes: { occluded: 'totally' } })), [7, 7]], // prettier-ignore
    ['attributeUnknown', (s) => editBoxes(s, 'walker', (f) => f === 2, (c) => ({ attributes: { ...c.attributes, alpha: 1 } })), [2, 2]], // prettier-ignore
    [
      'size',
      (s) =>
        editBoxes(
          s,
          'moving',
          () => true,
          () => ({ size: [9, 1.85, 1.6] }),
        ),
      [0, FRAMES - 1],
    ],
    ['rigidSize', (s) => editBoxes(s, 'parked', (f) => f >= 10 && f <= 12, () => ({ size: [4.8, 1.8, 1.5] })), [10, 12]], // prettier-ignore
    ['duplicate', (s) => ({ ...s, tracks: [...s.tracks, { ...s.tracks[1]!, id: 'twin' }], cuboids: [...s.cuboids, { ...box('twin', 4, [30 - 2 + 0.1, -5, 0.8], [4.4, 1.8, 1.5], Math.PI / 2) }] }), [4, 4]], // prettier-ignore
    ['overlap', (s) => editBoxes(s, 'moving', (f) => f === 20, () => ({ position: [20, -4, 0.8], yaw: Math.PI / 2 })), [20, 20]], // prettier-ignore
    ['gap', (s) => ({ ...s, cuboids: s.cuboids.filter((c) => c.trackId !== 'moving' || c.frameIndex < 5 || c.frameIndex > 16) }), [5, 16]], // prettier-ignore
    [
      'headingFlip',
      (s) =>
        editBoxes(
          s,
          'moving',
          (f) => f === 15,
          () => ({ yaw: Math.PI }),
        ),
      [15, 16],
    ],
    ['speed', (s) => editBoxes(s, 'walker', () => true, (c) => ({ position: [c.position[0] + 1.5 * c.frameIndex, c.position[1], c.position[2]] })), [5, FRAMES - 1]], // prettier-ignore
    ['acceleration', (s) => editBoxes(s, 'moving', (f) => f >= 15, (c) => ({ position: [c.position[0] + 3 * (c.frameIndex - 14), c.position[1], c.position[2]] })), [11, 17]], // prettier-ignore
    ['yawRate', (s) => editBoxes(s, 'parked', (f) => f >= 10, (c) => ({ yaw: Math.PI / 2 + 0.2 * (c.frameIndex - 9) })), [12, 29]], // prettier-ignore
    ['belowGround', (s) => editBoxes(s, 'moving', (f) => f === 9, (c) => ({ position: [c.position[0], c.position[1], 0.2] })), [9, 9]], // prettier-ignore
    ['aboveGround', (s) => editBoxes(s, 'moving', (f) => f === 9, (c) => ({ position: [c.position[0], c.position[1], 2] })), [9, 9]], // prettier-ignore
    ['points', (s) => editBoxes(s, 'parked', (f) => f === 8, (c) => ({ position: [c.position[0], c.position[1] - 3, 0.8] })), [8, 8]], // prettier-ignore
  ];

  // The frames are where the damage shows: rates are measured over 0.5 s windows (5 frames), so a jump in speed
  // at frame 15 reads as acceleration on 11–17, and a turn from frame 10 on as a turn rate from 12 to the end.
  it.each(cases)('%s fires on a scene made to break it', async (check, breakIt, frames) => {
    const broken = breakIt(cleanScene());
    const findings = await runChecks({ ...broken, points: pointsFor(broken) });
    const mine = findings.filter((f) => f.check === check);
    expect(mine.length, JSON.stringify(findings)).toBeGreaterThan(0);
    expect(mine.map((f) => f.frames)).toContainEqual(frames);
    expect(mine[0]!.id.startsWith(`${check}:`) && mine[0]!.id.endsWith(`:${mine[0]!.frames[0]}-${mine[0]!.frames[1]}`)).toBe(true); // prettier-ignore
  });

  it('covers every check with a case', () => {
    expect(cases.map(([c]) => c).sort()).toEqual([...CHECK_IDS].sort());
  });

  it('gives the same ids on a re-run, and turns checks off, or limits them per class, from the profile', async () => {
    const broken = editBoxes(
      cleanScene(),
      'moving',
      () => true,
      () => ({ size: [9, 1.85, 1.6] }),
    );
    const first = await runChecks(broken);
    expect((await runChecks(broken)).map((f) => f.id)).toEqual(first.map((f) => f.id));
    expect(first.map((f) => f.id)).toEqual([`size:moving:0-${FRAMES - 1}`]);
    expect(first[0]).toMatchObject({ severity: 'warning', value: 9, limit: 6.2, params: { dimension: 'length' } });
    expect(await runChecks(broken, { checks: { size: { enabled: false } } })).toEqual([]);
    expect(await runChecks(broken, { checks: { size: { classes: { car: { params: { max: [10, 3, 3] } } } } } })).toEqual([]); // prettier-ignore
    const severe = await runChecks(broken, { checks: { size: { severity: 'error' } } });
    expect(severe[0]!.severity).toBe('error');
  });

  it('names both tracks of a pair in the id, and reads derived boxes of a label file as interpolated', async () => {
    const s = editBoxes(
      cleanScene(),
      'moving',
      (f) => f === 20,
      () => ({ position: [20, -4, 0.8], yaw: Math.PI / 2 }),
    );
    const overlap = (await runChecks(s)).find((f) => f.check === 'overlap')!;
    expect(overlap.id).toBe('overlap:moving+parked:20-20');
    expect(overlap.params['otherTrackId']).toBe('parked');
    // Boxes a reader materialised between keyframes (`<track>@<frame>`, interpolated) are no evidence of a box.
    const sparse = cleanScene();
    sparse.cuboids = sparse.cuboids.map((c) => (c.trackId === 'moving' && c.frameIndex > 2 && c.frameIndex < 20 ? { ...c, id: `moving@${c.frameIndex}`, keyframe: false, source: { kind: 'interpolated' } } : c)); // prettier-ignore
    expect(checksOf(await runChecks(sparse))).toEqual(['gap']);
  });

  it('reports progress to the last step and stays silent on point checks without a point source', async () => {
    const steps: LintProgress[] = [];
    const clean = cleanScene();
    await runChecks({ ...clean, points: pointsFor(clean) }, undefined, (p) => steps.push(p));
    expect(steps.at(-1)!.done).toBe(steps.at(-1)!.total);
    expect(steps.at(-1)!.total).toBe(13 + FRAMES);
    const underground = editBoxes(clean, 'moving', () => true, (c) => ({ position: [c.position[0], c.position[1], -3] })); // prettier-ignore
    expect(await runChecks(underground)).toEqual([]);
  });

  it('gives a point finding the same id whether the sweeps come one frame at a time (the app) or all at once', async () => {
    // The moving car sunk into the ground on frames 9 and 10: one finding a frame either way.
    const broken = editBoxes(cleanScene(), 'moving', (f) => f === 9 || f === 10, (c) => ({ position: [c.position[0], c.position[1], 0.2] })); // prettier-ignore
    const points = pointsFor(broken);
    const all = (await runChecks({ ...broken, points })).filter((f) => f.check === 'belowGround');
    const oneAtATime: Finding[] = [];
    for (let frame = 0; frame < FRAMES; frame++) {
      const only = (f: number) => (f === frame ? points(f) : undefined);
      oneAtATime.push(...(await runChecks({ ...broken, points: only })).filter((f) => f.check === 'belowGround'));
    }
    expect(all.map((f) => f.id)).toEqual(['belowGround:moving@9:9-9', 'belowGround:moving@10:10-10']);
    expect(oneAtATime.map((f) => f.id)).toEqual(all.map((f) => f.id));
  });
});
