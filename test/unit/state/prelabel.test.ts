import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider, LoadedFrame } from '../../../src/state/frame-provider';
import type { LabelRepository } from '../../../src/storage/label-repository';
import type { Scene } from '../../../src/core/model/scene';
import type { Cuboid, Track } from '../../../src/core/model/labels';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { simulateSweep } from '../../../src/core/demo/index';
import { tallyPrelabels } from '../../../src/core/model/prelabel-tally';
import { GroundTruthModel } from '../core/prelabel/model-double';
import { HOTKEY_ACTIONS } from '../../../src/state/hotkey-actions';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
const FRAMES = 8;

/** A session on the demo drive's first frames, with the ground-truth model double as its detector. */
function session(options: { workers?: number; gate?: Promise<void> } = {}) {
  const model = new GroundTruthModel();
  const { drive } = model;
  const frames = drive.scene.frames.slice(0, FRAMES);
  const scene = { ...drive.scene, frames } as Scene;
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester', frames);
  const clouds = frames.map((_, i) => simulateSweep(drive, i));
  clouds.forEach((c, i) => model.expect(i, c.count));
  const load = async (index: number): Promise<LoadedFrame> => ({ index, cloud: clouds[index]!, images: [] });
  const provider: FrameProvider = { load, prefetch: () => {}, read: async (i, use) => use(await load(i)) };
  const s = new SessionState(scene, generalDriving, labels, provider, {
    prelabel: {
      detect: async (sweep, egoFromLidar, classes) => {
        await options.gate;
        return model.detect({ cloud: sweep, egoFromLidar, classes });
      },
      workers: () => options.workers ?? 3,
    },
  });
  return { s, model };
}

const tracksOf = (s: SessionState): Track[] => [...s.labels.tracks.tracks];
const boxesOf = (s: SessionState): Cuboid[] =>
  [...s.labels.doc.values()].filter((r): r is Cuboid => r.type === 'cuboid');

describe('pre-labelling a scene in the app', () => {
  it('adds the tracks as one undoable edit of pending pre-labels, every frame read once, on several workers', async () => {
    const { s, model } = session();
    await s.prelabel.run();
    expect(s.prelabel.phase).toBe('done');
    expect(s.prelabel.framesDone).toBe(FRAMES);
    expect(model.asked.length).toBe(FRAMES);
    const tracks = tracksOf(s);
    expect(tracks.length).toBeGreaterThan(3);
    expect(s.prelabel.added).toEqual({ tracks: tracks.length, boxes: boxesOf(s).length });
    expect(s.prelabel.pendingBoxes).toBe(boxesOf(s).length);
    // Numbered as the app numbers tracks: Car 1, Car 2, …
    expect(
      tracks
        .filter((t) => t.classId === 'car')
        .map((t) => t.number)
        .sort((a, b) => a! - b!)[0],
    ).toBe(1);
    expect(s.labels.history.entries.done.at(-1)?.name).toBe('prelabelScene');
    s.labels.undo();
    expect(boxesOf(s)).toHaveLength(0);
  });

  it('confirms a track and rejects another; a new run replaces only what nobody confirmed or edited', async () => {
    const { s } = session();
    await s.prelabel.run();
    const [kept, dropped, edited] = tracksOf(s);
    s.prelabel.confirmTrack(kept!.id);
    s.prelabel.rejectTrack(dropped!.id);
    const editedBox = s.labels.tracks.boxesOf(edited!.id)[0]!;
    s.labels.editCuboid('updateCuboid', editedBox, { yaw: editedBox.yaw + 0.1 });
    expect(s.labels.tracks.track(dropped!.id)).toBeUndefined();
    expect(s.labels.tracks.boxesOf(kept!.id).every((c) => c.source.kind === 'prelabel' && c.source.confirmed)).toBe(true); // prettier-ignore
    const editedNow = s.labels.doc.get(editedBox.id) as Cuboid;
    expect(editedNow.source).toEqual({ kind: 'manual', from: { model: 'frustum-classic', version: expect.stringMatching(/\+/) } }); // prettier-ignore
    const tally = tallyPrelabels(s.labels.doc.values())[0]!;
    expect(tally.confirmed).toBe(s.labels.tracks.boxesOf(kept!.id).length);
    expect(tally.edited).toBe(1);

    const before = tracksOf(s).length;
    await s.prelabel.run();
    // The confirmed and the edited track stay; the pending ones were replaced, not doubled.
    expect(s.labels.tracks.track(kept!.id)).toBeDefined();
    expect(s.labels.tracks.track(edited!.id)).toBeDefined();
    expect(tracksOf(s).length).toBeLessThanOrEqual(before + 3);
    expect(tracksOf(s).length).toBeGreaterThan(2);
  });

  it('rejects one box, and its track goes with its last box', async () => {
    const { s } = session();
    await s.prelabel.run();
    const track = tracksOf(s)[0]!;
    const boxes = [...s.labels.tracks.boxesOf(track.id)];
    s.prelabel.rejectBox(boxes[0]!);
    expect(s.labels.doc.has(boxes[0]!.id)).toBe(false);
    for (const b of boxes.slice(1)) s.prelabel.rejectBox(b);
    expect(s.labels.tracks.track(track.id)).toBeUndefined();
  });

  it('Y confirms the selected pre-label box and Alt+X rejects its track; a person’s box is left alone', async () => {
    const { s } = session();
    await s.prelabel.run();
    const key = (binding: string) => HOTKEY_ACTIONS.find((a) => a.keys.includes(binding))!;
    const [first, second] = tracksOf(s);
    const box = s.labels.tracks.boxesOf(first!.id)[0]!;
    await s.goToFrame(box.frameIndex);
    s.selectedId = box.id;
    key('y').run(s, { coarse: false, gesture: 'g' });
    expect((s.labels.doc.get(box.id) as Cuboid).source).toMatchObject({ kind: 'prelabel', confirmed: true });
    const other = s.labels.tracks.boxesOf(second!.id)[0]!;
    await s.goToFrame(other.frameIndex);
    s.selectedId = other.id;
    key('alt+x').run(s, { coarse: false, gesture: 'g' });
    expect(s.labels.tracks.track(second!.id)).toBeUndefined();
    // A confirmed box is no pre-label to reject any more: X leaves it.
    await s.goToFrame(box.frameIndex);
    s.selectedId = box.id;
    key('x').run(s, { coarse: false, gesture: 'g' });
    expect(s.labels.doc.has(box.id)).toBe(true);
  });

  it('cancel leaves the labels as they were, and says so', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { s } = session({ gate });
    const run = s.prelabel.run();
    expect(s.prelabel.phase).toBe('running');
    s.prelabel.cancel();
    open();
    await run;
    expect(s.prelabel.phase).toBe('cancelled');
    expect(boxesOf(s)).toHaveLength(0);
    expect(s.labels.history.entries.done).toHaveLength(0);
  });

  it('a detector that fails says why, and the labels stay as they were', async () => {
    const { s } = session();
    const broken = new SessionState(s.scene, generalDriving, s.labels, { load: async () => { throw new Error('000003.bin: truncated'); }, prefetch: () => {}, read: async () => { throw new Error('000003.bin: truncated'); } }); // prettier-ignore
    await broken.prelabel.run();
    expect(broken.prelabel.phase).toBe('failed');
    expect(broken.prelabel.error?.message).toContain('000003.bin');
    expect(boxesOf(broken)).toHaveLength(0);
  });
});
