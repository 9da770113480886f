import { uprightAngles } from '../geometry/upright-box';
import type { Cuboid, LabelRecord } from '../model/labels';
import type { Patch } from './patch';

/** A box said upright (`uprightAngles`): the same corners, height along the axis nearest the ego's z. */
export function uprightCuboid<T extends Pick<Cuboid, 'size' | 'yaw' | 'pitch' | 'roll'>>(box: T): T {
  return { ...box, ...uprightAngles(box) };
}

/**
 * The edit that turns every stored box lying on its side into the same box stood upright. Boxes already
 * upright are left alone (no update), so an empty patch means there was nothing to mend. Used where records
 * come back from a file written elsewhere (a bundle), so that the journal says what was changed and the
 * user can undo it.
 */
export function uprightCuboids(records: readonly LabelRecord[]): Patch {
  const updated: [LabelRecord, LabelRecord][] = [];
  for (const record of records) {
    if (record.type !== 'cuboid') continue;
    const upright = uprightCuboid(record);
    const same = upright.size.every((v, i) => v === record.size[i]) && (['yaw', 'pitch', 'roll'] as const).every((k) => upright[k] === record[k]); // prettier-ignore
    if (!same) updated.push([record, upright]);
  }
  return { added: [], updated, removed: [] };
}
