import { bindingOf } from '../state/hotkey-actions';
import type { HotkeysState } from '../state/hotkeys.svelte';
import type { SessionState } from '../state/session.svelte';

/** Keys that must not steal typing in a text field (a range slider is no text field). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['range', 'checkbox', 'button'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

let gesture = 0;
/** Gesture ids must not repeat across page loads: the undo history rebuilt from the journal keeps them. */
const PAGE = crypto.randomUUID().slice(0, 8);

/**
 * The global keyboard: `?` opens the cheat sheet, a capture in progress takes the key as a new binding, else
 * the bound action runs. A held key's repeats share one gesture id, so they make one undo entry.
 */
export function handleHotkey(event: KeyboardEvent, session: SessionState, hotkeys: HotkeysState): void {
  if (isTyping(event.target)) return;
  const binding = bindingOf(event);
  if (hotkeys.capturing) {
    if (binding !== 'escape') hotkeys.rebind(hotkeys.capturing, binding);
    hotkeys.capturing = undefined;
    event.preventDefault();
    return;
  }
  if (binding === '?') {
    hotkeys.sheetOpen = !hotkeys.sheetOpen;
    event.preventDefault();
    return;
  }
  const action = hotkeys.actionFor(binding);
  if (!action) return;
  if (!event.repeat) gesture++;
  action.run(session, { coarse: event.shiftKey, gesture: `key-${action.id}-${PAGE}-${gesture}` });
  event.preventDefault();
}
