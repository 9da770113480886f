import type { Finding } from '../core/lint/finding';
import type { AutoIssue, ReviewIssue } from '../core/model/review-issue';
import type { FrustumDb } from './db';

/** A scene's review issues, by first frame then id. */
export async function listIssues(db: FrustumDb, sceneId: string): Promise<ReviewIssue[]> {
  const issues = await db.issues.where('sceneId').equals(sceneId).toArray();
  return issues.sort((a, b) => a.frames[0] - b.frames[0] || a.id.localeCompare(b.id));
}

/**
 * Closed findings kept per scene, newest first: enough to say what the last runs fixed; the rest are deleted,
 * as editing a box closes one finding and opens another whenever its frames change.
 */
export const CLOSED_KEPT = 200;

/**
 * Keeps one run of the automatic checks, in one transaction: a finding already kept is updated (it keeps when
 * it was first seen, and opens again if it had closed), a new one is added, and a kept open issue that this run
 * could have found (`covered`: its check ran, on its frames) but did not is closed; closed ones past the newest
 * `CLOSED_KEPT` are deleted. Resolves to the scene's issues after the run.
 */
export async function recordFindings(
  db: FrustumDb,
  sceneId: string,
  findings: readonly Finding[],
  covered: (issue: AutoIssue) => boolean,
  now: number,
): Promise<ReviewIssue[]> {
  return db.transaction('rw', db.issues, async () => {
    const kept = new Map((await db.issues.where('sceneId').equals(sceneId).toArray()).map((i) => [i.id, i]));
    const found = new Set<string>();
    const writes: ReviewIssue[] = [];
    for (const f of findings) {
      found.add(f.id);
      const before = kept.get(f.id);
      const issue: AutoIssue = { ...f, kind: 'auto', sceneId, status: 'open', firstSeen: before?.firstSeen ?? now, lastSeen: now }; // prettier-ignore
      writes.push(issue);
      kept.set(f.id, issue);
    }
    for (const issue of kept.values()) {
      if (found.has(issue.id) || issue.status !== 'open' || !covered(issue)) continue;
      const closed: AutoIssue = { ...issue, status: 'closed', closedAt: now };
      writes.push(closed);
      kept.set(issue.id, closed);
    }
    await db.issues.bulkPut(writes);
    const closed = [...kept.values()].filter((i) => i.status === 'closed');
    closed.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
    const dropped = closed.slice(CLOSED_KEPT);
    await db.issues.bulkDelete(dropped.map((i) => [sceneId, i.id] as [string, string]));
    for (const i of dropped) kept.delete(i.id);
    return [...kept.values()].sort((a, b) => a.frames[0] - b.frames[0] || a.id.localeCompare(b.id));
  });
}
