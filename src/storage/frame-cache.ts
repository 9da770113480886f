import type { CachedFrame, CachedImage, CachedPoints, FrustumDb } from './db';

export function frameKey(sceneId: string, sensorId: string, index: number): string {
  return `${sceneId}|${sensorId}|${index}`;
}

export function payloadBytes(p: CachedPoints | CachedImage): number {
  if (p.kind === 'image') return p.data.byteLength;
  return p.positions.byteLength + Object.values(p.attributes).reduce((n, a) => n + a.byteLength, 0);
}

/**
 * Decoded frames kept across visits under a byte bound, least recently used evicted first. The bound comes
 * from the caller (sized from `navigator.storage.estimate()` in the app).
 */
export class FrameCache {
  constructor(
    private readonly db: FrustumDb,
    private readonly maxBytes: number,
  ) {}

  async get(sceneId: string, sensorId: string, index: number): Promise<CachedFrame['payload'] | undefined> {
    const key = frameKey(sceneId, sensorId, index);
    const row = await this.db.frames.get(key);
    if (!row) return undefined;
    // The LRU stamp need not be durable before we answer.
    void this.db.frames.update(key, { lastUsed: Date.now() });
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
    const now = Date.now();
    const rows: CachedFrame[] = items.map(({ sensorId, index, payload }) => ({
      key: frameKey(sceneId, sensorId, index),
      sceneId,
      bytes: payloadBytes(payload),
      lastUsed: now,
      payload,
    }));
    try {
      await this.db.frames.bulkPut(rows);
      await this.evict();
      return true;
    } catch (error) {
      console.warn(`frame cache: could not store ${rows.map((r) => r.key).join(', ')}:`, error);
      return false;
    }
  }

  async evict(): Promise<number> {
    let total = 0;
    const sizes: { key: string; bytes: number }[] = [];
    await this.db.frames.orderBy('lastUsed').each((row) => {
      total += row.bytes;
      sizes.push({ key: row.key, bytes: row.bytes });
    });
    const drop: string[] = [];
    for (const { key, bytes } of sizes) {
      if (total <= this.maxBytes) break;
      drop.push(key);
      total -= bytes;
    }
    if (drop.length) await this.db.frames.bulkDelete(drop);
    return drop.length;
  }
}

/** A cache bound from the browser's quota: a fifth of what is free, between 64 MiB and 2 GiB. */
export function cacheBytesFromEstimate(estimate: { quota?: number; usage?: number } | undefined): number {
  const MiB = 1024 * 1024;
  const free = (estimate?.quota ?? 0) - (estimate?.usage ?? 0);
  return Math.min(2048 * MiB, Math.max(64 * MiB, Math.floor(free / 5)));
}
