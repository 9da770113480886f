import { describe, expect, it } from 'vitest';
import { OntologiesState, type OntologyBackend } from '../../../src/state/ontologies.svelte';
import type { Ontology } from '../../../src/core/model/ontology';
import type { Scene } from '../../../src/core/model/scene';

/** Keeps stored ontologies and scene choices in memory, as IndexedDB would. */
function memoryBackend() {
  const stored: { ontology: Ontology; fileName: string }[] = [];
  const choices = new Map<string, string>();
  const backend: OntologyBackend = {
    listOntologies: async () => [...stored],
    storeOntology: async (ontology, fileName) => {
      const at = stored.findIndex((s) => s.ontology.id === ontology.id);
      if (at >= 0) stored.splice(at, 1);
      stored.push({ ontology, fileName });
    },
    setSceneOntology: async (sceneId, id) => void choices.set(sceneId, id),
  };
  return { backend, stored, choices };
}

/** A session stand-in: the scene it labels and the ontology it was last given. */
function session() {
  const s = { scene: { id: 'scene-1' } as Scene, ontology: undefined as Ontology | undefined };
  return {
    ...s,
    setOntology: (o: Ontology) => (s.ontology = o),
    get current() {
      return s.ontology;
    },
  };
}

const file = (name: string, body: unknown) => ({
  name,
  text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
});
const cones = {
  format: 'frustum-ontology',
  id: 'site-cones',
  name: 'Site cones',
  version: 1,
  classes: [{ id: 'cone', color: '#ff8800', defaultSize: [0.4, 0.4, 0.7] }],
};

describe('OntologiesState', () => {
  it('offers the shipped ontologies before anything is loaded', async () => {
    const state = new OntologiesState(memoryBackend().backend);
    await state.refresh();
    expect(state.all.map((o) => o.id)).toEqual(['general-driving', 'kitti', 'nuscenes']);
  });

  it('loads a file, keeps it, and labels the open scene with it', async () => {
    const { backend, stored, choices } = memoryBackend();
    const state = new OntologiesState(backend);
    const open = session();
    const loaded = await state.loadFile(file('cones.json', cones), open);
    expect(loaded?.id).toBe('site-cones');
    expect(stored.map((s) => s.fileName)).toEqual(['cones.json']);
    expect(state.all.map((o) => o.id)).toContain('site-cones');
    expect(state.fileNames).toEqual({ 'site-cones': 'cones.json' });
    expect(choices.get('scene-1')).toBe('site-cones');
    expect(open.current?.id).toBe('site-cones');
    expect(state.error).toBeUndefined();
  });

  it('refuses a broken file with the reader’s lines, changing nothing', async () => {
    const { backend, stored } = memoryBackend();
    const state = new OntologiesState(backend);
    const open = session();
    const broken = { ...cones, classes: [{ id: 'cone', color: 'orange', defaultSize: [0.4, 0.4, 0.7] }] };
    expect(await state.loadFile(file('broken.json', broken), open)).toBeUndefined();
    expect(state.error).toEqual({
      fileName: 'broken.json',
      kind: 'invalid',
      faults: [
        {
          place: '/classes/0/color',
          message: '"orange" is not a colour written #rrggbb',
          code: 'ontology.color.invalid',
          values: { value: 'orange' },
        },
      ],
    });
    expect(stored).toEqual([]);
    expect(open.current).toBeUndefined();
  });

  it('refuses a file that takes a shipped ontology’s id', async () => {
    const state = new OntologiesState(memoryBackend().backend);
    await state.loadFile(file('mine.json', { ...cones, id: 'kitti' }), undefined);
    expect(state.error).toEqual({ fileName: 'mine.json', kind: 'shippedId', id: 'kitti' });
  });

  it('chooses a shipped ontology for the scene', async () => {
    const { backend, choices } = memoryBackend();
    const state = new OntologiesState(backend);
    const open = session();
    await state.choose(open, 'nuscenes');
    expect(choices.get('scene-1')).toBe('nuscenes');
    expect(open.current?.classes).toHaveLength(10);
  });
});
