import type { SceneChoice } from '../formats/scene/scene-choice';
import { Question } from './question.svelte';

/** What the user is asked when a folder holds several scenes (a nuScenes split), or sweeps between keyframes. */
export interface SceneChoiceAsk {
  /** The folder's name. */
  source: string;
  scenes: SceneChoice[];
}

/** The scene to import and whether with its sweeps; or nothing. */
export type SceneChoiceAnswer = { kind: 'scene'; scene: string; sweeps: boolean } | { kind: 'cancel' };

/** Which of a folder's scenes to bring in: asked before the import reads more than the folder's scene list. */
export class SceneChoiceQuestion extends Question<SceneChoiceAsk, SceneChoiceAnswer> {
  constructor() {
    super({ kind: 'cancel' });
  }
}
