import { describe, expect, it, vi } from 'vitest';
import { LibraryState, type LibraryBackend, type SceneSummary } from '../../../src/state/library.svelte';
import type { ImportedScene } from '../../../src/formats/scene/import-scene';
import type { SessionState } from '../../../src/state/session.svelte';
import { createMemoryFiles } from '../../../src/formats/scene/scene-files';

const here: SceneSummary = { id: 'kitti-object-aaaa', name: 'drive', kind: 'opfs', frames: 2, source: 'drive' };

/** A library over a backend stand-in: the folder reads as scene `readId`, and `same` are the scenes here. */
function library(readId: string, same: SceneSummary[]) {
  const imported = { scene: { id: readId, frames: [{}, {}, {}], cameras: [] }, tracks: [], cuboids: [], problems: [] };
  const session = {
    scene: imported.scene,
    playback: { pause: () => undefined },
    goToFrame: async () => undefined,
    labels: { doc: new Map() },
    selectTrack: () => undefined,
  } as unknown as SessionState;
  const backend = {
    listScenes: async () => [here],
    openScene: vi.fn(async () => session),
    readFolder: vi.fn(async () => ({ imported: imported as unknown as ImportedScene, same })),
    listFolderScenes: async () => [],
    storeFolder: vi.fn(async (_i: unknown, _f: unknown, _k: unknown, _p: unknown, _s: unknown, replace?: string) => ({
      sceneId: replace ?? readId,
    })),
    listOntologies: async () => [],
  } as unknown as LibraryBackend;
  const state = new LibraryState(backend, () => undefined);
  const files = createMemoryFiles('drive', { 'a.txt': new Uint8Array(1), 'b.txt': new Uint8Array(1) });
  const run = state.importFolder('drive', async () => ({ files, keep: { kind: 'opfs' } }));
  return { state, backend, run };
}

/** Lets the import go on until it waits on the question (or ends). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('importing a folder the library holds a scene of', () => {
  it('asks first; "open it" opens that scene and stores nothing', async () => {
    const { state, backend, run } = library(here.id, [here]);
    await settle();
    expect(state.reimport.pending).toMatchObject({ source: 'drive', frames: 3, same: [here], canAddNew: false });
    expect(state.importing).toMatchObject({ source: 'drive', files: 2 });
    state.reimport.answer({ kind: 'reopen', sceneId: here.id });
    await run;
    expect(backend.storeFolder).not.toHaveBeenCalled();
    expect(backend.openScene).toHaveBeenCalledWith(here.id);
    expect(state.importing).toBeUndefined();
  });

  it('replaces that scene’s sensor data under its id, or adds a scene of its own', async () => {
    const replacing = library('kitti-object-bbbb', [here]);
    await settle();
    expect(replacing.state.reimport.pending?.canAddNew).toBe(true);
    replacing.state.reimport.answer({ kind: 'replace', sceneId: here.id });
    await replacing.run;
    expect(vi.mocked(replacing.backend.storeFolder).mock.calls[0]![5]).toBe(here.id);
    expect(replacing.backend.openScene).toHaveBeenCalledWith(here.id);

    const adding = library('kitti-object-bbbb', [here]);
    await settle();
    adding.state.reimport.answer({ kind: 'new' });
    await adding.run;
    expect(vi.mocked(adding.backend.storeFolder).mock.calls[0]![5]).toBeUndefined();
    expect(adding.backend.openScene).toHaveBeenCalledWith('kitti-object-bbbb');
  });

  it('asks nothing of a folder it does not hold, and a cancel while asking stores nothing', async () => {
    const fresh = library('kitti-object-cccc', []);
    await fresh.run;
    expect(fresh.state.reimport.pending).toBeUndefined();
    expect(fresh.backend.storeFolder).toHaveBeenCalledTimes(1);

    const cancelled = library(here.id, [here]);
    await settle();
    cancelled.state.cancelImport();
    await cancelled.run;
    expect(cancelled.state.reimport.pending).toBeUndefined();
    expect(cancelled.backend.storeFolder).not.toHaveBeenCalled();
    expect(cancelled.state.importing).toBeUndefined();
    expect(cancelled.state.error).toBeUndefined();
  });
});
