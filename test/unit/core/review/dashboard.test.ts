import { describe, expect, it } from 'vitest';
import {
  activeTimeMs,
  dashboardCsv,
  dashboardFigures,
  type DashboardJournalLine,
} from '../../../../src/core/review/dashboard';
import { csvLine } from '../../../../src/core/review/dashboard/dashboard-csv';
import { emptyPatch, type Patch } from '../../../../src/core/edits/patch';
import type { Authorship, Cuboid, LabelRecord, Track } from '../../../../src/core/model/labels';
import type {
  IssueEvent,
  PinnedIssue,
  ReviewRound,
  ReviewTarget,
  Verdict,
  VerdictTarget,
} from '../../../../src/core/model/review';
import { reviewTargetKey } from '../../../../src/core/model/review';
import { parseCsv } from '../../../../src/formats/labels/csv-fields';

const T0 = Date.UTC(2025, 0, 6, 9);
const S = 1000;
const MIN = 60 * S;

function track(id: string, who: Authorship = {}): Track {
  return { type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true, ...who };
}

function box(id: string, trackId: string, frameIndex: number, who: Authorship = {}): Cuboid {
  return {
    type: 'cuboid',
    id,
    sceneId: 's',
    trackId,
    frameIndex,
    position: [frameIndex, 0, 0],
    size: [4, 2, 1.5],
    yaw: 0,
    pitch: 0,
    roll: 0,
    attributes: {},
    keyframe: true,
    source: { kind: 'manual' },
    ...who,
  };
}

function verdict(target: VerdictTarget, decision: 'accept' | 'reject', time: number): Verdict {
  const id = `verdict:${reviewTargetKey(target)}`;
  return { type: 'verdict', id, sceneId: 's', target, decision, author: 'rev', time, labelDigest: 'd' };
}

function issue(
  id: string,
  target: ReviewTarget,
  defect: string,
  rootCause: string | undefined,
  events: IssueEvent[],
): PinnedIssue {
  return {
    type: 'issue',
    id,
    sceneId: 's',
    target,
    defect,
    severity: 'major',
    comment: '',
    ...(rootCause ? { rootCause } : {}),
    author: 'rev',
    time: events[0]!.time,
    labelDigest: 'd',
    events,
  };
}

const ev = (kind: IssueEvent['kind'], author: string, time: number): IssueEvent => ({ kind, author, time });

function line(
  author: string,
  time: number,
  name: string,
  patch: Partial<Patch> = {},
  gesture?: string,
): DashboardJournalLine {
  return { author, time, name, patch: { ...emptyPatch(), ...patch }, ...(gesture ? { gesture } : {}) };
}

// ann labels T1; bo labels T2 and edited ann's box on frame 4; T3 was imported (no author).
const c1 = box('c1', 'T1', 0, { madeBy: 'ann' });
const c2 = box('c2', 'T1', 4, { madeBy: 'ann', changedBy: 'bo' });
const c3 = box('c3', 'T2', 2, { madeBy: 'bo' });
const c4 = box('c4', 'T2', 3, { madeBy: 'bo' });
const c5 = box('c5', 'T3', 5);
const objects: LabelRecord[] = [
  track('T1', { madeBy: 'ann', changedBy: 'ann' }),
  track('T2', { madeBy: 'bo' }),
  track('T3'),
  c1,
  c2,
  c3,
  c4,
  c5,
];

const R = T0 + 2 * 3600 * S; // the review, after both annotators
const verdicts = [
  verdict({ kind: 'box', trackId: 'T1', frameIndex: 0 }, 'accept', R), // ann's stored box
  verdict({ kind: 'box', trackId: 'T1', frameIndex: 2 }, 'reject', R), // derived: T1's author, ann
  verdict({ kind: 'box', trackId: 'T1', frameIndex: 4 }, 'accept', R), // changed by bo
  verdict({ kind: 'track', trackId: 'T2' }, 'accept', R), // bo
  verdict({ kind: 'frame', frameIndex: 7 }, 'accept', R), // no one's, and no box or track: not in the rates
  verdict({ kind: 'box', trackId: 'T3', frameIndex: 5 }, 'reject', R), // no author: the scene only
];
const issues = [
  issue('i1', { kind: 'box', trackId: 'T1', frameIndex: 2 }, 'wrong-heading', 'carelessness', [
    ev('opened', 'rev', R),
    ev('fixed', 'ann', R + 10 * MIN),
    ev('verified', 'rev', R + 20 * MIN),
  ]),
  issue('i2', { kind: 'track', trackId: 'T1' }, 'too-loose', 'guideline-unclear', [
    ev('opened', 'rev', R),
    ev('fixed', 'ann', R + 30 * MIN),
    ev('reopened', 'rev', R + 40 * MIN),
    ev('fixed', 'ann', R + 90 * MIN),
  ]),
  issue('i3', { kind: 'box', trackId: 'T2', frameIndex: 3 }, 'wrong-class', undefined, [ev('opened', 'rev', R)]),
  issue('i4', { kind: 'point', frameIndex: 9, position: [1, 2, 0] }, 'missing-object', 'ambiguous-data', [
    ev('opened', 'rev', R),
  ]),
  issue('i5', { kind: 'span', startFrame: 2, endFrame: 3, trackId: 'T2' }, 'sign, "stop"', undefined, [
    ev('opened', 'rev', R),
    ev('fixed', 'bo', R + 60 * MIN),
  ]),
];
const round: ReviewRound = {
  type: 'review-round',
  id: 'r1',
  sceneId: 's',
  reviewer: 'rev',
  startedAt: R,
  plan: { kind: 'random-frames', percent: 20 },
  unit: 'frame',
  seed: 1,
  // T1 spans frames 0..4; frame 12 is past the scene's end.
  sample: ['frame:0', 'box:T2@3', 'track:T1', 'frame:12'],
  lotSize: 10,
};

const B = T0 + 3600 * S; // bo starts an hour after ann
const journal: DashboardJournalLine[] = [
  line('ann', T0, 'createCuboid', { added: [track('T1'), box('c1', 'T1', 0)] }),
  line('ann', T0 + 60 * S, 'createCuboid', { added: [box('c2', 'T1', 4)] }),
  // One drag in three lines: one edit of c1.
  line('ann', T0 + 120 * S, 'moveCuboid', { updated: [[c1, c1]] }, 'g1'),
  line('ann', T0 + 121 * S, 'moveCuboid', { updated: [[c1, c1]] }, 'g1'),
  line('ann', T0 + 122 * S, 'moveCuboid', { updated: [[c1, c1]] }, 'g1'),
  // A derived box edited: stored under its track@frame id, an edit.
  line('ann', T0 + 180 * S, 'updateCuboid', { added: [box('T1@3', 'T1', 3)] }),
  line('ann', T0 + 200 * S, 'undo', { removed: [box('T1@3', 'T1', 3)] }),
  line('ann', T0 + 210 * S, 'redo', { added: [box('T1@3', 'T1', 3)] }),
  // 20 minutes idle, then a track edit (no box) and an import (nobody's box work).
  line('ann', T0 + 1410 * S, 'setAttribute', { updated: [[track('T1'), track('T1')]] }),
  line('ann', T0 + 1500 * S, 'importLabels', { added: [track('T3'), c5] }),
  line('bo', B, 'createCuboid', { added: [track('T2'), box('c3', 'T2', 2)] }),
  line('bo', B + 30 * S, 'createCuboid', { added: [box('c4', 'T2', 3)] }),
  line('bo', B + 90 * S, 'updateCuboid', { updated: [[c2, c2]] }),
  // A derived box moved to another track: removed under one track@frame id, added under the other's.
  line('bo', B + 150 * S, 'reassignFrom', { removed: [box('T1@3', 'T1', 3)], added: [box('T2@3', 'T2', 3)] }),
  line('bo', B + 550 * S, 'deleteCuboid', { removed: [box('T2@3', 'T2', 3)] }),
  line('rev', R, 'giveVerdict', { added: verdicts.slice(0, 3) }),
  line('rev', R + 40 * S, 'giveVerdict', { added: verdicts.slice(3) }),
  line('rev', R + 100 * S, 'pinIssue', { added: issues }),
];

const figures = dashboardFigures({
  sceneId: 's',
  sceneName: 'Drive, "north"',
  journal: [...journal].reverse(), // order must not matter
  records: [...objects, ...verdicts, ...issues, round],
  frameCount: 10,
});
const person = (name: string) => figures.people.find((p) => p.person === name)!;

describe('activeTimeMs', () => {
  it('sums gaps of at most 5 minutes and nothing of longer ones', () => {
    expect(activeTimeMs([0, 5 * MIN, 10 * MIN + 1, 10 * MIN + 2])).toBe(5 * MIN + 1);
    expect(activeTimeMs([7])).toBe(0);
    expect(activeTimeMs([])).toBe(0);
    expect(activeTimeMs([3 * MIN, 0])).toBe(3 * MIN);
  });
});

describe('dashboardFigures per person', () => {
  it('lists everyone who wrote or whose labels were judged, by name', () => {
    expect(figures.people.map((p) => p.person)).toEqual(['ann', 'bo', 'rev']);
  });

  it('counts box work per hour of active time, past idle gaps, undo, redo and imports', () => {
    const ann = person('ann');
    expect(ann.activeMs).toBe(300 * S); // 10 lines; the 20-minute gap adds nothing
    expect([ann.boxesCreated, ann.boxesEdited]).toEqual([2, 2]);
    expect(ann.createdPerHour).toBeCloseTo(24);
    expect(ann.editedPerHour).toBeCloseTo(24);
    const bo = person('bo');
    expect(bo.activeMs).toBe(150 * S); // the 400 s gap before the delete adds nothing
    expect([bo.boxesCreated, bo.boxesEdited]).toEqual([2, 2]);
    expect(bo.createdPerHour).toBeCloseTo(48);
    expect(bo.editedPerHour).toBeCloseTo(48);
    const rev = person('rev');
    expect([rev.activeMs, rev.boxesCreated, rev.boxesEdited, rev.createdPerHour]).toEqual([100 * S, 0, 0, 0]);
  });

  it('gives verdicts to the author of the box (the track where derived or unnamed)', () => {
    expect([person('ann').accepted, person('ann').rejected, person('ann').acceptanceRate]).toEqual([1, 1, 0.5]);
    expect(person('ann').rejectionRate).toBe(0.5);
    expect([person('bo').accepted, person('bo').rejected, person('bo').acceptanceRate]).toEqual([2, 0, 1]);
    expect([person('rev').accepted, person('rev').acceptanceRate]).toEqual([0, undefined]);
    expect([person('rev').verdictsGiven, person('rev').issuesPinned]).toEqual([6, 5]);
    expect([person('ann').verdictsGiven, person('ann').issuesPinned]).toEqual([0, 0]);
  });

  it('counts issues per 100 own boxes, by defect and root cause, with rework and time to fix', () => {
    const ann = person('ann');
    expect(ann).toMatchObject({ boxes: 1, issues: 2, issuesPer100Boxes: 200, reworkRounds: 3, reworkPerIssue: 1.5 });
    expect(ann.issuesByDefect).toEqual({ 'wrong-heading': 1, 'too-loose': 1 });
    expect(ann.issuesByRootCause).toEqual({ carelessness: 1, 'guideline-unclear': 1 });
    expect([ann.openIssues, ann.fixedIssues, ann.medianTimeToFixMs]).toEqual([0, 1, 20 * MIN]);
    const bo = person('bo');
    expect(bo).toMatchObject({ boxes: 3, issues: 2, reworkRounds: 1, reworkPerIssue: 0.5 });
    expect(bo.issuesPer100Boxes).toBeCloseTo(200 / 3);
    expect(bo.issuesByDefect).toEqual({ 'wrong-class': 1, 'sign, "stop"': 1 });
    expect(bo.issuesByRootCause).toEqual({});
    expect([bo.openIssues, bo.fixedIssues, bo.medianTimeToFixMs]).toEqual([1, 1, 60 * MIN]);
    const rev = person('rev');
    expect([rev.boxes, rev.issues, rev.issuesPer100Boxes, rev.reworkPerIssue, rev.medianTimeToFixMs]).toEqual([
      0,
      0,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('dashboardFigures for the scene', () => {
  const scene = figures.scene;
  it('sums everyone’s work, person-hours for time', () => {
    expect(scene).toMatchObject({ sceneId: 's', activeMs: 550 * S, boxesCreated: 4, boxesEdited: 4 });
    expect(scene.createdPerHour).toBeCloseTo(4 / (550 / 3600));
  });

  it('counts every box and track verdict, frame verdicts aside', () => {
    expect([scene.accepted, scene.rejected, scene.acceptanceRate, scene.rejectionRate]).toEqual([3, 2, 0.6, 0.4]);
  });

  it('counts every issue against every stored box', () => {
    expect(scene).toMatchObject({ boxes: 5, issues: 5, issuesPer100Boxes: 100, reworkRounds: 4, reworkPerIssue: 0.8 });
    expect(scene.issuesByDefect).toEqual({
      'wrong-heading': 1,
      'too-loose': 1,
      'wrong-class': 1,
      'missing-object': 1,
      'sign, "stop"': 1,
    });
    expect(scene.issuesByRootCause).toEqual({ carelessness: 1, 'guideline-unclear': 1, 'ambiguous-data': 1 });
    expect([scene.openIssues, scene.fixedIssues, scene.medianTimeToFixMs]).toEqual([2, 2, 30 * MIN]);
  });

  it('covers the frames of round samples and verdicts', () => {
    // Sample: 0, 3, T1's 0..4; verdicts: 0, 2, 4, T2's 2..3, 7, 5. Frame 12 lies past the end.
    expect([scene.reviewedFrames, scene.coverage, scene.unreviewedFrames]).toEqual([7, 0.7, 3]);
  });

  it('has no rates without data', () => {
    const empty = dashboardFigures({ sceneId: 'e', sceneName: 'e', journal: [], records: [], frameCount: 0 });
    expect(empty.people).toEqual([]);
    expect(empty.scene).toMatchObject({ activeMs: 0, boxes: 0, reviewedFrames: 0, unreviewedFrames: 0 });
    const { coverage, createdPerHour, acceptanceRate, issuesPer100Boxes, medianTimeToFixMs } = empty.scene;
    expect([coverage, createdPerHour, acceptanceRate, issuesPer100Boxes, medianTimeToFixMs]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('dashboardCsv', () => {
  const text = dashboardCsv(figures);
  const rows = parseCsv(text).map((r) => r.fields);
  const header = rows[0]!;
  const cell = (row: number, column: string) => rows[row]![header.indexOf(column)];

  it('writes a UTF-8 mark, CRLF rows, a scene row and one a person', () => {
    expect(text.startsWith('\ufeffscope,name,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows.map((r) => `${r[0]}:${r[1]}`)).toEqual([
      'scope:name',
      'scene:Drive, "north"',
      'person:ann',
      'person:bo',
      'person:rev',
    ]);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it('quotes fields as RFC 4180 asks', () => {
    expect(text).toContain('scene,"Drive, ""north""",');
    expect(text).toContain(',"defect:sign, ""stop""","defect:sign, ""stop"":per_100_boxes"');
    expect(csvLine(['a', ' lead', 'line\nbreak', 'cr\r', 'plain'])).toBe('a," lead","line\nbreak","cr\r",plain\r\n');
  });

  it('orders shipped defect ids first, then a team’s own, each with a rate per 100 boxes', () => {
    const defects = header.filter((h) => h.startsWith('defect:') && !h.endsWith(':per_100_boxes'));
    expect(defects).toEqual([
      'defect:missing-object',
      'defect:wrong-class',
      'defect:too-loose',
      'defect:wrong-heading',
      'defect:sign, "stop"',
    ]);
    expect(header.filter((h) => h.startsWith('root_cause:') && !h.endsWith(':per_100_boxes'))).toEqual([
      'root_cause:guideline-unclear',
      'root_cause:carelessness',
      'root_cause:ambiguous-data',
    ]);
    expect(cell(3, 'defect:wrong-class')).toBe('1');
    expect(cell(3, 'defect:wrong-class:per_100_boxes')).toBe('33.3333');
    expect(cell(2, 'root_cause:carelessness:per_100_boxes')).toBe('100');
  });

  it('writes figures with at most 4 decimals and leaves rates without data empty', () => {
    expect(cell(2, 'active_hours')).toBe('0.0833');
    expect(cell(2, 'acceptance_rate')).toBe('0.5');
    expect(cell(2, 'median_time_to_fix_ms')).toBe(String(20 * MIN));
    expect(cell(1, 'coverage')).toBe('0.7');
    expect(cell(1, 'verdicts_given')).toBe('');
    expect(cell(2, 'frames')).toBe('');
    expect(cell(4, 'acceptance_rate')).toBe('');
    expect(cell(4, 'verdicts_given')).toBe('6');
  });

  it('gives no rate per hour from less than a minute of active time', () => {
    const line = (time: number) => ({ time, author: 'ann', name: 'createCuboid', patch: { added: [], updated: [], removed: [] } }); // prettier-ignore
    const quick = dashboardFigures({ sceneId: 's', sceneName: 'S', journal: [line(0), line(59_000)], records: [], frameCount: 1 }); // prettier-ignore
    expect(quick.scene.activeMs).toBe(59_000);
    expect(quick.scene.createdPerHour).toBeUndefined();
    const longer = dashboardFigures({ sceneId: 's', sceneName: 'S', journal: [line(0), line(60_000)], records: [], frameCount: 1 }); // prettier-ignore
    expect(longer.scene.createdPerHour).toBe(0);
  });
});

describe('the dashboard’s pre-label figures', () => {
  it('count each engine’s boxes still to confirm, confirmed as they were, and corrected; boxes of people alone not', () => {
    const engine = { model: 'frustum-classic', version: '1.0.0+abcdef01' };
    const records: LabelRecord[] = [
      track('t1'),
      { ...box('a', 't1', 0), source: { kind: 'prelabel', ...engine, score: 0.7 } },
      { ...box('b', 't1', 1), source: { kind: 'prelabel', ...engine, score: 0.8, confirmed: true } },
      { ...box('c', 't1', 2), source: { kind: 'prelabel', ...engine, score: 0.9, confirmed: true } },
      { ...box('d', 't1', 3), source: { kind: 'manual', from: engine } },
      { ...box('e', 't1', 4), source: { kind: 'manual' } },
    ];
    const figures = dashboardFigures({ sceneId: 's', sceneName: 'S', journal: [], records, frameCount: 5 });
    expect(figures.prelabels).toEqual([{ name: engine.model, version: engine.version, pending: 1, confirmed: 2, edited: 1 }]); // prettier-ignore
    expect(dashboardFigures({ sceneId: 's', sceneName: 'S', journal: [], records: records.slice(-1), frameCount: 5 }).prelabels).toEqual([]); // prettier-ignore
  });
});
