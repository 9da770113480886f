import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRUSTUM_VERSION } from '../../../src/core/version';
import { findOpenLabelFaults } from '../../../src/formats/labels/openlabel-validate';
import { makeLas, makeLasPoints } from '../formats/pointcloud/make-las';
import { buildCli, ROOT, runBuilt } from './built-cli';
import { lasHeaderBounds } from './las-header-bounds';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const EXAMPLES = `${DATA}openlabel/spec-examples/`;
const TRACKING = `${DATA}kitti-tracking-openlabel/openlabel100_kitti_tracking_0003.json`;
/** ASAM's published schema, where the shared test data keeps it (never copied into the project). */
const ASAM = `${DATA}openlabel/schema/openlabel_json_schema-v1.0.0.json`;
const LAZ = `${ROOT}test/unit/formats/pointcloud/fixtures/format3-v1.4.laz`;

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-built-cli-'));
const LAS = path.join(scratch, 'survey.las');

interface CloudReport {
  format: string;
  points: number;
  fields: { name: string }[];
  bounds: { min: number[]; max: number[] };
  origin?: number[];
}

/** Each of `got` within `tolerance` of `want`. */
function expectNear(got: readonly number[], want: readonly number[], tolerance: number) {
  got.forEach((v, i) => expect(Math.abs(v - want[i]!), `[${i}] ${v} vs ${want[i]}`).toBeLessThanOrEqual(tolerance));
}

beforeAll(() => {
  buildCli();
  // A georeferenced survey: header offsets 635,000 E, 849,000 N, points 2 km around 635,619 E, 849,321 N.
  writeFileSync(LAS, makeLas(makeLasPoints(300, 5, [635_619, 849_321, 80], 2000), { format: 3, offset: [635_000, 849_000, 0] })); // prettier-ignore
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built CLI (node dist/cli/frustum.js)', () => {
  it('prints its version and its help', () => {
    expect(runBuilt(['--version'])).toEqual({ code: 0, stdout: `${FRUSTUM_VERSION}\n`, stderr: '' });
    const help = runBuilt(['help']);
    expect(help.code).toBe(0);
    for (const command of ['inspect', 'fit', 'convert', 'validate']) expect(help.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`)); // prettier-ignore
    expect(runBuilt(['frobnicate']).code).toBe(2);
  });

  it('inspects a PCD file', () => {
    const { code, stdout, stderr } = runBuilt(['inspect', `${DATA}pcd/pcl-generated/kitti000008_reduced_binary.pcd`]);
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as CloudReport;
    expect(report).toMatchObject({ format: 'pcd-binary', points: 17238 });
    expect(report.fields.map((f) => f.name)).toEqual(['x', 'y', 'z', 'intensity']);
    expect(report).not.toHaveProperty('origin');
  });

  it("inspects LAS and LAZ with bounds in the file's own coordinates and the origin apart", () => {
    for (const [file, format] of [
      [LAS, 'las'],
      [LAZ, 'laz'],
    ] as const) {
      const { code, stdout, stderr } = runBuilt(['inspect', file]);
      expect([code, stderr], file).toEqual([0, '']);
      const report = JSON.parse(stdout) as CloudReport;
      expect(report.format).toBe(format);
      const header = lasHeaderBounds(new Uint8Array(readFileSync(file)));
      expectNear(report.bounds.min, header.min, 2e-4);
      expectNear(report.bounds.max, header.max, 2e-4);
      expect(report.origin).toEqual(header.min.map((v, a) => Math.round((v + header.max[a]!) / 2)));
    }
    const las = JSON.parse(runBuilt(['inspect', LAS]).stdout) as CloudReport;
    expect(las.points).toBe(300);
    // Not the −2 km of the positions relative to the origin: the survey's own eastings.
    expect(las.bounds.min[0]).toBeGreaterThan(633_000);
  });

  it('inspects a scene folder, and fails with one line on a path that is not there', () => {
    const { code, stdout } = runBuilt(['inspect', `${DATA}kitti-object/training`]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ layout: 'kitti-object', frames: 3, lidars: ['velodyne'], labels: 6 });
    const missing = path.join(scratch, 'nothing-here');
    expect(runBuilt(['inspect', missing])).toEqual({ code: 1, stdout: '', stderr: `frustum inspect: ${missing}: no such file or folder\n` }); // prettier-ignore
  });

  it('fits a cuboid on the KITTI car at the click', () => {
    const { code, stdout } = runBuilt(['fit', `${DATA}kitti-object/training/velodyne/000002.bin`, '--at', '34.67,-3.16']); // prettier-ignore
    expect(code).toBe(0);
    const box = JSON.parse(stdout) as { position: number[]; size: number[] };
    expectNear(box.position.slice(0, 2), [34.67, -3.16], 0.5);
    expect(box.size[0]).toBeGreaterThan(3.5);
  });

  it('converts OpenLABEL to KITTI tracking, one row per box', () => {
    const out = path.join(scratch, 'tracking');
    const { code, stdout } = runBuilt(['convert', TRACKING, '--to', 'kitti-tracking', '-o', out, '--author', 'ci']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { files: string[]; tracks: number; boxes: number };
    expect(report).toMatchObject({ tracks: 11, boxes: 532 });
    const rows = readFileSync(
      report.files.find((f) => f.endsWith('.txt'))!,
      'utf8',
    )
      .trim()
      .split('\n');
    expect(rows).toHaveLength(532);
    expect(rows.every((row) => row.split(' ').length === 17)).toBe(true);
  });

  it("converts OpenLABEL to OpenLABEL that our schema and ASAM's accept, and refuses a schema it cannot read", () => {
    const out = path.join(scratch, 'again.json');
    expect(runBuilt(['convert', TRACKING, '--to', 'openlabel', '-o', out]).code).toBe(0);
    expect(findOpenLabelFaults(JSON.parse(readFileSync(out, 'utf8')))).toEqual([]);
    expect(runBuilt(['validate', out, '--schema', ASAM])).toEqual({ code: 0, stdout: `${out}: valid OpenLABEL 1.0.0\n`, stderr: '' }); // prettier-ignore
    const never = path.join(scratch, 'never.json');
    const missing = path.join(scratch, 'missing.schema.json');
    const refused = runBuilt(['convert', TRACKING, '--to', 'openlabel', '-o', never, '--schema', missing]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `frustum convert: ${missing}: the schema cannot be read (ENOENT)\n` }); // prettier-ignore
    expect(existsSync(never)).toBe(false);
  });

  it("validates a good and a broken file, by our schema and by ASAM's", () => {
    const good = `${EXAMPLES}openlabel100_test_cuboids.json`;
    const bad = path.join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ openlabel: { metadata: { schema_version: '1.0.0' }, frames: { abc: {} } } }));
    for (const schema of [[], ['--schema', ASAM]]) {
      expect(runBuilt(['validate', good, ...schema])).toEqual({ code: 0, stdout: `${good}: valid OpenLABEL 1.0.0\n`, stderr: '' }); // prettier-ignore
      const broken = runBuilt(['validate', bad, ...schema]);
      expect([broken.code, broken.stdout]).toEqual([1, '']);
      expect(broken.stderr).toMatch(/^bad\.json: \/openlabel\/frames\/abc (is not a frame number|is not allowed here)/);
    }
    expect(runBuilt(['validate', bad]).stderr).toBe('bad.json: /openlabel/frames/abc is not a frame number (frame keys are non-negative integers)\n'); // prettier-ignore
    expect(runBuilt(['validate']).code).toBe(2);
  });
});
