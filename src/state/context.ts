import { getContext, setContext } from 'svelte';
import type { SessionState } from './session.svelte';
import type { LocaleState } from './settings.svelte';
import type { LibraryState } from './library.svelte';
import type { HotkeysState } from './hotkeys.svelte';
import type { LayoutState } from './layout.svelte';
import type { PersonState } from './person.svelte';

const KEY = Symbol('frustum');

export interface AppContext {
  library: LibraryState;
  locale: LocaleState;
  hotkeys: HotkeysState;
  /** How the screen is shared out (the side views pinned or not), remembered. */
  layout: LayoutState;
  /** Who works in this browser: the local name on every record they make. */
  person: PersonState;
  /** The open scene's session. Only read inside components that exist while a scene is open. */
  readonly session: SessionState;
}

export function setAppContext(value: AppContext): void {
  setContext(KEY, value);
}

export function useApp(): AppContext {
  const value = getContext<AppContext | undefined>(KEY);
  if (!value) throw new Error('useApp() outside the app context');
  return value;
}
