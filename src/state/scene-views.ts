import type { CameraPose } from '../render/view-cameras';
import type { ViewMode } from './session.svelte';

const STORAGE_KEY = 'frustum.sceneViews';
/** Scenes remembered; the ones left longest ago are forgotten first. */
const KEEP = 50;

/** Where the user was in a scene: what a reload or a return to the scene brings back. */
export interface SceneView {
  /** 0-based frame index. */
  frame: number;
  viewMode: ViewMode;
  /** The track of the selected box (the selection follows its track from frame to frame). */
  trackId?: string;
  camera?: CameraPose;
}

type Stored = Record<string, SceneView & { stamp: number }>;

/**
 * The frame, view, camera and selection of each scene, kept in local storage (a setting of this browser, not
 * the user's work: nothing of it goes into the labels, a bundle or an export). A damaged or hand-edited entry
 * is read as far as it is valid.
 */
export class SceneViews {
  #stamp = 0;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {}

  get(sceneId: string): SceneView | undefined {
    const entry = this.#read()[sceneId];
    return entry && validView(entry);
  }

  /** Changes what is remembered of one scene (the fields given; the rest stay). */
  save(sceneId: string, change: Partial<SceneView>): void {
    const stored = this.#read();
    const before = stored[sceneId] ? validView(stored[sceneId]) : undefined;
    const view = validView({ frame: 0, viewMode: 'orbit', ...before, ...change });
    if (!view) return;
    // Stamps order the scenes for forgetting; they only go up, even within one millisecond.
    this.#stamp = Math.max(this.#stamp + 1, Date.now());
    stored[sceneId] = { ...view, stamp: this.#stamp };
    const kept = Object.entries(stored)
      .sort(([, a], [, b]) => b.stamp - a.stamp)
      .slice(0, KEEP);
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
  }

  #read(): Stored {
    try {
      const value: unknown = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '{}');
      if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
      const stored = value as Stored;
      for (const entry of Object.values(stored)) this.#stamp = Math.max(this.#stamp, Number(entry?.stamp) || 0);
      return stored;
    } catch {
      return {};
    }
  }
}

const isVec3 = (v: unknown): v is [number, number, number] =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The valid part of a stored view: undefined without a valid frame and view mode, no camera unless whole. */
function validView(v: Partial<SceneView> | undefined): SceneView | undefined {
  if (!v || !Number.isInteger(v.frame) || v.frame! < 0) return undefined;
  if (v.viewMode !== 'orbit' && v.viewMode !== 'birdsEye') return undefined;
  const c = v.camera;
  const camera =
    c &&
    isVec3(c.orbit?.position) &&
    isVec3(c.orbit?.target) &&
    isVec3(c.birdsEye?.target) &&
    typeof c.birdsEye?.zoom === 'number' &&
    c.birdsEye.zoom > 0 &&
    Number.isFinite(c.birdsEye.zoom)
      ? { orbit: { position: c.orbit.position, target: c.orbit.target }, birdsEye: { ...c.birdsEye } }
      : undefined;
  return {
    frame: v.frame!,
    viewMode: v.viewMode,
    ...(typeof v.trackId === 'string' ? { trackId: v.trackId } : {}),
    ...(camera ? { camera } : {}),
  };
}
