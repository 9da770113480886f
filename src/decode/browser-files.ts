import { CodedError } from '../formats/problems/coded-error';
import type { SceneFiles } from '../formats/scene/scene-files';

/** Strips the top folder a dropped or picked folder brings, so paths start inside it. */
function splitTop(paths: string[]): { top: string; strip: (p: string) => string } {
  const first = paths[0]?.split('/')[0] ?? '';
  const shared = first !== '' && paths.every((p) => p.startsWith(`${first}/`));
  return { top: shared ? first : '', strip: (p) => (shared ? p.slice(first.length + 1) : p) };
}

/** Files from an `<input webkitdirectory>` or a drop, keyed by their path inside the chosen folder. */
export function createFileListFiles(
  files: readonly File[],
  relativePathOf = (f: File) => f.webkitRelativePath || f.name,
): SceneFiles {
  const raw = files.map((f) => relativePathOf(f).replace(/^\/+/, ''));
  const { top, strip } = splitTop(raw);
  const byPath = new Map<string, File>();
  files.forEach((f, i) => byPath.set(strip(raw[i]!), f));
  const list = [...byPath.keys()].sort();
  return {
    name: top || 'files',
    list: () => list,
    read: async (path) => {
      const file = byPath.get(path);
      if (!file) throw new CodedError('folder.file-missing', `${path}: not in the chosen folder`, { path });
      return new Uint8Array(await file.arrayBuffer());
    },
    readRange: async (path, start, end) => {
      const file = byPath.get(path);
      if (!file) throw new CodedError('folder.file-missing', `${path}: not in the chosen folder`, { path });
      return new Uint8Array(await file.slice(start, end).arrayBuffer());
    },
  };
}

/** Every file under a directory handle (the File System Access API), read on demand. */
export async function createDirectoryFiles(handle: FileSystemDirectoryHandle): Promise<SceneFiles> {
  const byPath = new Map<string, FileSystemFileHandle>();
  async function walk(dir: FileSystemDirectoryHandle, prefix: string): Promise<void> {
    for await (const entry of dir.values()) {
      if (entry.kind === 'file') byPath.set(prefix + entry.name, entry as FileSystemFileHandle);
      else await walk(entry as FileSystemDirectoryHandle, `${prefix}${entry.name}/`);
    }
  }
  await walk(handle, '');
  const list = [...byPath.keys()].sort();
  return {
    name: handle.name,
    list: () => list,
    read: async (path) => {
      const file = byPath.get(path);
      if (!file) throw new CodedError('folder.file-missing', `${path}: not in folder ${handle.name}`, { path });
      return new Uint8Array(await (await file.getFile()).arrayBuffer());
    },
    readRange: async (path, start, end) => {
      const file = byPath.get(path);
      if (!file) throw new CodedError('folder.file-missing', `${path}: not in folder ${handle.name}`, { path });
      return new Uint8Array(await (await file.getFile()).slice(start, end).arrayBuffer());
    },
  };
}

/**
 * Files listed by a manifest on an HTTP(S) or S3-compatible server that allows CORS, read relative to the
 * manifest's URL. `list` is what the manifest names plus the manifest itself.
 */
export function createUrlFiles(
  manifestUrl: string,
  paths: readonly string[],
  fetchFn: typeof fetch = fetch,
): SceneFiles {
  const base = new URL(manifestUrl);
  const manifestName = base.pathname.split('/').pop() ?? 'frustum-manifest.json';
  const list = [manifestName, ...paths.filter((p) => p !== manifestName)].sort();
  async function get(path: string, range?: [number, number]): Promise<Uint8Array> {
    const url = new URL(path, base);
    let response: Response;
    try {
      response = await fetchFn(url, range ? { headers: { Range: `bytes=${range[0]}-${range[1] - 1}` } } : undefined);
    } catch (error) {
      throw new CodedError(
        'remote.unreachable',
        `${path}: could not fetch ${url.href} (${error instanceof Error ? error.message : String(error)}; the server must allow CORS)`,
        { path, url: url.href },
        { cause: error },
      );
    }
    if (!response.ok) throw new CodedError('remote.refused', `${path}: ${url.href} answered ${response.status} ${response.statusText}`, { path, url: url.href, status: response.status }); // prettier-ignore
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A server that ignores Range answers 200 with the whole file: take the part that was asked for.
    return range && response.status !== 206 ? bytes.subarray(range[0], range[1]) : bytes;
  }
  return {
    name: manifestUrl,
    list: () => list,
    read: (path) => get(path),
    readRange: (path, start, end) => get(path, [start, end]),
  };
}
