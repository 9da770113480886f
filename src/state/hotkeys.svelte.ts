import { HOTKEY_ACTIONS, type HotkeyAction } from './hotkey-actions';

const STORAGE_KEY = 'frustum.hotkeys';

/** The key bindings in force: the defaults of `HOTKEY_ACTIONS` with the user's own on top, remembered. */
export class HotkeysState {
  overrides = $state<Record<string, string[]>>({});
  sheetOpen = $state(false);
  /** The action waiting for a key press to become its new binding. */
  capturing = $state<string | undefined>(undefined);

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    try {
      const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
      if (saved && typeof saved === 'object') this.overrides = saved as Record<string, string[]>;
    } catch {
      // A damaged setting falls back to the defaults.
    }
  }

  bindingsOf(id: string): string[] {
    return this.overrides[id] ?? HOTKEY_ACTIONS.find((a) => a.id === id)?.keys ?? [];
  }

  actionFor(binding: string): HotkeyAction | undefined {
    return HOTKEY_ACTIONS.find((a) => this.bindingsOf(a.id).includes(binding));
  }

  /** Binds `binding` to the action alone: any other action that had it loses it. */
  rebind(id: string, binding: string): void {
    const next: Record<string, string[]> = { ...this.overrides };
    for (const action of HOTKEY_ACTIONS) {
      const keys = this.bindingsOf(action.id);
      if (action.id !== id && keys.includes(binding)) next[action.id] = keys.filter((k) => k !== binding);
    }
    next[id] = [binding];
    this.overrides = next;
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(next));
  }

  reset(): void {
    this.overrides = {};
    this.storage?.setItem(STORAGE_KEY, '{}');
  }
}
