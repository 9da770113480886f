import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpenLabel } from '../../../src/formats/labels/openlabel-reader';
import { validateOpenLabel } from '../../../src/formats/labels/openlabel-validate';
import { buildCli, runBuilt } from './built-cli';

const SUSTECH = fileURLToPath(new URL('../../../../shared/data/sustechpoints/', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-prelabel-built-'));

beforeAll(() => buildCli(), 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum prelabel, as the built CLI', () => {
  it('is listed in the help', () => {
    expect(runBuilt(['help']).stdout).toMatch(/\n {2}prelabel +\S/);
  });

  it('pre-labels a real scene folder into OpenLABEL with the engine on every box and the inputs hashed', () => {
    const out = path.join(scratch, 'sustech-prelabels.json');
    const run = runBuilt(['prelabel', SUSTECH, '-o', out, '--classes', 'car,pedestrian']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { model: string; version: string; frames: number; tracks: number; byClass: Record<string, number> }; // prettier-ignore
    expect(report.model).toBe('frustum-classic');
    expect(report.frames).toBe(4);
    expect(report.tracks).toBeGreaterThan(3);
    expect(Object.keys(report.byClass).every((c) => c === 'car' || c === 'pedestrian')).toBe(true);
    const text = readFileSync(out, 'utf8');
    validateOpenLabel(text, out);
    const read = readOpenLabel(text, 'sustech-prelabels.json').set;
    expect(read.tracks).toHaveLength(report.tracks);
    const stored = read.cuboids.filter((c) => c.source.kind !== 'interpolated');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((c) => c.source.kind === 'prelabel' && c.source.model === 'frustum-classic' && c.source.version === report.version)).toBe(true); // prettier-ignore
    const lineage = JSON.stringify((JSON.parse(text) as { openlabel: { metadata: unknown } }).openlabel.metadata);
    expect(lineage).toContain('lidar/000950.pcd');
    expect(lineage).toMatch(/"pending":\d+/);
  });

  it('says which folder is missing, and what the arguments should be', () => {
    const missing = runBuilt(['prelabel', path.join(scratch, 'nowhere'), '-o', path.join(scratch, 'x.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nowhere: no such folder');
    const misuse = runBuilt(['prelabel', SUSTECH, '-o', 'x.json', '--classes', 'tram']);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('Usage: frustum prelabel');
  });
});
