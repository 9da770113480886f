import { Question } from './question.svelte';
import type { SceneSummary } from './library.svelte';

/** What the user is asked when a folder comes in that the library already holds a scene of. */
export interface ReimportAsk {
  /** The folder's name, or the manifest's URL. */
  source: string;
  /** Frames the folder has now. */
  frames: number;
  /** The scenes here that came from a folder of that name and layout (usually one). */
  same: SceneSummary[];
  /** Whether it can come in as a scene of its own: not when its files are exactly those of one here. */
  canAddNew: boolean;
}

/**
 * Open the scene already here instead; or keep its labels (and history, versions, exports) and replace its
 * sensor data with the folder's; or bring the folder in as another scene; or do nothing.
 */
export type ReimportChoice =
  { kind: 'reopen'; sceneId: string } | { kind: 'replace'; sceneId: string } | { kind: 'new' } | { kind: 'cancel' };

/** The question an import of a folder already here waits on. */
export class ReimportQuestion extends Question<ReimportAsk, ReimportChoice> {
  constructor() {
    super({ kind: 'cancel' });
  }
}
