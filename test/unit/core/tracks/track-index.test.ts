import { describe, expect, it } from 'vitest';
import { TrackIndex } from '../../../../src/core/tracks/track-index';
import { interpolateCuboid } from '../../../../src/core/tracks/interpolate';
import { applyPatch, invertPatch, type LabelDoc, type Patch } from '../../../../src/core/edits/patch';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import { createRandom } from '../../../../src/core/math/random';
import type { FrameTiming } from '../../../../src/core/tracks/frame-motion';

const frames: FrameTiming[] = Array.from({ length: 30 }, (_, i) => ({ timestampUs: i * 100_000 }));
const track = (id: string): Track => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true });
const box = (trackId: string, frameIndex: number, x: number): Cuboid => ({
  type: 'cuboid',
  id: `${trackId}-${frameIndex}`,
  sceneId: 's',
  trackId,
  frameIndex,
  position: [x, frameIndex, 0.8],
  size: [4, 2, 1.5],
  yaw: 0.1 * frameIndex,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'manual' },
});

/** The boxes of a frame worked out from scratch: stored ones, then one between each track's neighbours. */
function byHand(doc: LabelDoc, frameIndex: number): Cuboid[] {
  const cuboids = [...doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');
  const out = cuboids.filter((c) => c.frameIndex === frameIndex);
  for (const t of [...doc.values()].filter((r): r is Track => r.type === 'track')) {
    const own = cuboids.filter((c) => c.trackId === t.id).sort((a, b) => a.frameIndex - b.frameIndex);
    if (own.some((c) => c.frameIndex === frameIndex)) continue;
    const earlier = own.filter((c) => c.frameIndex < frameIndex);
    const later = own.filter((c) => c.frameIndex > frameIndex);
    const [before, after] = [earlier.at(-1), later[0]];
    // The curve also leans on the stored box before `before` and the one after `after`.
    const neighbours = { before: earlier.at(-2), after: later[1] };
    if (before && after) out.push(interpolateCuboid(before, after, frameIndex, frames, t, neighbours));
  }
  return out;
}
const sorted = (c: Cuboid[]) => [...c].sort((a, b) => a.id.localeCompare(b.id));

describe('TrackIndex', () => {
  it('stays equal to a fresh scan through random adds, updates, removals and undos', () => {
    const random = createRandom(3);
    const doc: LabelDoc = new Map();
    const index = new TrackIndex(doc);
    const patches: Patch[] = [];
    for (const id of ['a', 'b', 'c']) {
      const p: Patch = { added: [track(id)], updated: [], removed: [] };
      applyPatch(doc, p);
      index.applyPatch(p);
    }
    for (let step = 0; step < 300; step++) {
      const cuboids = [...doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');
      const pick = cuboids[Math.floor(random() * cuboids.length)];
      const trackId = ['a', 'b', 'c'][Math.floor(random() * 3)]!;
      const frame = Math.floor(random() * 30);
      let p: Patch;
      if (step % 7 === 6 && patches.length > 0) p = invertPatch(patches.pop()!);
      else if (pick && random() < 0.3) p = { added: [], updated: [], removed: [pick] };
      else if (pick && random() < 0.5)
        p = { added: [], updated: [[pick, { ...pick, position: [random() * 9, 0, 0] }]], removed: [] };
      else if (!doc.has(`${trackId}-${frame}`))
        p = { added: [box(trackId, frame, random() * 20)], updated: [], removed: [] };
      else continue;
      applyPatch(doc, p);
      index.applyPatch(p);
      if (step % 7 !== 6) patches.push(p);
      const f = Math.floor(random() * 30);
      expect(sorted(index.cuboidsOn(f, frames))).toEqual(sorted(byHand(doc, f)));
    }
    const fresh = new TrackIndex(doc);
    for (let f = 0; f < 30; f++) expect(sorted(fresh.cuboidsOn(f, frames))).toEqual(sorted(index.cuboidsOn(f, frames)));
  });

  it('derives nothing before a track starts or after it ends', () => {
    const doc: LabelDoc = new Map<string, Track | Cuboid>([
      ['t', track('t')],
      ['t-5', box('t', 5, 0)],
      ['t-9', box('t', 9, 4)],
    ]);
    const index = new TrackIndex(doc);
    expect(index.cuboidsOn(4, frames)).toEqual([]);
    expect(index.cuboidsOn(10, frames)).toEqual([]);
    expect(index.cuboidsOn(7, frames).map((c) => [c.id, c.position[0]])).toEqual([['t@7', 2]]);
  });
});
