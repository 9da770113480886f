import { dashboardFigures, type DashboardFigures, type DashboardJournalLine } from '../core/review/dashboard';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import type { SessionState } from './session.svelte';

/** Where the scene's journal is read from (storage, wired in `app/`): every line still kept, any order. */
export interface DashboardBackend {
  journal(sceneId: string): Promise<DashboardJournalLine[]>;
}

/**
 * The quality dashboard of the open scene: throughput from the journal, review and rework figures from the
 * labels (`dashboardFigures`). Read when asked (`refresh`, which the dialog calls when it opens), not on every
 * edit: the journal is read from storage, and figures a minute old serve a QA lead as well.
 */
export class DashboardState {
  open = $state(false);
  figures = $state.raw<DashboardFigures | undefined>(undefined);
  busy = $state(false);
  error = $state.raw<ErrorReport | undefined>(undefined);
  /** The labels' version the figures were made at: later edits make them stale until refreshed. */
  madeAt = $state(-1);
  /** Bumped by each refresh: only the newest one's figures are kept. */
  #generation = 0;

  constructor(
    private readonly session: Pick<SessionState, 'scene' | 'labels'>,
    private readonly backend: DashboardBackend,
  ) {}

  get stale(): boolean {
    return this.figures !== undefined && this.session.labels.version !== this.madeAt;
  }

  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    const { scene, labels } = this.session;
    // The labels as of now, with the version they are at: an edit made while the journal is read is stale.
    const version = labels.version;
    const records = [...labels.doc.values()];
    this.busy = true;
    this.error = undefined;
    try {
      const journal = await this.backend.journal(scene.id);
      if (generation !== this.#generation) return;
      this.figures = dashboardFigures({
        sceneId: scene.id,
        sceneName: scene.name,
        journal,
        records,
        frameCount: scene.frames.length,
      });
      this.madeAt = version;
    } catch (error) {
      if (generation === this.#generation) this.error = reportError(error);
    } finally {
      if (generation === this.#generation) this.busy = false;
    }
  }
}
