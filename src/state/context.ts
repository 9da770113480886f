import { getContext, setContext } from 'svelte';
import type { SessionState } from './session.svelte';
import type { LocaleState } from './settings.svelte';

const KEY = Symbol('frustum');

export interface AppContext {
  session: SessionState;
  locale: LocaleState;
}

export function setAppContext(value: AppContext): void {
  setContext(KEY, value);
}

export function useApp(): AppContext {
  const value = getContext<AppContext | undefined>(KEY);
  if (!value) throw new Error('useApp() outside the app context');
  return value;
}
