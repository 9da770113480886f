import { refitSelected } from './box-actions';
import type { SessionState } from './session.svelte';

/**
 * Fits the selected box to its points once the frame shown has loaded: a key pressed right after moving to a
 * frame (`V`, or `Shift+C` after its copy) would otherwise find no points and do nothing. Nothing is fitted
 * if the user has moved on to another frame or box meanwhile. Resolves to whether a fit was applied.
 */
export async function refitWhenLoaded(session: SessionState): Promise<boolean> {
  const [frameIndex, selected] = [session.frameIndex, session.selectedId];
  await session.frameLoaded();
  if (session.frameIndex !== frameIndex || session.selectedId !== selected) return false;
  return refitSelected(session);
}
