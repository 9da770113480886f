import type { SessionState } from '../state/session.svelte';

/** Keys that must not steal typing in a text field. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The global keyboard map. N: new box; Esc: back to navigating; B: toggle bird's-eye; ←/→: previous/next
 * frame; Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y: undo, redo; Delete: delete the selected box.
 */
export function handleHotkey(event: KeyboardEvent, session: SessionState): void {
  if (isTyping(event.target) && event.target instanceof HTMLInputElement && event.target.type !== 'range') return;
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && key === 'z') {
    if (event.shiftKey) session.labels.redo();
    else session.labels.undo();
  } else if (ctrl && key === 'y') {
    session.labels.redo();
  } else if (ctrl || event.altKey) {
    return;
  } else if (key === 'n') {
    session.tool = 'place';
  } else if (key === 'escape') {
    session.tool = 'navigate';
    session.selectedId = undefined;
  } else if (key === 'b') {
    session.viewMode = session.viewMode === 'birdsEye' ? 'orbit' : 'birdsEye';
  } else if (key === 'arrowright') {
    void session.goToFrame(session.frameIndex + 1);
  } else if (key === 'arrowleft') {
    void session.goToFrame(session.frameIndex - 1);
  } else if (key === 'delete' || key === 'backspace') {
    session.deleteSelected();
  } else {
    return;
  }
  event.preventDefault();
}
