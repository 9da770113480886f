/**
 * Finds the files an OpenLABEL file's `uri`s name among the folder's listing. Tools write them in several ways:
 * relative to the JSON's folder (`lidar/000000.pcd`), with a leading slash meaning that folder (OSDaR23's
 * `/lidar/012_1631441453.299504000.pcd`), as an absolute path or `file://` URI of the machine that wrote the
 * file, or as a URL of the bucket it came from. Each is read as a path (a URI's scheme and host dropped, %-escapes
 * decoded, `\` as `/`, `./` left out), and taken as it is under `root` where the folder has it; else the listed
 * file whose path (under `root`) is the longest tail of it, at a `/`: the folder the user dropped is some folder
 * of the machine that wrote the uri. A file name alone is also looked for in the folder its stream's `uri`
 * names (`rgb_center` + `012_….png`).
 */
export class OpenlabelUris {
  /** Listed paths under the root, without it, by file name (the last part). */
  readonly #byName = new Map<string, string[]>();

  constructor(
    paths: readonly string[],
    readonly root: string,
  ) {
    for (const p of paths) {
      if (!p.startsWith(root)) continue;
      const relative = p.slice(root.length);
      const name = relative.slice(relative.lastIndexOf('/') + 1);
      const list = this.#byName.get(name);
      if (list) list.push(relative);
      else this.#byName.set(name, [relative]);
    }
  }

  /** The listed path `uri` names (with the root), or undefined. `folder` is the stream's own `uri`, if any. */
  resolve(uri: string, folder?: string): string | undefined {
    const path = uriPath(uri);
    if (path === '') return undefined;
    const found = this.#find(path);
    if (found !== undefined || folder === undefined || path.includes('/')) return found;
    const base = uriPath(folder).replace(/\/+$/, '');
    return base === '' ? undefined : this.#find(`${base}/${path}`);
  }

  /** `path` itself where listed, else the longest listed path that is its tail at a `/`. */
  #find(path: string): string | undefined {
    const name = path.slice(path.lastIndexOf('/') + 1);
    let best: string | undefined;
    for (const candidate of this.#byName.get(name) ?? []) {
      if (candidate === path) return this.root + candidate;
      if (path.endsWith(`/${candidate}`) && candidate.length > (best?.length ?? -1)) best = candidate;
    }
    return best === undefined ? undefined : this.root + best;
  }
}

/** A uri as a '/'-separated path without leading '/' or './' (a URI's scheme and authority dropped). */
export function uriPath(uri: string): string {
  let path = uri.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) {
    path = path.slice(scheme[0].length);
    try {
      path = decodeURIComponent(path);
    } catch {
      // A stray '%' that is no escape: keep the path as written.
    }
  }
  return path
    .replace(/\\/g, '/')
    .replace(/^\/?[a-z]:\//i, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
