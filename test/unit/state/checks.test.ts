import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import type { SweepIndex } from '../../../src/core/fit/sweep-index';
import type { Finding } from '../../../src/core/lint/finding';
import { generalDriving } from '../../../src/core/model/default-ontology';
import type { ReviewIssue } from '../../../src/core/model/review-issue';
import type { Scene } from '../../../src/core/model/scene';
import { ChecksState, type ChecksBackend, type ChecksRequest } from '../../../src/state/checks.svelte';
import { LabelsState } from '../../../src/state/labels.svelte';
import type { LabelRepository } from '../../../src/storage/label-repository';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
const scene = { id: 's', frames: [{ index: 0, timestampUs: 0 }] } as unknown as Scene;
const finding = (id: string, check: Finding['check'] = 'size'): Finding => ({ id, check, severity: 'warning', frames: [0, 0], frame: 0, trackId: 't1', params: {} }); // prettier-ignore

/** A backend whose runs wait until the test lets them finish, and that records what it was asked. */
function heldBackend() {
  const requests: ChecksRequest[] = [];
  const recorded: Finding[][] = [];
  let release: (findings: Finding[]) => void = () => undefined;
  const backend: ChecksBackend = {
    run: (request) => {
      requests.push(request);
      return new Promise((resolve) => (release = resolve));
    },
    record: async (sceneId, findings) => {
      recorded.push(findings);
      return findings.map((f): ReviewIssue => ({ ...f, kind: 'auto', sceneId, status: 'open', firstSeen: 0, lastSeen: 0 })); // prettier-ignore
    },
    list: async () => [],
  };
  return { backend, requests, recorded, finish: (findings: Finding[]) => release(findings) };
}

function host(labels: LabelsState, sweep?: SweepIndex) {
  return { scene, labels, ontology: generalDriving, frameIndex: 0, readySweepIndex: () => sweep };
}

const place = (labels: LabelsState, n: number) =>
  labels.commit('createCuboid', createCuboid(labels.doc, { sceneId: 's', frameIndex: 0, classId: 'car', position: [n * 10, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: `t${n}`, cuboidId: `c${n}` })); // prettier-ignore

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ChecksState', () => {
  it('runs once for a burst of requests, and records nothing of labels that changed during the run', async () => {
    const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
    const { backend, requests, recorded, finish } = heldBackend();
    const checks = new ChecksState(host(labels), backend);
    place(labels, 1);
    checks.request();
    checks.request();
    await vi.advanceTimersByTimeAsync(300);
    expect(requests).toHaveLength(1);
    // An edit lands while the worker checks the labels before it.
    place(labels, 2);
    checks.request();
    finish([finding('stale')]);
    await vi.advanceTimersByTimeAsync(300);
    expect(recorded).toEqual([]);
    // The run after it sees both boxes, and is the one recorded.
    expect(requests).toHaveLength(2);
    expect(requests[1]!.cuboids.map((c) => c.id)).toEqual(['c1', 'c2']);
    finish([finding('fresh')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(recorded.map((r) => r.map((f) => f.id))).toEqual([['fresh']]);
    expect(checks.runs).toBe(1);
  });

  it('does not run in a read-only tab, nor after it is paused; a frame shown anew runs the point checks alone', async () => {
    const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'tester');
    place(labels, 1);
    labels.readOnly = true;
    const { backend, requests, finish } = heldBackend();
    const sweep = {} as SweepIndex;
    const h = host(labels, sweep);
    const checks = new ChecksState(h, backend);
    checks.request();
    await vi.advanceTimersByTimeAsync(300);
    expect(requests).toHaveLength(0);
    labels.readOnly = false;
    checks.request();
    await vi.advanceTimersByTimeAsync(300);
    finish([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests[0]!.profile).toBeUndefined();
    // The same labels, another sweep: the label checks are not run again.
    h.readySweepIndex = () => ({}) as SweepIndex;
    checks.request();
    await vi.advanceTimersByTimeAsync(300);
    expect(requests[1]!.profile?.checks.size).toEqual({ enabled: false });
    expect(requests[1]!.profile?.checks.points).toBeUndefined();
    finish([]);
    await checks.pause();
    checks.request();
    await vi.advanceTimersByTimeAsync(300);
    expect(requests).toHaveLength(2);
  });
});
