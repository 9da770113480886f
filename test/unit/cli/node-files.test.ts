import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeFiles } from '../../../src/cli/node-files';

const root = mkdtempSync(path.join(tmpdir(), 'frustum-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('createNodeFiles', () => {
  it('lists every file below a folder as sorted relative paths, skipping hidden entries, and reads them', async () => {
    mkdirSync(path.join(root, 'b/c'), { recursive: true });
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, 'b/c/x.bin'), new Uint8Array([1, 2, 3]));
    writeFileSync(path.join(root, 'a.txt'), 'hi');
    writeFileSync(path.join(root, '.git/HEAD'), 'ref');
    const files = createNodeFiles(root);
    expect(files.name).toBe(path.basename(root));
    expect(files.list()).toEqual(['a.txt', 'b/c/x.bin']);
    expect([...(await files.read('b/c/x.bin'))]).toEqual([1, 2, 3]);
    await expect(files.read('missing.txt')).rejects.toThrow(/^missing\.txt: no such file/);
  });
});
