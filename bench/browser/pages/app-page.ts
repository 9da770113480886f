import '../../../src/app/main';

/**
 * The whole app, as users run it, with a probe on its save signal: the status bar's `data-stored` (journal
 * entries committed by this page) and `data-pending` (writes under way). Each gesture's end (a key or a button
 * let go) is stamped with the count the page must reach for every edit made until then to be stored; the probe
 * stamps the moment the status bar shows that count.
 */
interface Probe {
  kind: string;
  endedAt: number;
  /** `data-stored` that acknowledges every edit made before the gesture ended. */
  target: number;
  pendingAtEnd: number;
  ackedAt?: number;
}

let probes: Probe[] = [];
/** Edits made (stored or under way) when the gesture began: each gesture must have made some. */
let issuedAtReset = 0;
/** Main-thread tasks over 50 ms since `reset` (the Long Tasks API): what the page did besides storing. */
let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask' });

function saveState(): { stored: number; pending: number } | undefined {
  const el = document.querySelector<HTMLElement>('[data-testid=save-state]');
  if (!el) return undefined;
  return { stored: Number(el.dataset['stored']), pending: Number(el.dataset['pending']) };
}

function onGestureEnd(event: Event): void {
  const endedAt = performance.now();
  // After the app's own handlers and the status bar's update (a microtask after the state changed).
  queueMicrotask(() => {
    const state = saveState();
    if (!state) return;
    const probe: Probe = {
      kind: event.type,
      endedAt,
      target: state.stored + state.pending,
      pendingAtEnd: state.pending,
    };
    if (state.pending === 0) probe.ackedAt = endedAt;
    probes.push(probe);
  });
}

// Bubbling on window: the app's handlers of the same event have run.
window.addEventListener('keyup', onGestureEnd);
window.addEventListener('pointerup', onGestureEnd);
new MutationObserver(() => {
  const now = performance.now();
  const stored = saveState()?.stored ?? 0;
  for (const probe of probes) if (probe.ackedAt === undefined && stored >= probe.target) probe.ackedAt = now;
}).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-stored'] });

export interface GestureAck {
  kind: string;
  /** ms from the gesture's end to the acknowledgement (0: every edit was stored before it ended). */
  ms: number;
  pendingAtEnd: number;
  /** Edits the gesture made: journal entries stored or under way since `reset`. */
  edits: number;
  /** Main-thread tasks over 50 ms from `reset` until every gesture was acknowledged, ms each. */
  longTasks: number[];
}

function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let anchorDb: IDBDatabase | undefined;

/**
 * The anchor: a raw IndexedDB add of the app's last journal entry (the same record) into a database of its own,
 * resolved on the transaction's `complete`, as the app's acknowledgement is.
 */
async function rawAdd(): Promise<number> {
  const app = await idbRequest(indexedDB.open('frustum'));
  const journal = app.transaction('journal').objectStore('journal');
  const last = (await idbRequest(journal.openCursor(null, 'prev')))?.value as Record<string, unknown> | undefined;
  app.close();
  if (!last) throw new Error('the app has stored no journal entry yet');
  if (!anchorDb) {
    const open = indexedDB.open('frustum-bench-anchor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('journal', { autoIncrement: true });
    anchorDb = await idbRequest(open);
  }
  const { seq: _seq, ...entry } = last;
  const began = performance.now();
  const transaction = anchorDb.transaction('journal', 'readwrite');
  transaction.objectStore('journal').add(entry);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  return performance.now() - began;
}

const api = {
  /** Forgets the gestures and long tasks seen so far: a gesture begins. */
  reset: (): void => {
    const state = saveState();
    issuedAtReset = state ? state.stored + state.pending : 0;
    probes = [];
    longTasks = [];
  },
  /** Every gesture that ended since `reset`, once the page has acknowledged all of them. */
  acks: (): GestureAck[] | undefined =>
    probes.every((p) => p.ackedAt !== undefined)
      ? probes.map((p) => ({
          kind: p.kind,
          ms: p.ackedAt! - p.endedAt,
          pendingAtEnd: p.pendingAtEnd,
          edits: p.target - issuedAtReset,
          longTasks,
        }))
      : undefined,
  saveState,
  rawAdd,
};
export type AppPageApi = typeof api;
(window as unknown as { bench: AppPageApi }).bench = api;
