import { describe, expect, it } from 'vitest';
import { createFileListFiles, createUrlFiles } from '../../../src/decode/browser-files';

describe('createFileListFiles', () => {
  it('keys files by their path inside the chosen folder and reads whole files or slices', async () => {
    const file = (path: string, text: string) => Object.assign(new File([text], path.split('/').pop()!), { path });
    const files = createFileListFiles(
      [file('drive/lidar/0.bin', 'abcdef'), file('drive/calib.txt', 'x')],
      (f) => (f as File & { path: string }).path,
    );
    expect(files.name).toBe('drive');
    expect(files.list()).toEqual(['calib.txt', 'lidar/0.bin']);
    expect(new TextDecoder().decode(await files.read('lidar/0.bin'))).toBe('abcdef');
    expect(new TextDecoder().decode(await files.readRange!('lidar/0.bin', 1, 3))).toBe('bc');
    await expect(files.read('nope.txt')).rejects.toThrow(/nope\.txt/);
  });
});

describe('createUrlFiles', () => {
  const body = new TextEncoder().encode('0123456789');
  /** A server that honours Range (206) or ignores it (200), recording what was asked. */
  function server(honoursRange: boolean) {
    const asked: { url: string; range: string | null }[] = [];
    const fetchFn = (async (input: URL, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('Range');
      asked.push({ url: String(input), range });
      if (String(input).endsWith('missing.bin')) return new Response('no', { status: 404, statusText: 'Not Found' });
      const m = range?.match(/bytes=(\d+)-(\d+)/);
      if (m && honoursRange) return new Response(body.slice(Number(m[1]), Number(m[2]) + 1), { status: 206 });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    return { asked, fetchFn };
  }

  it('reads files relative to the manifest, and ranges with a Range header', async () => {
    const { asked, fetchFn } = server(true);
    const files = createUrlFiles('https://bucket.example/drive/frustum-manifest.json', ['lidar/0.bin'], fetchFn);
    expect(files.list()).toEqual(['frustum-manifest.json', 'lidar/0.bin']);
    expect(new TextDecoder().decode(await files.readRange!('lidar/0.bin', 2, 5))).toBe('234');
    expect(asked[0]).toEqual({ url: 'https://bucket.example/drive/lidar/0.bin', range: 'bytes=2-4' });
  });

  it('takes the asked part when the server ignores Range, and names the file and status on errors', async () => {
    const { fetchFn } = server(false);
    const files = createUrlFiles('https://bucket.example/drive/m.json', [], fetchFn);
    expect(new TextDecoder().decode(await files.readRange!('lidar/0.bin', 2, 5))).toBe('234');
    await expect(files.read('missing.bin')).rejects.toThrow(/missing\.bin.*404/);
  });
});
