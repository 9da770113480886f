import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { readBundle } from '../../../src/formats/bundle/read-bundle';

const KITTI = fileURLToPath(new URL('../../../../shared/data/kitti-object/training', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum convert --to bundle', () => {
  it('writes one zip with the scene, its labels as one imported edit, and the lineage of every input', async () => {
    const out = path.join(scratch, 'kitti.zip');
    const printed: string[] = [];
    const code = await runCli(['convert', KITTI, '--to', 'bundle', '-o', out, '--author', 'ci'], { lang: 'en' }, (l) => printed.push(l), () => {}); // prettier-ignore
    expect(code).toBe(0);
    const report = JSON.parse(printed.join('\n')) as { files: string[]; boxes: number };
    expect(report.files).toEqual([out]);
    const bundle = readBundle(new Uint8Array(readFileSync(out)), 'kitti.zip');
    expect(bundle.scene.source.kind).toBe('files');
    expect(bundle.records.filter((r) => r.type === 'cuboid')).toHaveLength(report.boxes);
    expect(bundle.journal.map((l) => [l.name, l.author])).toEqual([['importLabels', 'ci']]);
    expect(bundle.lineage.author).toBe('ci');
    expect(bundle.lineage.inputs.some((i) => i.path === 'label_2/000001.txt' && /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true); // prettier-ignore
    expect(bundle.exports.map((e) => [e.format, e.fileName])).toEqual([['bundle', 'kitti.zip']]);
    expect(bundle.ontology?.id).toBe(bundle.scene.ontologyId);
    expect([bundle.versions, bundle.reviews, bundle.data]).toEqual([[], [], []]);
  });
});
