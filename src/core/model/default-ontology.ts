import type { Ontology, OntologyClass } from './ontology';

const occluded = { id: 'occluded', kind: 'enum', values: ['none', 'partly', 'mostly'], dynamic: true } as const;

function vehicle(id: string, color: string, size: [number, number, number], guideline: string): OntologyClass {
  return { id, color, defaultSize: size, attributes: [{ ...occluded, values: [...occluded.values] }], guideline };
}

/**
 * The general driving set. Default sizes are typical dimensions (metres) so that a placed box needs little
 * resizing. Class ids are stable keys; display names live in the i18n catalogues.
 */
export const generalDriving: Ontology = {
  id: 'general-driving',
  name: 'General driving',
  version: 1,
  classes: [
    vehicle('car', '#f59e0b', [4.5, 1.85, 1.6], 'Passenger cars, vans and SUVs. Box the body, mirrors excluded.'),
    vehicle('truck', '#ef4444', [8.5, 2.5, 3.2], 'Trucks and buses. Box the whole vehicle, trailer as its own track.'),
    vehicle('pedestrian', '#22d3ee', [0.7, 0.7, 1.75], 'People on foot. Include what they carry.'),
    vehicle('cyclist', '#a3e635', [1.8, 0.7, 1.7], 'A rider and the bicycle together, in one box.'),
  ],
};

export function findClass(ontology: Ontology, classId: string): OntologyClass | undefined {
  return ontology.classes.find((c) => c.id === classId);
}
