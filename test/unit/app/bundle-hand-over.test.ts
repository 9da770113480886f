import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importBundle } from '../../../src/app/bundle-import';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import { updateCuboid } from '../../../src/core/edits/update-cuboid';
import { createDemoScene } from '../../../src/core/demo/scene-record';
import { createEgoMotion } from '../../../src/core/demo/ego-motion';
import { issueState, type PinnedIssue } from '../../../src/core/model/review';
import { pinIssue, stepIssue } from '../../../src/core/review/review-edits';
import { writeBundle } from '../../../src/formats/bundle/write-bundle';
import { LabelsState } from '../../../src/state/labels.svelte';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import type { FrameCache } from '../../../src/storage/frame-cache';
import { LabelRepository, readWork } from '../../../src/storage/label-repository';
import { readProject, replaceProject } from '../../../src/storage/project-repository';
import { listVersions, saveVersion } from '../../../src/storage/version-repository';

const dbs: FrustumDb[] = [];
let n = 0;
const fresh = () => {
  const db = openDb(`hand-over-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

const scene = createDemoScene(5, 6, createEgoMotion(8));
const lineage = { frustumVersion: '0.1.0', author: 'x', time: '2026-01-01T00:00:00.000Z', inputs: [], ontology: { id: 'general', version: 1 }, prelabelModels: [] }; // prettier-ignore
// The merge path never touches decoded frames.
const noCache = {} as FrameCache;

async function open(db: FrustumDb, author: string): Promise<LabelsState> {
  const repo = new LabelRepository(db, scene.id);
  return new LabelsState(await repo.load(), repo, author);
}

async function bundleOf(db: FrustumDb, labels: LabelsState): Promise<Uint8Array> {
  await labels.flushed();
  return writeBundle({ ...(await readProject(db, scene.id)), reviews: [], lineage, data: [] });
}

const issueIn = (labels: LabelsState) => [...labels.doc.values()].find((r): r is PinnedIssue => r.type === 'issue');

describe('hand-over by bundle: annotator → reviewer → annotator → reviewer', () => {
  it('merges review records both ways and keeps the edits each side made meanwhile', async () => {
    // The annotator labels two boxes, saves a version and hands the scene over.
    const annotatorDb = fresh();
    await annotatorDb.scenes.put(scene);
    const ann = await open(annotatorDb, 'ann');
    for (const i of [0, 1]) {
      ann.commit('createCuboid', createCuboid(ann.doc, { sceneId: scene.id, frameIndex: 2, classId: 'car', position: [5 + 3 * i, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: `t${i}`, cuboidId: `c${i}` })); // prettier-ignore
    }
    expect(ann.doc.get('c0')).toMatchObject({ madeBy: 'ann', changedBy: 'ann' });
    await saveVersion(annotatorDb, {
      sceneId: scene.id,
      records: ann.doc.values(),
      author: 'ann',
      message: 'for review',
    });
    const toReviewer = await bundleOf(annotatorDb, ann);

    // The reviewer opens it in another browser, in review mode: boxes cannot change, issues can be pinned.
    const reviewerDb = fresh();
    const { readBundle } = await import('../../../src/formats/bundle/read-bundle');
    await replaceProject(reviewerDb, readBundle(toReviewer, 'to-review.zip'), { sceneId: scene.id, kind: 'demo', seed: 5 }); // prettier-ignore
    const rev = await open(reviewerDb, 'rita');
    rev.reviewMode = true;
    expect(rev.commit('moveCuboid', updateCuboid(rev.doc, { cuboidId: 'c0', change: { position: [6, 0, 0.8] } }))).toBe(false); // prettier-ignore
    expect(rev.refusedInReview).toBe(1);
    const target = { kind: 'box', trackId: 't0', frameIndex: 2 } as const;
    expect(rev.commit('pinIssue', pinIssue(rev.doc, { id: 'i1', sceneId: scene.id, target, defect: 'too-loose', severity: 'major', comment: 'tighten', author: 'rita', time: 1000, labelDigest: 'd' }))).toBe(true); // prettier-ignore
    rev.undo();
    expect(issueIn(rev)).toBeUndefined();
    rev.redo();
    expect(issueIn(rev)?.defect).toBe('too-loose');
    const toAnnotator = await bundleOf(reviewerDb, rev);

    // Meanwhile the annotator moved the other box; then imports the reviewed bundle into the same scene.
    ann.commit('moveCuboid', updateCuboid(ann.doc, { cuboidId: 'c1', change: { position: [9, 1, 0.8] } }));
    await ann.flushed();
    const imported = await importBundle({ db: annotatorDb, cache: noCache }, toAnnotator, 'reviewed.zip');
    expect(imported.merge).toBeDefined();
    const outcome = ann.mergeIn(imported.merge!.records, imported.merge!.removals);
    expect(outcome).toEqual({ added: 1, updated: 0, removed: 0, conflicts: 0 });
    expect(issueIn(ann)).toMatchObject({ id: 'i1', author: 'rita' });
    expect(ann.doc.get('c1')).toMatchObject({ position: [9, 1, 0.8] });
    expect(ann.history.entries.done.at(-1)?.name).toBe('mergeBundle');
    expect((await listVersions(annotatorDb, scene.id)).map((v) => v.message)).toEqual(['for review']);
    // The reviewer's work came along for the dashboard, each line once (Ann's own lines were in both journals).
    const work = await readWork(annotatorDb, scene.id);
    expect(work.map((l) => `${l.author}:${l.name}`)).toEqual(['ann:createCuboid', 'ann:createCuboid', 'rita:pinIssue', 'rita:undo', 'rita:redo', 'ann:moveCuboid', 'ann:mergeBundle']); // prettier-ignore

    // The annotator fixes the box and marks the issue fixed; the reviewer takes the fix in and verifies.
    ann.commit('resizeCuboid', updateCuboid(ann.doc, { cuboidId: 'c0', change: { size: [3.8, 1.9, 1.5] } }));
    ann.commit('fixIssue', stepIssue(ann.doc, { issueId: 'i1', kind: 'fixed', author: 'ann', time: Date.now() }));
    const back = await importBundle({ db: reviewerDb, cache: noCache }, await bundleOf(annotatorDb, ann), 'fixed.zip'); // prettier-ignore
    const merged = rev.mergeIn(back.merge!.records, back.merge!.removals);
    expect(merged).toMatchObject({ added: 0, conflicts: 0 });
    expect(rev.doc.get('c0')).toMatchObject({ size: [3.8, 1.9, 1.5], madeBy: 'ann', changedBy: 'ann' });
    expect(rev.doc.get('c1')).toMatchObject({ position: [9, 1, 0.8] });
    expect(issueState(issueIn(rev)!)).toBe('fixed');
    expect(rev.commit('verify', stepIssue(rev.doc, { issueId: 'i1', kind: 'verified', author: 'rita', time: Date.now() }))).toBe(true); // prettier-ignore
    expect(issueIn(rev)!.events.map((e) => `${e.kind}:${e.author}`)).toEqual(['opened:rita', 'fixed:ann', 'verified:rita']); // prettier-ignore

    // Undo takes the verification back, then the whole merge in one step (outside review mode: it changed boxes).
    rev.undo();
    rev.reviewMode = false;
    rev.undo();
    expect(rev.doc.get('c0')).toMatchObject({ size: [4, 2, 1.5] });
    expect(issueState(issueIn(rev)!)).toBe('open');
  });

  it('a box the annotator deleted after the hand-over stays deleted when the reviewed bundle comes back', async () => {
    const db = fresh();
    await db.scenes.put(scene);
    const ann = await open(db, 'ann');
    ann.commit('createCuboid', createCuboid(ann.doc, { sceneId: scene.id, frameIndex: 0, classId: 'car', position: [5, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: 't9', cuboidId: 'c9' })); // prettier-ignore
    const out = await bundleOf(db, ann);
    const { deleteCuboid } = await import('../../../src/core/edits/delete-cuboid');
    ann.commit('deleteCuboid', deleteCuboid(ann.doc, { cuboidId: 'c9' }));
    await ann.flushed();
    const imported = await importBundle({ db, cache: noCache }, out, 'old.zip');
    expect(ann.mergeIn(imported.merge!.records, imported.merge!.removals)).toEqual({ added: 0, updated: 0, removed: 0, conflicts: 0 }); // prettier-ignore
    expect(ann.doc.has('c9')).toBe(false);
    // A tab that another tab holds the scene for merges nothing: the other tab would write over it.
    ann.readOnly = true;
    const size = ann.doc.size;
    const track = { type: 'track', id: 'elsewhere', sceneId: scene.id, classId: 'car', attributes: {}, rigid: true } as const; // prettier-ignore
    expect(ann.mergeIn([track], new Map())).toBeUndefined();
    expect([ann.doc.size, ann.doc.has('elsewhere')]).toEqual([size, false]);
  });
});
