import { derivedId } from '../../tracks/interpolate';
import type { Cuboid } from '../../model/labels';
import type { DashboardJournalLine } from './figures';

/**
 * Journal lines that are nobody's box work: undo and redo replay earlier work (or take it back), labels brought
 * in from a file or merged from a bundle were made elsewhere, and boxes stood upright on reading a bundle were
 * not touched by a person. They still count towards active time.
 */
export const NOT_BOX_WORK: ReadonlySet<string> = new Set([
  'undo',
  'redo',
  'importLabels',
  'mergeBundle',
  'uprightBoxes',
]);

/**
 * Boxes created and edited by each author, from the journal's patches. Created: a cuboid added under a new id.
 * Edited: a cuboid updated, or added under the id of a derived box (`track@frame`: a derived box made a keyframe
 * by an edit, or one moved to another track). The lines of one gesture (a drag) are one edit: a box counts once
 * per gesture, not once per mouse move.
 */
export function countBoxWork(
  journal: readonly DashboardJournalLine[],
): Map<string, { created: number; edited: number }> {
  const out = new Map<string, { created: number; edited: number }>();
  const seenIn = new Map<string, Set<string>>();
  for (const line of journal) {
    if (NOT_BOX_WORK.has(line.name)) continue;
    const work = out.get(line.author) ?? { created: 0, edited: 0 };
    out.set(line.author, work);
    // A gesture's lines share one set (keyed by author too), so that a box counts once per gesture, and a box
    // made and then dragged in one gesture counts as made only.
    const seen = line.gesture === undefined ? new Set<string>() : setOf(seenIn, `${line.author}\n${line.gesture}`);
    const edited: string[] = [];
    for (const r of line.patch.added) {
      if (r.type !== 'cuboid') continue;
      if (isStoredDerived(r)) edited.push(r.id);
      else if (!seen.has(r.id)) {
        seen.add(r.id);
        work.created++;
      }
    }
    for (const [, after] of line.patch.updated) if (after.type === 'cuboid') edited.push(after.id);
    for (const id of edited) {
      if (seen.has(id)) continue;
      seen.add(id);
      work.edited++;
    }
  }
  return out;
}

function isStoredDerived(c: Cuboid): boolean {
  return c.id === derivedId(c.trackId, c.frameIndex);
}

function setOf(sets: Map<string, Set<string>>, key: string): Set<string> {
  const set = sets.get(key) ?? new Set<string>();
  sets.set(key, set);
  return set;
}
