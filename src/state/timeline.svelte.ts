import type { SessionState } from './session.svelte';

/**
 * What the timeline panel is set to for one open scene: the class it shows, the search, the segment kind new
 * segments take, the selected segment, whether it is folded away. Held beside the session (not in it) so that
 * the hotkey that adds a segment, which is handed only the session, reads the same kind as the panel shows.
 */
export class TimelineState {
  /** The class whose tracks are listed; '' lists every track. */
  classFilter = $state('');
  /** What the search box holds: only the tracks it finds are listed (`matchesTrack`); '' lists every track. */
  query = $state('');
  /** Segment kind id for new segments; undefined takes the ontology's first kind. */
  kind = $state<string | undefined>(undefined);
  selectedSegmentId = $state<string | undefined>(undefined);
  collapsed = $state(false);
}

const timelines = new WeakMap<SessionState, TimelineState>();

/** The timeline settings of a session, made on first use and dropped with the session. */
export function timelineOf(session: SessionState): TimelineState {
  let state = timelines.get(session);
  if (!state) timelines.set(session, (state = new TimelineState()));
  return state;
}
