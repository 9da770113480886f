import type { Ontology } from '../core/model/ontology';
import { SHIPPED_ONTOLOGIES, shippedOntology } from '../core/model/shipped-ontologies';
import type { JsonFault } from '../formats/json/json-fault';
import { JsonFileError } from '../formats/json/json-file-error';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import { readOntology } from '../formats/ontology/read-ontology';
import type { SessionState } from './session.svelte';

/** How the ontology list reaches storage; wired in `app/`. */
export interface OntologyBackend {
  /** The ontologies the user loaded, with the file each came from, oldest first. */
  listOntologies(): Promise<{ ontology: Ontology; fileName: string }[]>;
  storeOntology(ontology: Ontology, fileName: string): Promise<void>;
  setSceneOntology(sceneId: string, ontologyId: string): Promise<void>;
}

/**
 * Why a file did not load: the file's name, and either the reader's faults (each a JSON path and the problem,
 * with the code and values the UI words it by) or a fault the UI words itself (an id that a shipped ontology
 * owns; a file that could not be read).
 */
export type OntologyLoadError =
  | { fileName: string; kind: 'invalid'; faults: readonly JsonFault[] }
  | { fileName: string; kind: 'shippedId'; id: string }
  | { fileName: string; kind: 'unreadable'; error: ErrorReport };

/** The ontologies to choose from (shipped, then the user's) and the loading of new ones from JSON files. */
export class OntologiesState {
  all = $state.raw<readonly Ontology[]>(SHIPPED_ONTOLOGIES);
  /** The file each of the user's ontologies came from, by ontology id. */
  fileNames = $state.raw<Record<string, string>>({});
  error = $state.raw<OntologyLoadError | undefined>(undefined);

  constructor(private readonly backend: OntologyBackend) {}

  async refresh(): Promise<void> {
    const stored = await this.backend.listOntologies();
    this.all = [...SHIPPED_ONTOLOGIES, ...stored.map((s) => s.ontology)];
    this.fileNames = Object.fromEntries(stored.map((s) => [s.ontology.id, s.fileName]));
  }

  find(id: string): Ontology | undefined {
    return this.all.find((o) => o.id === id);
  }

  /**
   * Reads, checks and keeps an ontology file (one with the id of an earlier file replaces it), then labels the
   * open scene with it. A file that is refused changes nothing and leaves `error` saying why.
   */
  async loadFile(
    file: { name: string; text(): Promise<string> },
    session: Pick<SessionState, 'scene' | 'setOntology'> | undefined,
  ): Promise<Ontology | undefined> {
    this.error = undefined;
    let ontology: Ontology;
    try {
      ontology = readOntology(await file.text(), file.name);
    } catch (error) {
      this.error =
        error instanceof JsonFileError
          ? { fileName: file.name, kind: 'invalid', faults: error.details }
          : { fileName: file.name, kind: 'unreadable', error: reportError(error) };
      return undefined;
    }
    if (shippedOntology(ontology.id)) {
      this.error = { fileName: file.name, kind: 'shippedId', id: ontology.id };
      return undefined;
    }
    await this.backend.storeOntology(ontology, file.name);
    await this.refresh();
    if (session) await this.choose(session, ontology.id);
    return ontology;
  }

  /** Labels the open scene with another ontology, remembered for the scene. */
  async choose(session: Pick<SessionState, 'scene' | 'setOntology'>, id: string): Promise<void> {
    const ontology = this.find(id);
    if (!ontology) return;
    await this.backend.setSceneOntology(session.scene.id, id);
    session.setOntology(ontology);
  }
}
