import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import type { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider, LoadedFrame } from '../../../src/state/frame-provider';
import type { Scene } from '../../../src/core/model/scene';
import { generalDriving } from '../../../src/core/model/default-ontology';

/** A session over `count` frames that load at once (frame 2 fails), with no labels. */
function session(count: number): SessionState {
  const frames = Array.from({ length: count }, (_, i) => ({ index: i, timestampUs: i * 100_000 }));
  const loaded = frames.map((f) => ({ index: f.index, cloud: { count: 0 }, images: [] }) as unknown as LoadedFrame);
  const provider: FrameProvider = {
    load: async (i) => (i === 2 ? Promise.reject(new Error('velodyne/000002.bin: cut short')) : loaded[i]!),
    prefetch: () => undefined,
    read: async (i, use) => use(loaded[i]!),
  };
  const labels = { cuboidsOn: () => [], doc: new Map() } as unknown as LabelsState;
  const scene = { id: 's', frames, lidars: [] } as unknown as Scene;
  return new SessionState(scene, generalDriving, labels, provider);
}

/** Whether a promise has settled yet, and with what. */
async function peek<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 0))]);
}

describe('SessionState.whenShown', () => {
  it('waits until the view has drawn the frame that landed, not merely until it landed', async () => {
    const s = session(4);
    await s.goToFrame(1);
    const shown = s.whenShown(1);
    expect(await peek(shown)).toBe('pending');
    s.markShown(s.frame);
    expect(await shown).toBe(true);
    // Drawn already: no wait.
    expect(await s.whenShown(1)).toBe(true);
  });

  it('answers false when another frame is asked for first, when the frame is not the one asked, or fails', async () => {
    const s = session(4);
    await s.goToFrame(1);
    const left = s.whenShown(1);
    await s.goToFrame(3);
    expect(await left).toBe(false);
    expect(await s.whenShown(1)).toBe(false);
    await s.goToFrame(2);
    expect(s.error?.message).toContain('cut short');
    expect(await s.whenShown(2)).toBe(false);
  });
});
