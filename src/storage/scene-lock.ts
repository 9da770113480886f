const forever = () => new Promise<never>(() => {});

/**
 * One tab edits a scene at a time, so two tabs never interleave conflicting patches in the journal. Resolves
 * true when this tab holds the scene's lock (held until the tab closes); false when another tab does, and then
 * `onClaimedLater` runs once that tab lets go and this one takes the lock over. Browsers without Web Locks
 * get true.
 */
export async function claimScene(sceneId: string, onClaimedLater: () => void): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return true;
  const name = `frustum-scene-${sceneId}`;
  const now = await new Promise<boolean>((resolve) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? forever() : undefined;
    });
  });
  if (!now) {
    void locks.request(name, () => {
      onClaimedLater();
      return forever();
    });
  }
  return now;
}
