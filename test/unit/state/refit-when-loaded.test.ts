import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider, LoadedFrame } from '../../../src/state/frame-provider';
import type { LabelRepository } from '../../../src/storage/label-repository';
import type { Scene } from '../../../src/core/model/scene';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { refitWhenLoaded } from '../../../src/state/refit-when-loaded';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;

/** A session whose frames load only when the test says so. */
function slowSession() {
  const pending = new Map<number, () => void>();
  const frames = Array.from({ length: 5 }, (_, i) => ({ index: i, timestampUs: i * 100_000, lidar: [], cameras: [] }));
  const scene = { id: 's', frames, lidars: [], cameras: [] } as unknown as Scene;
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester', frames);
  const provider = {
    load: (index: number) => new Promise<LoadedFrame>((resolve) => pending.set(index, () => resolve({ index } as unknown as LoadedFrame))), // prettier-ignore
    prefetch: () => {},
  } as unknown as FrameProvider;
  return { session: new SessionState(scene, generalDriving, labels, provider), land: (i: number) => pending.get(i)!() };
}

describe('acting on a frame that is still loading', () => {
  it('frameLoaded waits for the newest frame, not an older one overtaken by it', async () => {
    const { session, land } = slowSession();
    void session.goToFrame(1);
    void session.goToFrame(2);
    let done = false;
    const waiting = session.frameLoaded().then(() => (done = true));
    land(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    land(2);
    await waiting;
    expect(session.frame?.index).toBe(2);
  });

  it('a refit asked for while the frame loads is dropped once the user has moved to another frame', async () => {
    const { session, land } = slowSession();
    void session.goToFrame(1);
    const refit = refitWhenLoaded(session);
    void session.goToFrame(3);
    land(1);
    land(3);
    expect(await refit).toBe(false);
  });
});
