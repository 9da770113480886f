import { describe, expect, it } from 'vitest';
import { fromPose, transformPoint } from '../../../../../src/core/math/mat4';
import { createTracker, trackDetections, TRACKER_PARAMS } from '../../../../../src/core/prelabel/track';
import type { Detection, PrelabelTrack } from '../../../../../src/core/prelabel/types';
import { angleBetween, CAR, straight, syntheticScene, type Pose, type SyntheticScene } from './scene';

/** For each detected box of a track, the index of the object whose true centre is nearest (and how near). */
function owners(track: PrelabelTrack, scene: SyntheticScene): { object: number; distance: number }[] {
  return track.boxes
    .filter((b) => b.detected)
    .map((b) => {
      const truths = scene.truth[b.frameIndex]!;
      let best = { object: -1, distance: Infinity };
      truths.forEach((p, object) => {
        const d = p ? Math.hypot(p.x - b.position[0], p.y - b.position[1]) : Infinity;
        if (d < best.distance) best = { object, distance: d };
      });
      return best;
    });
}

describe('tracker on synthetic scenes', () => {
  it('two cars crossing paths and one passing, with an occlusion: no identity switch, the gap coasted', () => {
    const hidden = (f: number) => f >= 22 && f <= 28; // 7 frames, while the oncoming car passes it
    const scene = syntheticScene(
      [
        { classId: 'car', size: CAR, at: straight(-20, 0, 10, 0, hidden) },
        { classId: 'car', size: CAR, at: straight(5, -28, 0, 8) }, // crosses the first car's path 1 s after it
        { classId: 'car', size: CAR, at: straight(30, 3.5, -10, 0) }, // oncoming, passes at 2.5 s
      ],
      60,
      { seed: 7 },
    );
    const tracks = trackDetections(scene.frames);
    expect(tracks).toHaveLength(3);
    const objects = tracks.map((t) => {
      const own = owners(t, scene);
      // Every box of a track is its one object's, within half a metre.
      expect(new Set(own.map((o) => o.object)).size).toBe(1);
      expect(Math.max(...own.map((o) => o.distance))).toBeLessThan(0.5);
      return own[0]!.object;
    });
    expect(objects.sort()).toEqual([0, 1, 2]);
    const first = tracks.find((t) => owners(t, scene)[0]!.object === 0)!;
    const coasted = first.boxes.filter((b) => !b.detected).map((b) => b.frameIndex);
    expect(coasted).toEqual([22, 23, 24, 25, 26, 27, 28]);
    // The coasted boxes lie on the hidden car's path.
    for (const b of first.boxes.filter((x) => !x.detected)) {
      expect(Math.hypot(b.position[0] - (-20 + b.frameIndex), b.position[1])).toBeLessThan(0.5);
    }
    expect(first.boxes).toHaveLength(60);
    for (const t of tracks) {
      expect(t.boxes.at(-1)!.detected).toBe(true);
      expect(t.size[0]).toBeCloseTo(CAR[0], 6);
      expect(t.score).toBeCloseTo(0.8, 9);
    }
  });

  it('a car turning 90° keeps one track and its headings follow the turn', () => {
    const speed = 8,
      radius = 10;
    const arc = (Math.PI / 2) * radius;
    const path = (t: number): Pose => {
      const s = speed * t;
      if (s < 16) return { x: s, y: 0, yaw: 0 };
      if (s < 16 + arc) {
        const a = (s - 16) / radius;
        return { x: 16 + radius * Math.sin(a), y: radius * (1 - Math.cos(a)), yaw: a };
      }
      return { x: 16 + radius, y: radius + (s - 16 - arc), yaw: Math.PI / 2 };
    };
    const scene = syntheticScene([{ classId: 'car', size: CAR, at: (t) => path(t) }], 60, { seed: 3 });
    const tracks = trackDetections(scene.frames);
    expect(tracks).toHaveLength(1);
    const errors = tracks[0]!.boxes.map((b) => angleBetween(b.yaw, scene.truth[b.frameIndex]![0]!.yaw));
    expect(Math.max(...errors)).toBeLessThan(0.15);
    expect(tracks[0]!.boxes.at(-1)!.yaw).toBeCloseTo(Math.PI / 2, 1);
  });

  it('detections turned round on some frames are turned back on a moving car', () => {
    // No poses: two parked cars tell the tracker that the ego stands (most of a scene stands still in the world).
    const parked = (x: number) => ({ classId: 'car', size: CAR, at: () => ({ x, y: -8, yaw: 0 }) });
    const scene = syntheticScene(
      [{ classId: 'car', size: CAR, at: straight(0, 5, -7, 1), flipped: (f) => f % 3 === 1 || (f >= 20 && f < 26) }, parked(10), parked(25)], // prettier-ignore
      40,
      { seed: 11 },
    );
    const flippedIn = scene.frames.filter((f) => angleBetween(f.detections[0]!.yaw, scene.truth[f.frameIndex]![0]!.yaw) > 2); // prettier-ignore
    expect(flippedIn.length).toBeGreaterThan(12);
    const [track] = trackDetections(scene.frames);
    for (const b of track!.boxes) expect(angleBetween(b.yaw, scene.truth[b.frameIndex]![0]!.yaw)).toBeLessThan(0.12);
  });

  it('birth: a single false positive, or two detections, never make a track; a very sure detection confirms at once', () => {
    const lone = syntheticScene([{ classId: 'car', size: CAR, at: (_, f) => (f === 10 ? { x: 20, y: 3, yaw: 0 } : undefined) }], 30); // prettier-ignore
    const tracker = createTracker();
    for (const f of lone.frames) tracker.push(f);
    expect(tracker.tracksSoFar()).toBe(0);
    expect(tracker.finish()).toEqual([]);
    const twice = syntheticScene([{ classId: 'car', size: CAR, at: (_, f) => (f === 4 || f === 5 ? { x: 20, y: 3, yaw: 0 } : undefined) }], 30); // prettier-ignore
    expect(trackDetections(twice.frames)).toEqual([]);
    // Confirmed at once, kept once it has as many detections as the result asks.
    const sure = syntheticScene([{ classId: 'car', size: CAR, score: 0.97, at: (_, f) => (f < 3 ? { x: 20, y: 3, yaw: 0 } : undefined) }], 10); // prettier-ignore
    const early = createTracker();
    early.push(sure.frames[0]!);
    expect(early.tracksSoFar()).toBe(1);
    for (const f of sure.frames.slice(1)) early.push(f);
    expect(early.finish()).toHaveLength(1);
  });

  it('death: a gap longer than maxMisses ends the track; no boxes after the last detection', () => {
    const gap = TRACKER_PARAMS.maxMisses + 3;
    const seen = (f: number) => f < 10 || (f >= 10 + gap && f < 20 + gap);
    const parked = syntheticScene([{ classId: 'car', size: CAR, at: (_, f) => (seen(f) ? { x: 15, y: -4, yaw: 0.2 } : undefined) }], 40 + gap); // prettier-ignore
    const tracks = trackDetections(parked.frames);
    expect(tracks.map((t) => [t.boxes[0]!.frameIndex, t.boxes.at(-1)!.frameIndex])).toEqual([
      [0, 9],
      [10 + gap, 19 + gap],
    ]);
    // A shorter gap is coasted over.
    const short = (f: number) => f < 10 || (f >= 15 && f < 25);
    const again = syntheticScene([{ classId: 'car', size: CAR, at: (_, f) => (short(f) ? { x: 15, y: -4, yaw: 0.2 } : undefined) }], 40); // prettier-ignore
    const [one, ...rest] = trackDetections(again.frames);
    expect(rest).toEqual([]);
    expect(one!.boxes.filter((b) => !b.detected).map((b) => b.frameIndex)).toEqual([10, 11, 12, 13, 14]);
    expect(one!.boxes.at(-1)!.frameIndex).toBe(24);
  });

  it('ego motion: a parked car seen from a driving, turning ego is one standing track with one heading', () => {
    const ego = (t: number) => fromPose([12 * t, 0.5 * t * t, 0], 0.12 * t);
    const truth: Pose = { x: 40, y: 6, yaw: 0.3 };
    const scene = syntheticScene([{ classId: 'car', size: CAR, at: () => truth, flipped: (f) => f % 5 === 2 }], 30, {
      seed: 5,
      ego,
    });
    const tracks = trackDetections(scene.frames);
    expect(tracks).toHaveLength(1);
    for (const b of tracks[0]!.boxes) {
      const worldFromEgo = scene.frames[b.frameIndex]!.worldFromEgo!;
      const world = transformPoint(worldFromEgo, b.position);
      const worldYaw = b.yaw + Math.atan2(worldFromEgo[4]!, worldFromEgo[0]!);
      expect(Math.hypot(world[0] - truth.x, world[1] - truth.y)).toBeLessThan(0.25);
      expect(angleBetween(worldYaw, truth.yaw)).toBeLessThan(0.05);
    }
    const worldYaws = tracks[0]!.boxes.map((b) => b.yaw + Math.atan2(scene.frames[b.frameIndex]!.worldFromEgo![4]!, scene.frames[b.frameIndex]!.worldFromEgo![0]!)); // prettier-ignore
    expect(Math.max(...worldYaws) - Math.min(...worldYaws)).toBeLessThan(1e-9);
  });

  it('missing or uneven frame times: the frame index at 10 Hz, and real gaps in time, keep one track', () => {
    const at = straight(0, 0, 15, 0);
    // Times missing: indices skip (dropped sweeps), the clock follows the indices.
    const missing = syntheticScene([{ classId: 'car', size: CAR, at }], 40, { seed: 2 });
    const frames = missing.frames.filter((f) => f.frameIndex % 4 !== 3).map((f) => ({ ...f, time: Number.NaN }));
    expect(trackDetections(frames)).toHaveLength(1);
    // Unevenly spaced sweeps, their times given.
    const times = Array.from({ length: 40 }, (_, i) => i * 0.1 + (i % 3 === 0 ? 0.04 : 0) + (i > 20 ? 0.3 : 0));
    const uneven = syntheticScene([{ classId: 'car', size: CAR, at }], 40, { seed: 2, times });
    const [track, ...rest] = trackDetections(uneven.frames);
    expect(rest).toEqual([]);
    for (const b of track!.boxes) expect(Math.abs(b.position[0] - 15 * times[b.frameIndex]!)).toBeLessThan(0.3);
  });

  it('pushing frame by frame gives what trackDetections gives', () => {
    const scene = syntheticScene(
      [
        { classId: 'car', size: CAR, at: straight(-20, 0, 10, 0, (f) => f > 12 && f < 17) },
        { classId: 'pedestrian', size: [0.7, 0.6, 1.75], at: straight(8, -5, 0, 1.3) },
      ],
      40,
      { seed: 9, ego: (t) => fromPose([5 * t, 0, 0], 0.05 * t) },
    );
    const tracker = createTracker();
    const counts: number[] = [];
    for (const f of scene.frames) {
      tracker.push(f);
      counts.push(tracker.tracksSoFar());
      if (f.frameIndex === 20) tracker.finish(); // asking early changes nothing
    }
    expect(counts.at(-1)).toBe(2);
    expect(tracker.finish()).toEqual(trackDetections(scene.frames));
  });
});

describe('a sequence shorter than the birth window', () => {
  const car = (x: number): Detection => ({ classId: 'car', score: 0.6, position: [x, 4, 0.8], size: [4.5, 1.8, 1.5], yaw: 0, points: 200 }); // prettier-ignore
  it('one sweep: each detection is a track of one box', () => {
    const tracks = trackDetections([{ frameIndex: 0, time: 0, detections: [car(10), car(20)] }]);
    expect(tracks).toHaveLength(2);
    expect(tracks.map((t) => t.boxes.length)).toEqual([1, 1]);
  });
  it('two sweeps: an object seen on both is one track; one seen once is left out', () => {
    const tracks = trackDetections([
      { frameIndex: 0, time: 0, detections: [car(10), car(30)] },
      { frameIndex: 1, time: 0.1, detections: [car(10.1)] },
    ]);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]!.boxes.map((b) => b.frameIndex)).toEqual([0, 1]);
  });
});

describe('frames without ego poses', () => {
  it('a parked car passed by a driving ego keeps its detected heading, not the direction it seems to move', () => {
    // The ego drives +x at 10 m/s with no pose given: the parked car, facing +x, seems to move −x in the ego frame.
    const frames = Array.from({ length: 10 }, (_, i) => ({
      frameIndex: i,
      time: i / 10,
      detections: [
        { classId: 'car', score: 0.8, position: [20 - i, 4, 0.8] as const, size: [4.5, 1.8, 1.5] as const, yaw: 0.02, points: 300 }, // prettier-ignore
      ],
    }));
    const [track] = trackDetections(frames);
    expect(track!.boxes).toHaveLength(10);
    for (const b of track!.boxes) expect(Math.abs(b.yaw)).toBeLessThan(0.2);
    // The same sweeps with the poses given: the car stands still in the world and keeps its heading too.
    const posed = frames.map((f) => ({ ...f, worldFromEgo: fromPose([f.time * 10, 0, 0], 0) }));
    for (const b of trackDetections(posed)[0]!.boxes) expect(Math.abs(b.yaw)).toBeLessThan(0.2);
  });
});
