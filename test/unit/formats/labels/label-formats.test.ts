import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeKitti } from '../../../../src/formats/labels/kitti-writer';
import {
  detectLabelFile,
  EXPORT_FORMATS,
  isExportFormat,
  readLabelFile,
} from '../../../../src/formats/labels/label-formats';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

const SHARED = new URL('../../../../../shared/data/', import.meta.url);

describe('label formats', () => {
  it('recognises every file it writes by content, and reads back the self-contained ones', () => {
    const set = randomLabelSet(11);
    for (const [id, format] of Object.entries(EXPORT_FORMATS)) {
      // The bundle is a zip, not a label file: test/unit/formats/bundle reads it back.
      if (id === 'bundle') continue;
      const { files } = format.write(set, testLineage(), `out${format.extension ?? ''}`);
      // A KITTI object export may start with a frame of no boxes (an empty file).
      const main = files.find((f) => f.text.trim() !== '')!;
      const kind = detectLabelFile(main.text);
      expect(kind, id).toBe(id === 'kitti-tracking' ? 'kitti-tracking' : id);
      if (format.layout === 'file')
        expect(readLabelFile(main.text, main.path).set.cuboids).toHaveLength(set.cuboids.length);
    }
    expect(isExportFormat('csv')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
  });

  it('recognises real KITTI and OpenLABEL files and refuses what it cannot read alone', () => {
    const kitti = readFileSync(new URL('kitti-object/training/label_2/000001.txt', SHARED), 'utf8');
    expect(detectLabelFile(kitti)).toBe('kitti');
    expect(detectLabelFile(readFileSync(new URL('openlabel/spec-examples/openlabel100_test_cuboids.json', SHARED), 'utf8'))).toBe('openlabel'); // prettier-ignore
    expect(() => readLabelFile(kitti, '000001.txt')).toThrow('000001.txt: KITTI labels need their calibration');
    expect(detectLabelFile('hello')).toBeUndefined();
    expect(detectLabelFile('{"a": 1}')).toBeUndefined();
    expect(() => readLabelFile('{', 'x.json')).toThrow('x.json: not a label file Frustum knows');
    const tracking = writeKitti(randomLabelSet(2), testLineage(), { mode: 'tracking' }).files[0]!.text;
    expect(detectLabelFile(tracking)).toBe('kitti-tracking');
  });
});
