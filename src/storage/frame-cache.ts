import { pointCloudBytes } from '../core/model/point-cloud';
import type { CachedFrame, CachedImage, CachedPoints, FrustumDb } from './db';

export function frameKey(sceneId: string, sensorId: string, index: number): string {
  return `${sceneId}|${sensorId}|${index}`;
}

export function payloadBytes(p: CachedPoints | CachedImage): number {
  return p.kind === 'image' ? p.data.byteLength : pointCloudBytes(p);
}

/**
 * Decoded frames kept across visits under a byte bound, least recently used evicted first. The bound comes
 * from the caller (sized from `navigator.storage.estimate()` in the app).
 */
export class FrameCache {
  #lastStamp = 0;

  constructor(
    private readonly db: FrustumDb,
    private readonly maxBytes: number,
  ) {}

  async get(sceneId: string, sensorId: string, index: number): Promise<CachedFrame['payload'] | undefined> {
    const key = frameKey(sceneId, sensorId, index);
    const row = await this.db.frames.get(key);
    if (!row) return undefined;
    // The LRU stamp need not be durable before we answer, and it touches only the small use record.
    void this.db.frameUse.update(key, { lastUsed: this.#stamp() }).catch(() => undefined);
    return row.payload;
  }

  /**
   * Stores several samples in one transaction, then evicts down to the bound. Never throws: the cache only saves
   * work, so a full disk or a blocked database must not stop a frame from being shown. Resolves false then.
   */
  async putMany(
    sceneId: string,
    items: { sensorId: string; index: number; payload: CachedFrame['payload'] }[],
  ): Promise<boolean> {
    const now = this.#stamp();
    const rows: CachedFrame[] = items.map(({ sensorId, index, payload }) => ({
      key: frameKey(sceneId, sensorId, index),
      sceneId,
      bytes: payloadBytes(payload),
      lastUsed: now,
      payload,
    }));
    try {
      await this.db.transaction('rw', this.db.frames, this.db.frameUse, async () => {
        await this.db.frames.bulkPut(rows);
        await this.db.frameUse.bulkPut(rows.map(({ key, bytes }) => ({ key, bytes, lastUsed: now })));
      });
      await this.evict();
      return true;
    } catch (error) {
      console.warn(`frame cache: could not store ${rows.map((r) => r.key).join(', ')}:`, error);
      return false;
    }
  }

  /**
   * A use time that only goes up: uses in the same millisecond (a read right after a write) must still order,
   * or the least recently used could not be told from the most.
   */
  #stamp(): number {
    this.#lastStamp = Math.max(Date.now(), this.#lastStamp + 1);
    return this.#lastStamp;
  }

  /** Forgets every cached frame of a scene (its inputs changed). */
  async dropScene(sceneId: string): Promise<void> {
    await this.db.transaction('rw', this.db.frames, this.db.frameUse, async () => {
      await this.db.frames.where('sceneId').equals(sceneId).delete();
      await this.db.frameUse.where('key').startsWith(`${sceneId}|`).delete();
    });
  }

  /**
   * Drops the least recently used frames until the cache fits its bound; reads only the small use records. One
   * read-write transaction from the first read to the last delete: a frame stored between two separate reads
   * (a prefetch's put) would otherwise look like an orphan without a use record and be deleted at once.
   */
  async evict(): Promise<number> {
    return this.db.transaction('rw', this.db.frames, this.db.frameUse, async () => {
      const uses = await this.db.frameUse.orderBy('lastUsed').toArray();
      let total = uses.reduce((n, u) => n + u.bytes, 0);
      const drop: string[] = [];
      for (const { key, bytes } of uses) {
        if (total <= this.maxBytes) break;
        drop.push(key);
        total -= bytes;
      }
      // Frames cached before use records existed have none: they go first.
      const known = new Set(uses.map((u) => u.key));
      const orphans = (await this.db.frames.toCollection().primaryKeys()).filter((k) => !known.has(k));
      if (drop.length || orphans.length) {
        await this.db.frames.bulkDelete([...orphans, ...drop]);
        await this.db.frameUse.bulkDelete(drop);
      }
      return drop.length + orphans.length;
    });
  }
}

/** A cache bound from the browser's quota: a fifth of what is free, between 64 MiB and 2 GiB. */
export function cacheBytesFromEstimate(estimate: { quota?: number; usage?: number } | undefined): number {
  const MiB = 1024 * 1024;
  const free = (estimate?.quota ?? 0) - (estimate?.usage ?? 0);
  return Math.min(2048 * MiB, Math.max(64 * MiB, Math.floor(free / 5)));
}
