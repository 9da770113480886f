import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core/lint/finding';
import { runChecks } from '../../../../src/core/lint/run-checks';
import { kittiOntology } from '../../../../src/core/model/kitti-ontology';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';

const DIR = fileURLToPath(new URL('../../../../../shared/data/kitti-tracking-openlabel/', import.meta.url));
const file = (n: string) => `${DIR}openlabel100_kitti_tracking_${n}.json`;

async function lint(n: string, withOntology = false): Promise<Finding[]> {
  const { set } = readOpenLabel(readFileSync(file(n), 'utf8'), `${n}.json`);
  return runChecks({ ...set, ontology: withOntology ? kittiOntology : undefined });
}

const counts = (findings: readonly Finding[]) => {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.check] = (out[f.check] ?? 0) + 1;
  return out;
};

// Real, reviewed labels: the label checks must stay nearly quiet on them, or users learn to ignore them.
describe.skipIf(!existsSync(file('0001')))('the checks on KITTI tracking', () => {
  it('find no error and at most a few warnings on sequences 0001, 0003 and 0014', async () => {
    for (const n of ['0001', '0003', '0014']) {
      const findings = await lint(n);
      expect(
        findings.filter((f) => f.severity === 'error'),
        n,
      ).toEqual([]);
      expect(findings.length, `${n}: ${JSON.stringify(counts(findings))}`).toBeLessThanOrEqual(2);
    }
  });

  it('catch a car that jumps in 0005 (26 m/s² over half a second) and the lost frames of a track in 0004', async () => {
    const jumps = (await lint('0005')).filter((f) => f.check === 'acceleration');
    expect(jumps.map((f) => [f.trackId, f.frame])).toEqual([
      ['Car17', 182],
      ['Car24', 248],
    ]);
    expect(counts(await lint('0004'))).toMatchObject({ gap: 1 });
  });

  it("report against the KITTI ontology the file's numeric occlusion codes and the ego car's own track", async () => {
    const findings = await lint('0003', true);
    expect(findings.filter((f) => f.check === 'unknownClass').map((f) => f.trackId)).toEqual(['Egocar']);
    const value = findings.find((f) => f.check === 'attributeValue')!;
    expect(value.params).toMatchObject({ attribute: 'occluded', problem: 'wrongType' });
  });
});
