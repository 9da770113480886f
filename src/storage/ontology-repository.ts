import type { Ontology } from '../core/model/ontology';
import { shippedOntology } from '../core/model/shipped-ontologies';
import { CodedError } from '../formats/problems/coded-error';
import type { FrustumDb, StoredOntology } from './db';

/** The ontologies the user loaded, oldest first. */
export async function listStoredOntologies(db: FrustumDb): Promise<StoredOntology[]> {
  const stored = await db.ontologies.toArray();
  return stored.sort((a, b) => a.storedAt - b.storedAt);
}

/**
 * Keeps a loaded ontology, replacing any earlier one with its id (a file loaded again is its newer version).
 * A shipped ontology's id is refused: scenes that name it must keep getting the shipped one.
 */
export async function storeOntology(db: FrustumDb, ontology: Ontology, fileName: string): Promise<StoredOntology> {
  if (shippedOntology(ontology.id)) throw new CodedError('ontology.id.shipped', `${fileName}: the id "${ontology.id}" is a shipped ontology's`, { file: fileName, id: ontology.id }); // prettier-ignore
  const record: StoredOntology = { id: ontology.id, ontology, fileName, storedAt: Date.now() };
  await db.ontologies.put(record);
  return record;
}

/** The ontology an id names: a shipped one, else one the user loaded; undefined when neither exists. */
export async function findOntology(db: FrustumDb, id: string): Promise<Ontology | undefined> {
  return shippedOntology(id) ?? (await db.ontologies.get(id))?.ontology;
}

/** Records which ontology a scene is labelled with. Its labels are untouched: classes are matched by id. */
export async function setSceneOntology(db: FrustumDb, sceneId: string, ontologyId: string): Promise<void> {
  const changed = await db.scenes.update(sceneId, { ontologyId });
  if (changed === 0 && !(await db.scenes.get(sceneId))) throw new CodedError('scene.missing', `scene ${sceneId} is not in this browser`, { scene: sceneId }); // prettier-ignore
}
