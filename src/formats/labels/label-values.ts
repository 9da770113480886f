import type { AttributeValue, CuboidSource } from '../../core/model/labels';

/** An array of finite numbers (of `length` where given): what a file's vector or matrix must be. */
export function isNumbers(v: unknown, length?: number): v is number[] {
  return (
    Array.isArray(v) &&
    (length === undefined || v.length === length) &&
    v.every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

/** A UUID in the 8-4-4-4-12 hex form (the app's record ids; keys OpenLABEL accepts as they are). */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** A plain object of strings, numbers and booleans: attributes as files carry them. */
export function isAttributeRecord(v: unknown): v is Record<string, AttributeValue> {
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x))) // prettier-ignore
  );
}

/**
 * A box's source as files spell it (a kind, and for pre-labels the model, its version, the score and whether a
 * person confirmed it; for a manual box the model that first produced it, if one did): a kind Frustum does not
 * know gives `manual` for a keyframe, `interpolated` otherwise; a missing score reads as 1.
 */
export function cuboidSourceOf(
  kind: unknown,
  prelabel: { model?: unknown; version?: unknown; score?: unknown; confirmed?: unknown },
  keyframe: boolean,
): CuboidSource {
  if (kind === 'prelabel') {
    const score = prelabel.score === undefined || prelabel.score === '' ? 1 : Number(prelabel.score);
    const model = String(prelabel.model ?? ''),
      version = String(prelabel.version ?? '');
    return { kind, model, version, score, ...(prelabel.confirmed === true && { confirmed: true }) };
  }
  if (kind === 'manual' && typeof prelabel.model === 'string' && prelabel.model !== '')
    return { kind, from: { model: prelabel.model, version: String(prelabel.version ?? '') } };
  if (kind === 'manual' || kind === 'interpolated' || kind === 'propagated') return { kind };
  return keyframe ? { kind: 'manual' } : { kind: 'interpolated' };
}
