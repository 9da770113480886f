import { describe, expect, it, vi } from 'vitest';
import { LibraryState, type LibraryBackend } from '../../../src/state/library.svelte';
import type { ImportedScene } from '../../../src/formats/scene/import-scene';
import type { SceneChoice } from '../../../src/formats/scene/scene-choice';
import type { SessionState } from '../../../src/state/session.svelte';
import { createMemoryFiles } from '../../../src/formats/scene/scene-files';

/** A library over a backend stand-in whose folder holds `scenes`; the import opens a scene with one camera. */
function library(scenes: SceneChoice[]) {
  const imported = { scene: { id: 'nuscenes-aaaa', frames: [{}], cameras: [{}] }, tracks: [], cuboids: [], problems: [] }; // prettier-ignore
  const session = {
    scene: imported.scene,
    projectPoints: false,
    playback: { pause: () => undefined },
    goToFrame: async () => undefined,
    labels: { doc: new Map() },
    selectTrack: () => undefined,
  } as unknown as SessionState;
  const backend = {
    listScenes: async () => [],
    openScene: vi.fn(async () => session),
    readFolder: vi.fn(async () => ({ imported: imported as unknown as ImportedScene, same: [] })),
    listFolderScenes: vi.fn(async () => scenes),
    storeFolder: vi.fn(async () => ({ sceneId: imported.scene.id })),
    listOntologies: async () => [],
  } as unknown as LibraryBackend;
  const state = new LibraryState(backend, () => undefined);
  const files = createMemoryFiles('nuscenes', { 'v1.0-mini/scene.json': new Uint8Array(1) });
  const run = state.importFolder('nuscenes', async () => ({ files, keep: { kind: 'opfs' } }));
  return { state, backend, run, session };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const three: SceneChoice[] = [
  { id: 'v1.0-mini/scene-0061', name: 'scene-0061', frames: 39, hasSweeps: true },
  { id: 'v1.0-mini/scene-0103', name: 'scene-0103', frames: 40, hasSweeps: true },
  { id: 'v1.0-mini/scene-0553', name: 'scene-0553', frames: 41, hasSweeps: false },
];

describe('importing a folder of several scenes', () => {
  it('asks which before reading it, and reads the chosen scene with its sweeps', async () => {
    const { state, backend, run, session } = library(three);
    await settle();
    expect(state.sceneChoice.pending).toEqual({ source: 'nuscenes', scenes: three });
    expect(backend.readFolder).not.toHaveBeenCalled();
    state.sceneChoice.answer({ kind: 'scene', scene: 'v1.0-mini/scene-0103', sweeps: true });
    await run;
    expect(vi.mocked(backend.readFolder).mock.calls[0]![3]).toEqual({
      labelsAs: 'labels',
      scene: 'v1.0-mini/scene-0103',
      sweeps: true,
    });
    // The calibration check comes first on a new scene with cameras: its points on the images.
    expect(session.projectPoints).toBe(true);
    expect(state.error).toBeUndefined();
  });

  it('a cancel while asking reads and stores nothing; a folder of one scene is not asked about', async () => {
    const cancelled = library(three);
    await settle();
    cancelled.state.sceneChoice.answer({ kind: 'cancel' });
    await cancelled.run;
    expect(cancelled.backend.readFolder).not.toHaveBeenCalled();
    expect(cancelled.backend.storeFolder).not.toHaveBeenCalled();
    expect(cancelled.state.importing).toBeUndefined();

    const single = library([three[2]!]);
    await single.run;
    expect(single.state.sceneChoice.pending).toBeUndefined();
    expect(vi.mocked(single.backend.readFolder).mock.calls[0]![3]).toEqual({ labelsAs: 'labels' });
  });
});
