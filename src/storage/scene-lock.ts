/** A claim on a scene: whether this tab may edit it now, and how to let go when it opens another scene. */
export interface SceneClaim {
  held: boolean;
  release(): void;
}

/**
 * One tab edits a scene at a time, so two tabs never interleave conflicting patches in the journal. `held` is
 * true when this tab holds the scene's lock (until `release` or the tab closes); false when another tab does,
 * and then `onClaimedLater` runs once that tab lets go and this one takes over. Browsers without Web Locks
 * always hold.
 */
export async function claimScene(sceneId: string, onClaimedLater: () => void): Promise<SceneClaim> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return { held: true, release: () => {} };
  const name = `frustum-scene-${sceneId}`;
  let release = () => {};
  const until = new Promise<void>((resolve) => (release = resolve));
  const abort = new AbortController();
  const held = await new Promise<boolean>((resolve) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? until : undefined;
    });
  });
  if (!held) {
    locks
      .request(name, { signal: abort.signal }, () => {
        onClaimedLater();
        return until;
      })
      .catch(() => undefined);
  }
  return {
    held,
    release: () => {
      abort.abort();
      release();
    },
  };
}
