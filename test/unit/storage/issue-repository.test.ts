import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/lint/finding';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { CLOSED_KEPT, listIssues, recordFindings } from '../../../src/storage/issue-repository';
import { pastDatabase } from './past-database';

let db: FrustumDb | undefined;
afterEach(() => db?.close());

const finding = (id: string, check: Finding['check'], frames: [number, number], value = 1): Finding => ({
  id,
  check,
  severity: 'warning',
  frames,
  frame: frames[0],
  trackId: 't1',
  value,
  params: {},
});
const everything = () => true;

describe('the automatic checks’ findings, kept per scene', () => {
  it('a re-run keeps, updates, opens and closes by id; a closed finding found again opens again', async () => {
    db = openDb('issues-runs');
    const a = finding('size:t1:0-4', 'size', [0, 4]);
    const b = finding('gap:t1:5-9', 'gap', [5, 9]);
    await recordFindings(db, 's1', [a, b], everything, 100);
    const second = await recordFindings(db, 's1', [{ ...a, value: 2 }], everything, 200);
    expect(second.map((i) => [i.id, i.status, i.firstSeen, i.lastSeen, i.value])).toEqual([
      ['size:t1:0-4', 'open', 100, 200, 2],
      ['gap:t1:5-9', 'closed', 100, 100, 1],
    ]);
    expect(second[1]!.closedAt).toBe(200);
    const third = await recordFindings(db, 's1', [a, b], everything, 300);
    expect(third.map((i) => [i.status, i.firstSeen])).toEqual([
      ['open', 100],
      ['open', 100],
    ]);
    // Another scene's findings are its own.
    expect(await listIssues(db, 's2')).toEqual([]);
  });

  it('a run that could not have found a finding (its check did not look there) leaves it open', async () => {
    db = openDb('issues-covered');
    const onFrame3 = finding('points:t1:3-3', 'points', [3, 3]);
    await recordFindings(db, 's1', [onFrame3], everything, 1);
    const lookedAtFrame7 = (i: { frames: [number, number] }) => i.frames[0] <= 7 && 7 <= i.frames[1];
    const after = await recordFindings(db, 's1', [], lookedAtFrame7, 2);
    expect(after.map((i) => i.status)).toEqual(['open']);
  });

  it('a database of the previous version (7) opens with its labels and gains the store', async () => {
    const name = 'issues-from-v7';
    const v7 = pastDatabase(name, 7);
    await v7.open();
    await v7.table('journal').add({ sceneId: 's1', time: 1, author: 'a', name: 'createCuboid', patch: { added: [{ type: 'track', id: 't1', sceneId: 's1', classId: 'car', attributes: {}, rigid: true }], updated: [], removed: [] } }); // prettier-ignore
    v7.close();
    db = openDb(name);
    expect(await db.journal.count()).toBe(1);
    expect(await listIssues(db, 's1')).toEqual([]);
    await recordFindings(db, 's1', [finding('gap:t1:1-2', 'gap', [1, 2])], everything, 5);
    expect((await listIssues(db, 's1')).map((i) => i.id)).toEqual(['gap:t1:1-2']);
  });
});

describe('closed findings', () => {
  it('are kept up to the newest CLOSED_KEPT, the older ones deleted', async () => {
    db = openDb('issues-closed-cap');
    const many = Array.from({ length: CLOSED_KEPT + 5 }, (_, k) => finding(`gap:t${k}:0-${k}`, 'gap', [0, k]));
    await recordFindings(db, 's1', many.slice(0, 5), everything, 1);
    await recordFindings(db, 's1', many.slice(5), everything, 2);
    const after = await recordFindings(db, 's1', [], everything, 3);
    expect(after).toHaveLength(CLOSED_KEPT);
    // The five closed by the second run are the oldest closures: gone.
    expect(after.some((i) => i.id === many[0]!.id)).toBe(false);
    expect(await listIssues(db, 's1')).toHaveLength(CLOSED_KEPT);
  });
});
