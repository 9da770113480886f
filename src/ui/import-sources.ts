import { createDirectoryFiles, createFileListFiles, createUrlFiles } from '../decode/browser-files';
import type { LibraryState } from '../state/library.svelte';
import type { MessageKey, MessageValues } from '../i18n/i18n';

/** Every string value under a `path` key: the files a manifest names, whatever its nesting. */
export function manifestPaths(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(manifestPaths);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'path' && typeof v === 'string' ? [v] : manifestPaths(v)));
  }
  return [];
}

/** The native folder picker (Chromium): the handle is remembered, so the folder reopens without copying. */
export async function importPickedFolder(library: LibraryState): Promise<void> {
  const pick = (window as unknown as { showDirectoryPicker?: () => Promise<FileSystemDirectoryHandle> })
    .showDirectoryPicker;
  if (!pick) return;
  let handle: FileSystemDirectoryHandle;
  try {
    handle = await pick();
  } catch {
    return; // the user closed the picker
  }
  await library.importFolder(handle.name, async () => ({
    files: await createDirectoryFiles(handle),
    keep: { kind: 'directory', handle },
  }));
}

/** Files of a folder chosen in an `<input webkitdirectory>`: copied into the browser so they reopen later. */
export async function importFileList(library: LibraryState, files: FileList | File[]): Promise<void> {
  const list = [...files];
  if (!list.length) return;
  const folder = createFileListFiles(list);
  await library.importFolder(folder.name, async () => ({ files: folder, keep: { kind: 'opfs' } }));
}

/** A manifest on any HTTP(S) or S3-compatible server that allows CORS; `t` words its failures. */
export async function importManifestUrl(
  library: LibraryState,
  url: string,
  t: (key: MessageKey, values?: MessageValues) => string,
): Promise<void> {
  await library.importFolder(url, async (signal) => {
    const response = await fetch(url, { signal });
    if (!response.ok) {
      throw new Error(t('scenes.urlStatus', { url, status: response.status, statusText: response.statusText }));
    }
    const manifest: unknown = await response.json().catch(() => {
      throw new Error(t('scenes.urlNotJson', { url }));
    });
    return { files: createUrlFiles(url, manifestPaths(manifest)), keep: { kind: 'url', manifestUrl: url } };
  });
}

/** A drop of one folder (or loose files) from the desktop; copied into the browser. */
export async function importDrop(library: LibraryState, data: DataTransfer): Promise<void> {
  const items = [...data.items].filter((i) => i.kind === 'file');
  const handles = await Promise.all(
    items.map((i) =>
      (
        i as DataTransferItem & { getAsFileSystemHandle?(): Promise<FileSystemHandle | null> }
      ).getAsFileSystemHandle?.(),
    ),
  );
  const folder = handles.find((h): h is FileSystemDirectoryHandle => h?.kind === 'directory');
  if (folder) {
    await library.importFolder(folder.name, async () => ({
      files: await createDirectoryFiles(folder),
      keep: { kind: 'opfs' },
    }));
  } else {
    await importFileList(library, [...data.files]);
  }
}
