import { generalDriving } from './default-ontology';
import { kittiOntology } from './kitti-ontology';
import { nuscenesOntology } from './nuscenes-ontology';
import type { Ontology } from './ontology';

/** The ontologies that come with Frustum, the default first. Their ids cannot be taken by a loaded one. */
export const SHIPPED_ONTOLOGIES: readonly Ontology[] = [generalDriving, kittiOntology, nuscenesOntology];

export function shippedOntology(id: string): Ontology | undefined {
  return SHIPPED_ONTOLOGIES.find((o) => o.id === id);
}
