import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/formats/labels/csv-fields';
import { readCsv } from '../../../../src/formats/labels/csv-reader';
import { writeCsv } from '../../../../src/formats/labels/csv-writer';
import { byTrackAndFrame } from './label-set-compare';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

describe('CSV round trip (property test over random scenes)', () => {
  it('gives back every box exactly (all digits kept); loses sensors, poses, segments and frames without boxes', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const set = randomLabelSet(seed);
      const { files, problems } = writeCsv(set, testLineage(), 'run.csv');
      expect(files.map((f) => f.path)).toEqual(['run.csv', 'run.lineage.json']);
      expect(problems).toHaveLength(set.segments.length > 0 ? 1 : 0);
      expect(files[0]!.text.startsWith('\ufeffframe,timestamp_us,track_id,class_id,x,y,z,')).toBe(true);
      const read = readCsv(files[0]!.text, 'run.csv');
      expect(read.problems).toEqual([]);
      const sortById = <T extends { id: string }>(l: T[]) => [...l].sort((a, b) => a.id.localeCompare(b.id));
      const withBoxes = set.tracks.filter((t) => set.cuboids.some((c) => c.trackId === t.id));
      expect(sortById(read.set.tracks).map(({ sceneId: _, ...t }) => t)).toEqual(sortById(withBoxes).map(({ sceneId: _, ...t }) => t)); // prettier-ignore
      const got = byTrackAndFrame(read.set.cuboids);
      expect(got.size).toBe(set.cuboids.length);
      for (const want of set.cuboids) {
        const { id: _, sceneId: __, ...box } = got.get(`${want.trackId}@${want.frameIndex}`)!;
        const { id: _a, sceneId: _b, ...rest } = want;
        expect(box).toEqual(rest);
        expect(read.set.scene.frames[want.frameIndex]!.timestampUs).toBe(set.scene.frames[want.frameIndex]!.timestampUs); // prettier-ignore
      }
      expect([read.set.scene.lidars, read.set.scene.cameras, read.set.segments]).toEqual([[], [], []]);
    }
  });

  it('reads text that looks like a number or a boolean as one, and an empty text as no attribute', () => {
    const set = randomLabelSet(3);
    const box = { ...set.cuboids[0]!, attributes: { a: '12', b: 'true', c: '', d: '1,5', e: '-.5e3x' } };
    const read = readCsv(writeCsv({ ...set, cuboids: [box] }, testLineage()).files[0]!.text, 'l.csv');
    expect(read.set.cuboids[0]!.attributes).toEqual({ a: 12, b: true, d: '1,5', e: '-.5e3x' });
  });

  it('parses quotes, embedded line breaks and CRLF, and names the file and line of a bad row', () => {
    expect(parseCsv('\ufeffa,"b ""c""",\r\n"x\ny",2\n')).toEqual([
      { line: 1, fields: ['a', 'b "c"', ''] },
      { line: 2, fields: ['x\ny', '2'] },
    ]);
    expect(() => parseCsv('a,"b\n')).toThrow('line 1: a quoted field is not closed');
    expect(() => readCsv('a,b\n1,2\n', 'x.csv')).toThrow(
      /^x\.csv: not a Frustum box CSV: no column frame, timestamp_us/,
    );
    const text = writeCsv(randomLabelSet(4), testLineage()).files[0]!.text.replace(/\r\n([^,]*),/, '\r\nseven,');
    expect(readCsv(text, 'x.csv').problems[0]).toEqual({ path: 'x.csv', code: 'csv.row.not-numeric', message: 'frame, position, size and angles must be numbers; row left out', place: 'line 2' }); // prettier-ignore
  });
});
