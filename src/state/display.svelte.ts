/** How points are coloured: ego height, return intensity, range from the ego origin, or the box they are in. */
export type ColorMode = 'height' | 'intensity' | 'distance' | 'label';
export type Background = 'dark' | 'light';

export const COLOR_MODES: readonly ColorMode[] = ['height', 'intensity', 'distance', 'label'];
/** Point sizes offered, CSS pixels. */
export const POINT_SIZE_MIN = 1;
export const POINT_SIZE_MAX = 5;

const STORAGE_KEY = 'frustum.display';

/** The display settings that are remembered between visits (isolation is not: it belongs to one selection). */
interface SavedDisplay {
  colorMode: ColorMode;
  pointSize: number;
  rangeRings: boolean;
  trajectories: boolean;
  background: Background;
  highlightInside: boolean;
}

/**
 * How the 3D view draws: colour mode, point size, range rings, background, the selected box's points
 * highlighted, the selected box isolated. One instance for the app, remembered in local storage.
 */
export class DisplayState {
  colorMode = $state<ColorMode>('height');
  /** CSS pixels; 1 draws each point as one pixel (the fastest path). */
  pointSize = $state(1);
  rangeRings = $state(true);
  /** The vehicle's path and every track's path through the drive, drawn in the frame shown. */
  trajectories = $state(false);
  background = $state<Background>('dark');
  /** Points inside the selected box drawn in its class colour, lightened. */
  highlightInside = $state(true);
  /** Only the selected box and the points round it are drawn. */
  isolate = $state(false);

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
      if (saved && typeof saved === 'object') this.#restore(saved as Partial<SavedDisplay>);
    } catch {
      // A damaged setting falls back to the defaults.
    }
  }

  /** Changes remembered settings and saves them. */
  update(change: Partial<SavedDisplay>): void {
    this.#restore(change);
    const saved: SavedDisplay = {
      colorMode: this.colorMode,
      pointSize: this.pointSize,
      rangeRings: this.rangeRings,
      trajectories: this.trajectories,
      background: this.background,
      highlightInside: this.highlightInside,
    };
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(saved));
  }

  toggleIsolate(): void {
    this.isolate = !this.isolate;
  }

  /** Takes each valid value of `s`, ignores the rest (an old or hand-edited setting). */
  #restore(s: Partial<SavedDisplay>): void {
    if (s.colorMode && COLOR_MODES.includes(s.colorMode)) this.colorMode = s.colorMode;
    if (typeof s.pointSize === 'number' && Number.isFinite(s.pointSize)) {
      this.pointSize = Math.min(POINT_SIZE_MAX, Math.max(POINT_SIZE_MIN, Math.round(s.pointSize)));
    }
    if (typeof s.rangeRings === 'boolean') this.rangeRings = s.rangeRings;
    if (typeof s.trajectories === 'boolean') this.trajectories = s.trajectories;
    if (s.background === 'dark' || s.background === 'light') this.background = s.background;
    if (typeof s.highlightInside === 'boolean') this.highlightInside = s.highlightInside;
  }
}
