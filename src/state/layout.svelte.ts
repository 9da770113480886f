const STORAGE_KEY = 'frustum.layout';

/** The layout choices that are remembered between visits. */
interface SavedLayout {
  sideViewsPinned: boolean;
}

/**
 * How the screen is shared out, one instance for the app, remembered in local storage. The top, side and front
 * views of the selected box appear under the 3D view only while a box is selected, so that with nothing
 * selected the sweep has the room; pinned, they stay (with a hint while nothing is selected).
 */
export class LayoutState {
  sideViewsPinned = $state(false);

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
      const pinned = (saved as Partial<SavedLayout> | null)?.sideViewsPinned;
      if (typeof pinned === 'boolean') this.sideViewsPinned = pinned;
    } catch {
      // A damaged setting falls back to the default.
    }
  }

  setSideViewsPinned(pinned: boolean): void {
    this.sideViewsPinned = pinned;
    const saved: SavedLayout = { sideViewsPinned: pinned };
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(saved));
  }
}
