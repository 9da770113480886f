import { describe, expect, it } from 'vitest';
import { readNuscenesStyle } from '../../../../src/formats/labels/nuscenes-reader';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { byTrackAndFrame, expectClose, expectPoseClose } from './label-set-compare';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

describe('nuScenes-style round trip (property test over random scenes)', () => {
  it('gives back tracks and boxes within 1e-6 m and 1e-6 rad; loses sensors, files and time segments', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const set = randomLabelSet(seed);
      const { files, problems } = writeNuscenesStyle(set, testLineage());
      const posed = set.scene.frames.every((f) => f.worldFromEgo);
      expect(problems.some((p) => p.code === 'nuscenes.pose.missing' && /ego pose/.test(p.message))).toBe(!posed);
      const json = JSON.parse(files[0]!.text) as { lineage: unknown; sample_annotation: { size: number[] }[] };
      expect(json.lineage).toEqual(testLineage());
      const read = readNuscenesStyle(files[0]!.text, 'n.json');
      expect(read.problems).toEqual([]);
      const { scene } = read.set;
      expect(scene.frames.map((f) => f.timestampUs)).toEqual(set.scene.frames.map((f) => f.timestampUs));
      scene.frames.forEach((f, i) => expectClose(f.worldFromEgo, set.scene.frames[i]!.worldFromEgo, 1e-9));
      expect([scene.lidars, scene.cameras, read.set.segments]).toEqual([[], [], []]);
      expect(read.set.tracks).toEqual(set.tracks);
      const got = byTrackAndFrame(read.set.cuboids);
      expect(got.size).toBe(set.cuboids.length);
      for (const want of set.cuboids) {
        const box = got.get(`${want.trackId}@${want.frameIndex}`)!;
        // Positions pass through the world frame, up to 10 km away: 1e-6 m still holds.
        expectPoseClose(box, want, 1e-6, 1e-6);
        expect([box.attributes, box.keyframe, box.source]).toEqual([want.attributes, want.keyframe, want.source]);
      }
      expect(json.sample_annotation.map((a) => a.size)).toEqual(
        set.tracks.flatMap((t) => set.cuboids.filter((c) => c.trackId === t.id).sort((a, b) => a.frameIndex - b.frameIndex)).map((c) => [c.size[1], c.size[0], c.size[2]]), // prettier-ignore
      );
    }
  });

  it('estimates velocity in the global frame from the neighbouring boxes of a track', () => {
    const set = randomLabelSet(5);
    const track = set.tracks[0]!;
    const frames = set.scene.frames.map((f, i) => ({ ...f, timestampUs: i * 500_000, worldFromEgo: [1, 0, 0, 10 * i, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] })); // prettier-ignore
    const cuboids = frames.map((f) => ({ ...set.cuboids[0]!, trackId: track.id, id: `b${f.index}`, frameIndex: f.index, position: [0, 0, 0] as const })); // prettier-ignore
    const { files } = writeNuscenesStyle({ ...set, scene: { ...set.scene, frames }, tracks: [track], cuboids }, testLineage()); // prettier-ignore
    const annotations = (JSON.parse(files[0]!.text) as { sample_annotation: { velocity: number[] | null }[] }).sample_annotation; // prettier-ignore
    // The ego drives 10 m every 0.5 s, the box rides along with it: 20 m/s along the world's x.
    for (const a of annotations) expectClose(a.velocity!, [20, 0], 1e-9);
  });

  it('reads plain nuScenes annotations: category names, attribute names and visibility', () => {
    const text = JSON.stringify({
      sample: [{ token: 's1', timestamp: 5 }],
      instance: [{ token: 'i1', category_name: 'vehicle.bus.rigid' }],
      sample_annotation: [
        { token: 'a', sample_token: 's1', instance_token: 'i1', translation: [1, 2, 3], size: [2, 10, 3], rotation: [1, 0, 0, 0], attribute_names: ['vehicle.parked'], visibility_token: '4' }, // prettier-ignore
        { token: 'b', sample_token: 'nope', instance_token: 'i1', translation: [1, 2, 3], size: [2, 10, 3], rotation: [1, 0, 0, 0] }, // prettier-ignore
      ],
    });
    const { set, problems } = readNuscenesStyle(text, 'plain.json');
    expect(set.tracks).toMatchObject([{ id: 'i1', classId: 'truck' }]);
    expect(set.cuboids).toMatchObject([{ position: [1, 2, 3], size: [10, 2, 3], attributes: { status: 'vehicle.parked', visibility: 'v80-100' } }]); // prettier-ignore
    expect(problems).toEqual([{ path: 'plain.json', code: 'nuscenes.annotation.no-sample', message: 'names no sample of the file: left out', place: '/sample_annotation/1' }]); // prettier-ignore
    expect(() => readNuscenesStyle('{"openlabel": {}}', 'x.json')).toThrow('x.json: / needs "sample" and "sample_annotation" arrays'); // prettier-ignore
  });
});
