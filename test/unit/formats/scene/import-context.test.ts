import { describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../../../src/formats/json/validate-json';
import { readKittiLabels } from '../../../../src/formats/labels/kitti-label';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { ImportContext } from '../../../../src/formats/scene/import-context';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';

const text = (s: string) => new TextEncoder().encode(s);

describe('ImportContext problems', () => {
  it('takes the code and place of a coded error, and a generic code for any other', async () => {
    const files = createMemoryFiles('f', {
      'a.txt': text('Car 0 0 x\n'),
      'b.json': text('{ nope'),
      'c.txt': text('whatever'),
    });
    const ctx = new ImportContext(files, '', {});
    expect(await ctx.parseText('a.txt', (t) => readKittiLabels(t, 'a.txt', 'object'))).toBeUndefined();
    expect(await ctx.parseText('b.json', (t) => parseJsonFile(t, 'b.json'))).toBeUndefined();
    await ctx.parseText('c.txt', () => {
      throw new Error('c.txt: singular transform (determinant 0)');
    });
    // An error about another file keeps that file's name in the message.
    ctx.parse('c.txt', () => {
      throw new FormatError('other.txt', 'no R row', { code: 'kitti.calib.malformed' });
    });
    expect(await ctx.read('missing.txt')).toBeUndefined();
    ctx.problem('c.txt', 'kitti.calib.missing', 'missing: no poses');
    expect(ctx.problems).toEqual([
      { path: 'a.txt', code: 'kitti.row.columns', place: 'line 1', message: expect.stringMatching(/^expected 15 fields/), values: { fields: 15 } }, // prettier-ignore
      { path: 'b.json', code: 'json.syntax', message: expect.stringMatching(/^not valid JSON/) },
      { path: 'c.txt', code: 'file.malformed', message: 'singular transform (determinant 0)' },
      { path: 'c.txt', code: 'kitti.calib.malformed', message: 'other.txt: no R row' },
      { path: 'missing.txt', code: 'file.unreadable', message: 'no such file in f' },
      { path: 'c.txt', code: 'kitti.calib.missing', message: 'missing: no poses' },
    ]);
  });
});
