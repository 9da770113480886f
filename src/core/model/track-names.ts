import type { Track } from './labels';

/** What a track's shown name is made of. */
export type NamedTrack = Pick<Track, 'id' | 'classId' | 'name' | 'externalId' | 'number'>;

/** External ids up to this many characters are shown whole (KITTI's `12`, SUSTechPOINTS' `7`). */
const WHOLE_ID = 8;
/** Longer ones (UUIDs, 32-digit tokens) by their shortest prefix of at least this many that no other shares. */
const MIN_PREFIX = 6;

/** Ids in natural order (`t-2` before `t-10`), so that imported tracks keep the order they were read in. */
const collator = new Intl.Collator('en', { numeric: true });
export const compareTrackIds = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0); // prettier-ignore

/**
 * The short name every track is shown by, all different (`className` gives a class's name in the UI's language):
 *  1. the track's own `name` (the user's, or the dataset's), as it is;
 *  2. else the class and the dataset's id (`Car 12`; a long id by its shortest distinguishing prefix, `Car 3f9a2c…`);
 *  3. else the class and a number per class (`Car 3`): a stored `number` where no one else shows it, else the
 *     smallest number no track of that class shows, given in the order of the track ids.
 * A name that would repeat one already given gets ` (2)`, ` (3)`, …. Tracks stored before names existed have
 * none of these fields and take rule 3.
 */
export function trackDisplayNames(
  tracks: Iterable<NamedTrack>,
  className: (classId: string) => string,
): Map<string, string> {
  const list = [...tracks].sort((a, b) => compareTrackIds(a.id, b.id));
  const shown = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (id: string, label: string) => {
    let text = label;
    for (let n = 2; taken.has(text); n++) text = `${label} (${n})`;
    taken.add(text);
    shown.set(id, text);
  };
  const given = (t: NamedTrack) => t.name?.trim() || undefined;
  for (const t of list) if (given(t)) claim(t.id, given(t)!);
  const short = shortIds(list.filter((t) => !given(t)).flatMap((t) => (t.externalId ? [t.externalId] : [])));
  for (const t of list) if (!given(t) && t.externalId) claim(t.id, `${className(t.classId)} ${short.get(t.externalId)}`); // prettier-ignore
  const numbered = list.filter((t) => !given(t) && !t.externalId);
  const numbers = numberTracks(numbered, taken, className);
  for (const t of numbered) claim(t.id, `${className(t.classId)} ${numbers.get(t.id)}`);
  return shown;
}

/**
 * The per-class numbers of tracks shown by number (rule 3 of `trackDisplayNames`), avoiding the labels in `taken`.
 * Stored numbers are honoured first, each once per class; the rest fill the smallest free numbers in id order.
 */
function numberTracks(
  tracks: readonly NamedTrack[],
  taken: ReadonlySet<string>,
  className: (classId: string) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Map<string, Set<number>>();
  const usedIn = (classId: string) => used.get(classId) ?? used.set(classId, new Set()).get(classId)!;
  const free = (t: NamedTrack, n: number) => !usedIn(t.classId).has(n) && !taken.has(`${className(t.classId)} ${n}`);
  for (const t of tracks) {
    if (t.number === undefined || !Number.isInteger(t.number) || t.number < 1 || !free(t, t.number)) continue;
    usedIn(t.classId).add(t.number);
    out.set(t.id, t.number);
  }
  const next = new Map<string, number>();
  for (const t of tracks) {
    if (out.has(t.id)) continue;
    let n = next.get(t.classId) ?? 1;
    while (!free(t, n)) n++;
    usedIn(t.classId).add(n);
    next.set(t.classId, n + 1);
    out.set(t.id, n);
  }
  return out;
}

/** The number a new track of `classId` takes: one above the highest any track of that class shows. */
export function nextTrackNumber(tracks: Iterable<NamedTrack>, classId: string): number {
  const list = [...tracks].filter((t) => !t.name?.trim() && !t.externalId).sort((a, b) => compareTrackIds(a.id, b.id)); // prettier-ignore
  const numbers = numberTracks(list, new Set(), (c) => c);
  let highest = 0;
  for (const t of list) if (t.classId === classId) highest = Math.max(highest, numbers.get(t.id)!);
  return highest + 1;
}

/** Each id as shown: whole when short, else its shortest prefix (≥ 6 characters) that no other id starts with, and `…`. */
export function shortIds(ids: readonly string[]): Map<string, string> {
  const long = [...new Set(ids.filter((id) => id.length > WHOLE_ID))].sort();
  const out = new Map(ids.map((id) => [id, id]));
  const common = (a: string | undefined, b: string) => {
    let n = 0;
    while (a !== undefined && n < a.length && a[n] === b[n]) n++;
    return n;
  };
  long.forEach((id, i) => {
    const length = Math.max(MIN_PREFIX, common(long[i - 1], id) + 1, common(long[i + 1], id) + 1);
    out.set(id, length >= id.length ? id : `${id.slice(0, length)}…`);
  });
  return out;
}
