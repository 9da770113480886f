import { offsetInBoxFrame, type CuboidChange } from '../core/edits/update-cuboid';
import type { Cuboid } from '../core/model/labels';
import { isPendingPrelabel } from '../core/edits/confirm-prelabels';
import type { SessionState } from './session.svelte';
import { snapSelectedToGround } from './box-actions';
import { refitWhenLoaded } from './refit-when-loaded';
import { addSegmentHere } from './segment-actions';
import {
  copyTrackHere,
  deleteTrackFromHere,
  predictHere,
  propagateAll,
  propagateSelected,
  splitHere,
} from './track-actions';

/** Fine steps: 5 cm and 1°; Shift makes a step ten times larger. */
const STEP_M = 0.05;
const STEP_RAD = Math.PI / 180;

export interface HotkeyAction {
  id: string;
  /** Default bindings, e.g. `n`, `shift+?`, `ctrl+z`, `arrowright`. */
  keys: string[];
  /** Runs the action; `coarse` when Shift is held, `gesture` names a held key's run of repeats. */
  run(session: SessionState, options: { coarse: boolean; gesture: string }): void;
}

/** An edit of the selected box, merged with the other repeats of the same held key into one undo entry. */
function nudge(make: (c: Cuboid, k: number) => CuboidChange): HotkeyAction['run'] {
  return (session, { coarse, gesture }) => {
    const c = session.selectedCuboid();
    if (!c) return;
    const change = make(c, coarse ? 10 : 1);
    if (change.size?.some((s) => s < 0.1)) return;
    session.labels.editCuboid('updateCuboid', c, change, gesture);
  };
}

const move = (f: number, l: number, u: number) =>
  nudge((c, k) => ({ position: offsetInBoxFrame(c, f * k * STEP_M, l * k * STEP_M, u * k * STEP_M) }));
const resize = (axis: 0 | 1 | 2, sign: number) =>
  nudge((c, k) => {
    const size: [number, number, number] = [...c.size];
    size[axis] = +(size[axis] + sign * k * STEP_M).toFixed(4);
    return { size };
  });

/** Every keyboard action of the app. Descriptions live in the i18n catalogues under `hotkeys.<id>`. */
export const HOTKEY_ACTIONS: readonly HotkeyAction[] = [
  { id: 'placeBox', keys: ['n'], run: (s) => (s.tool = 'place') },
  {
    id: 'cancel',
    keys: ['escape'],
    run: (s) => {
      s.tool = 'navigate';
      s.selectedId = undefined;
    },
  },
  { id: 'toggleBirdsEye', keys: ['b'], run: (s) => (s.viewMode = s.viewMode === 'birdsEye' ? 'orbit' : 'birdsEye') },
  { id: 'nextFrame', keys: ['arrowright'], run: (s) => void s.goToFrame(s.frameIndex + 1) },
  { id: 'previousFrame', keys: ['arrowleft'], run: (s) => void s.goToFrame(s.frameIndex - 1) },
  { id: 'undo', keys: ['ctrl+z'], run: (s) => s.labels.undo() },
  { id: 'redo', keys: ['ctrl+shift+z', 'ctrl+y'], run: (s) => s.labels.redo() },
  { id: 'deleteBox', keys: ['delete', 'backspace'], run: (s) => s.deleteSelected() },
  { id: 'nextBox', keys: ['tab'], run: (s) => s.selectNext(1) },
  { id: 'moveForward', keys: ['w'], run: move(1, 0, 0) },
  { id: 'moveBack', keys: ['s'], run: move(-1, 0, 0) },
  { id: 'moveLeft', keys: ['a'], run: move(0, 1, 0) },
  { id: 'moveRight', keys: ['d'], run: move(0, -1, 0) },
  { id: 'moveUp', keys: ['r'], run: move(0, 0, 1) },
  { id: 'moveDown', keys: ['f'], run: move(0, 0, -1) },
  { id: 'rotateLeft', keys: ['q'], run: nudge((c, k) => ({ yaw: c.yaw + k * STEP_RAD })) },
  { id: 'rotateRight', keys: ['e'], run: nudge((c, k) => ({ yaw: c.yaw - k * STEP_RAD })) },
  { id: 'flipHeading', keys: ['h'], run: nudge((c) => ({ yaw: c.yaw + Math.PI })) },
  { id: 'snapToGround', keys: ['g'], run: (s, { gesture }) => snapSelectedToGround(s, gesture) },
  { id: 'refit', keys: ['v'], run: (s) => void refitWhenLoaded(s) },
  {
    id: 'reestimateSize',
    keys: ['alt+v'],
    run: (s) => void (s.selectedTrackId && s.trackSize.estimate(s.selectedTrackId, { force: true })),
  },
  { id: 'isolateBox', keys: ['o'], run: (s) => s.display.toggleIsolate() },
  { id: 'toggleGuideline', keys: ['i', 'f1'], run: (s) => (s.guidelineOpen = !s.guidelineOpen) },
  { id: 'togglePlay', keys: [' '], run: (s) => s.playback.toggle() },
  { id: 'propagateNext', keys: ['p'], run: (s, { coarse }) => void propagateSelected(s, 1, coarse) },
  { id: 'propagatePrevious', keys: ['u'], run: (s, { coarse }) => void propagateSelected(s, -1, coarse) },
  { id: 'propagateAllNext', keys: ['alt+p'], run: (s) => void propagateAll(s, 1) },
  { id: 'propagateAllPrevious', keys: ['alt+u'], run: (s) => void propagateAll(s, -1) },
  { id: 'copyTrackHere', keys: ['c'], run: (s, { coarse }) => void copyTrackHere(s, coarse) },
  { id: 'predictHere', keys: ['k'], run: (s) => predictHere(s) },
  { id: 'splitTrack', keys: ['alt+s'], run: (s) => splitHere(s) },
  { id: 'deleteTrackFrom', keys: ['shift+delete'], run: (s) => deleteTrackFromHere(s) },
  {
    id: 'trackView',
    keys: ['t'],
    run: (s) => (s.trackViewOpen = !s.trackViewOpen && s.selectedTrackId !== undefined),
  },
  { id: 'longer', keys: [']'], run: resize(0, 1) },
  { id: 'shorter', keys: ['['], run: resize(0, -1) },
  { id: 'wider', keys: ["'"], run: resize(1, 1) },
  { id: 'narrower', keys: [';'], run: resize(1, -1) },
  { id: 'taller', keys: ['.'], run: resize(2, 1) },
  { id: 'lower', keys: [','], run: resize(2, -1) },
  { id: 'addSegment', keys: ['m'], run: (s) => void addSegmentHere(s) },
  { id: 'confirmPrelabel', keys: ['y'], run: (s) => withSelected(s, (c) => s.prelabel.confirmBox(c)) },
  { id: 'confirmPrelabelTrack', keys: ['alt+y'], run: (s) => withSelected(s, (c) => s.prelabel.confirmTrack(c.trackId)) }, // prettier-ignore
  { id: 'rejectPrelabel', keys: ['x'], run: (s) => withSelected(s, (c) => s.prelabel.rejectBox(c)) },
  { id: 'rejectPrelabelTrack', keys: ['alt+x'], run: (s) => withSelected(s, (c) => s.prelabel.rejectTrack(c.trackId)) }, // prettier-ignore
];

/** Runs `act` on the selected box of a pending pre-label; nothing otherwise (a person's box is not the engine's). */
function withSelected(session: SessionState, act: (c: Cuboid) => void): void {
  const c = session.selectedCuboid();
  if (c && isPendingPrelabel(c)) act(c);
}

/** The binding string of a key event: modifiers in a fixed order, then the key, lower-case. */
export function bindingOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const key = e.key.toLowerCase();
  const ctrl = e.ctrlKey || e.metaKey;
  // Shift with a lone printable key is part of the key ('?' is shift+/) or a coarse step (Shift+W); with Ctrl,
  // Alt or a named key it is a modifier of its own (Ctrl+Shift+Z).
  const shift = e.shiftKey && (key.length > 1 || ctrl || e.altKey);
  const mods = [ctrl ? 'ctrl' : '', e.altKey ? 'alt' : '', shift ? 'shift' : ''];
  return [...mods.filter(Boolean), key].join('+');
}
