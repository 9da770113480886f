import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../../src/cli/lint';
import { buildCli, runBuilt } from './built-cli';

const TRACKING = fileURLToPath(new URL('../../../../shared/data/kitti-tracking-openlabel/', import.meta.url));
const SEQ = (n: string) => `${TRACKING}openlabel100_kitti_tracking_${n}.json`;
const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-lint-built-'));

beforeAll(() => buildCli(), 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum lint, as the built CLI', () => {
  it('lists lint in its help', () => {
    expect(runBuilt(['help']).stdout).toMatch(/\n {2}lint +\S/);
  });

  it('prints JSON findings and exits 0 on a clean sequence, 1 while an error is left', () => {
    const clean = runBuilt(['lint', SEQ('0001'), '--ontology', 'none']);
    expect([clean.code, clean.stderr]).toEqual([0, '']);
    const report = JSON.parse(clean.stdout) as LintReport;
    expect(report.counts.error).toBe(0);
    for (const f of report.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['check', 'severity', 'frame', 'track', 'value', 'limit'])); // prettier-ignore

    const broken = runBuilt(['lint', SEQ('0003'), '--ontology', 'kitti']);
    expect(broken.code).toBe(1);
    const errors = (JSON.parse(broken.stdout) as LintReport).findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const dismissals = path.join(scratch, 'dismissals.json');
    writeFileSync(dismissals, JSON.stringify({ dismissals: errors.map((f) => ({ findingId: f.id, reason: 'seen' })) }));
    expect(runBuilt(['lint', SEQ('0003'), '--ontology', 'kitti', '--dismissals', dismissals]).code).toBe(0);
  });

  it('exits 2 with its usage on misuse, in Chinese under a Chinese locale', () => {
    const misuse = runBuilt(['lint', '--profile'], 'zh_CN.UTF-8');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toMatch(/^用法：frustum lint /);
  });
});
