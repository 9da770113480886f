import type { TrackSizeSource } from '../model/labels';

/** The support of a size estimate: the object's LiDAR returns it rests on, from how many frames. */
export interface SizeSupport {
  frames: number;
  points: number;
}

/**
 * The support behind a track's size as stored: a size set by hand, or one of unknown origin (stored or imported
 * before sources were recorded, a dataset's own label), is never replaced by an estimate the user did not ask
 * for; the class's typical size rests on nothing.
 */
export function supportOf(source: TrackSizeSource | undefined): SizeSupport {
  if (!source || source.kind === 'hand') return { frames: Infinity, points: Infinity };
  if (source.kind === 'default') return { frames: 0, points: 0 };
  if (source.kind === 'fit') return { frames: 1, points: source.points };
  return { frames: source.frames, points: source.points };
}

/**
 * Whether an estimate with `candidate`'s support may replace the size `current` gave: it must rest on more of
 * the object's points, or on as many from more frames. A sparse frame's fit never replaces a denser one.
 */
export function replacesSize(candidate: SizeSupport, current: TrackSizeSource | undefined): boolean {
  const held = supportOf(current);
  return candidate.points > held.points || (candidate.points === held.points && candidate.frames > held.frames);
}

/** A size source as stored, read defensively (a record from a newer or hand-edited file may hold anything). */
export function readSizeSource(value: unknown): TrackSizeSource | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (v['kind'] === 'hand' || v['kind'] === 'default') return { kind: v['kind'] };
  if (v['kind'] === 'fit' && count(v['frameIndex']) && count(v['points']))
    return { kind: 'fit', frameIndex: v['frameIndex'] as number, points: v['points'] as number };
  if (v['kind'] === 'points' && count(v['frames']) && count(v['points']))
    return { kind: 'points', frames: v['frames'] as number, points: v['points'] as number };
  return undefined;
}
