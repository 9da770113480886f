import { describe, expect, it } from 'vitest';
import { SessionState } from '../../../src/state/session.svelte';
import type { LabelsState } from '../../../src/state/labels.svelte';
import type { FrameProvider } from '../../../src/state/frame-provider';
import type { Scene } from '../../../src/core/model/scene';
import type { Cuboid, LabelRecord, Track } from '../../../src/core/model/labels';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { shippedOntology } from '../../../src/core/model/shipped-ontologies';
import type { Ontology } from '../../../src/core/model/ontology';

const track: Track = { type: 'track', id: 't', sceneId: 's', classId: 'van', attributes: {}, rigid: true };
const box = { type: 'cuboid', id: 'c', trackId: 't' } as Cuboid;

/** A session over a labels stand-in holding one track of class `van`; frames are never loaded here. */
function session(ontology: Ontology): SessionState {
  const labels = { doc: new Map<string, LabelRecord>([[track.id, track]]) } as unknown as LabelsState;
  return new SessionState({ id: 's', frames: [] } as unknown as Scene, ontology, labels, {} as FrameProvider);
}

const cones: Ontology = {
  id: 'cones',
  name: 'Cones',
  version: 1,
  classes: [{ id: 'cone', color: '#ff8800', defaultSize: [0.4, 0.4, 0.7], attributes: [], guideline: '' }],
};

describe('SessionState and its ontology', () => {
  it('finds a box’s class in the ontology in force, and nothing for a class it lacks', () => {
    const s = session(generalDriving);
    expect(s.classOf(box)).toBeUndefined();
    s.setOntology(shippedOntology('kitti')!);
    expect(s.classOf(box)?.name).toBe('Van');
  });

  it('keeps the class for new boxes where the new ontology has it, else takes its first class', () => {
    const s = session(generalDriving);
    s.classId = 'truck';
    s.setOntology(shippedOntology('nuscenes')!);
    expect(s.classId).toBe('truck');
    s.setOntology(cones);
    expect(s.classId).toBe('cone');
    expect(session(cones).classId).toBe('cone');
  });
});
