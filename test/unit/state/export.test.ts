import { describe, expect, it } from 'vitest';
import { ExportState, type ExportBackend, type ExportRequest } from '../../../src/state/export.svelte';
import type { LabelVersion } from '../../../src/core/model/label-version';
import type { Ontology } from '../../../src/core/model/ontology';
import type { Scene } from '../../../src/core/model/scene';
import type { LabelsState } from '../../../src/state/labels.svelte';

/** A session stand-in whose journal writes land only when `land` is called. */
function fakeSession(source: Scene['source']) {
  let land!: () => void;
  const writes = new Promise<void>((resolve) => (land = resolve));
  const doc = new Map([['t1', { type: 'track', id: 't1' }]]);
  const labels = { doc, flushed: () => writes } as unknown as LabelsState;
  const scene = { id: 's1', name: 'S', source, ontologyId: 'general-driving' } as Scene;
  return { session: { scene, ontology: { id: 'kitti', version: 2 } as Ontology, labels }, land };
}

function fakeBackend() {
  const requests: ExportRequest[] = [];
  const saved: string[] = [];
  const backend: ExportBackend = {
    listVersions: async () => saved.map((message) => ({ message }) as LabelVersion),
    listExports: async () => [],
    saveVersion: async (_, records, message) => {
      saved.push(`${message} (${records.length})`);
      return { message } as LabelVersion;
    },
    versionFor: async (_, __, message) => ({ message }) as LabelVersion,
    exportScene: async (request) => {
      requests.push(request);
      if (request.format === 'csv') throw new Error('disk full');
      return { fileName: 'x.json', bytes: new Uint8Array(), mime: 'application/json', record: {} as never };
    },
  };
  return { backend, requests, saved };
}

describe('ExportState', () => {
  it('waits for journal writes before saving a version, and clears the message after', async () => {
    const { session, land } = fakeSession({ kind: 'demo', seed: 1 });
    const { backend, saved } = fakeBackend();
    const state = new ExportState(backend, session);
    state.message = '  reviewed  ';
    const saving = state.saveVersion();
    await Promise.resolve();
    expect(saved).toEqual([]);
    land();
    await saving;
    expect(saved).toEqual(['reviewed (1)']);
    expect(state.message).toBe('');
    expect(state.versions.map((v) => v.message)).toEqual(['reviewed (1)']);
  });

  it('exports with the ontology in use, never embeds demo files, and reports a failure', async () => {
    const { session, land } = fakeSession({ kind: 'demo', seed: 1 });
    land();
    const { backend, requests } = fakeBackend();
    const state = new ExportState(backend, session);
    state.format = 'bundle';
    state.embedData = true;
    expect((await state.export('made for export'))?.fileName).toBe('x.json');
    expect(requests[0]).toMatchObject({ format: 'bundle', embedData: false, versionMessage: 'made for export' });
    expect(requests[0]!.scene.ontologyId).toBe('kitti');
    state.format = 'csv';
    expect(await state.export('m')).toBeUndefined();
    expect(state.error).toEqual({ message: 'disk full' });
    expect(state.busy).toBe(false);
  });

  it('embeds the files of a folder scene when asked', async () => {
    const { session, land } = fakeSession({ kind: 'files', root: '' });
    land();
    const { backend, requests } = fakeBackend();
    const state = new ExportState(backend, session);
    state.format = 'bundle';
    state.embedData = true;
    await state.export('m');
    expect(requests[0]!.embedData).toBe(true);
  });
});
