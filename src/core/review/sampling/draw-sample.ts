import { createRandom, type Random } from '../../math/random';
import type { InspectionSeverity, InspectionUnit, ReviewRound, SamplingPlan } from '../../model/review';
import { reviewTargetKey } from '../../model/review';
import { sampleSizeCodeLetter, singleSamplingPlan } from './mil-std-105e';

/** What a round samples from: a scene's frames, tracks and boxes (stored and derived alike). */
export interface SamplingPopulation {
  frames: number[];
  tracks: { id: string; classId: string }[];
  boxes: { trackId: string; frameIndex: number; classId: string }[];
}

export interface DrawnSample {
  /** Unit keys (`reviewTargetKey`) in the order drawn. */
  sample: string[];
  /** How many units of the chosen kind the scene holds. */
  lotSize: number;
  acceptance?: ReviewRound['acceptance'];
}

/**
 * The units a round inspects. Deterministic from the seed (mulberry32) on every machine: the population is first
 * put in a canonical order (frames by index, tracks by id, boxes by frame then track), so that two copies of a
 * scene whose records arrived in another order still give a second reviewer the same sample. Draws are without
 * replacement, by a partial Fisher–Yates shuffle, and the sample keeps the order drawn.
 */
export function drawSample(
  plan: SamplingPlan,
  unit: InspectionUnit,
  population: SamplingPopulation,
  seed: number,
  severity: InspectionSeverity,
): DrawnSample {
  const scene = canonicalPopulation(population);
  const lot = unitsOf(scene, unit);
  const random = createRandom(seed);
  const result = (keys: string[]): DrawnSample => ({ sample: unique(keys), lotSize: lot.length });
  switch (plan.kind) {
    case 'all':
      return result(lot.map((u) => u.key));
    case 'random-frames':
      return result(unitsOnFrames(scene, unit, draw(scene.frames, shareOf(scene.frames.length, plan.percent), random)));
    case 'every-kth-frame':
      return result(unitsOnFrames(scene, unit, everyKth(scene.frames, plan.k, random)));
    case 'tracks': {
      const tracks = draw(scene.tracks, shareOf(scene.tracks.length, plan.percent), random);
      return result(
        unitsOfTracks(
          scene,
          unit,
          tracks.map((t) => t.id),
        ),
      );
    }
    case 'stratified':
      return result(drawStratified(lot, plan.percent, random));
    case 'acceptance': {
      const table = singleSamplingPlan(sampleSizeCodeLetter(lot.length, plan.level), plan.aql, severity);
      // n ≥ lot: the standard inspects every unit (100 % inspection) with the same Ac and Re.
      const drawn = draw(lot, Math.min(table.sampleSize, lot.length), random);
      return { ...result(drawn.map((u) => u.key)), acceptance: { severity, ...table } };
    }
  }
}

interface Unit {
  key: string;
  /** The class a unit is stratified by; frames hold many classes, so they form one stratum. */
  stratum: string;
}

/** The population sorted, each frame, track and box once. */
function canonicalPopulation(population: SamplingPopulation): SamplingPopulation {
  const tracks = new Map(population.tracks.map((t) => [t.id, t]));
  const boxes = new Map(population.boxes.map((b) => [boxKey(b), b]));
  return {
    frames: [...new Set(population.frames)].sort((a, b) => a - b),
    tracks: [...tracks.values()].sort((a, b) => compare(a.id, b.id)),
    boxes: [...boxes.values()].sort((a, b) => a.frameIndex - b.frameIndex || compare(a.trackId, b.trackId)),
  };
}

function unitsOf(scene: SamplingPopulation, unit: InspectionUnit): Unit[] {
  switch (unit) {
    case 'frame':
      return scene.frames.map((frameIndex) => ({ key: reviewTargetKey({ kind: 'frame', frameIndex }), stratum: '' }));
    case 'track':
      return scene.tracks.map((t) => ({ key: reviewTargetKey({ kind: 'track', trackId: t.id }), stratum: t.classId }));
    case 'box':
      return scene.boxes.map((b) => ({ key: boxKey(b), stratum: b.classId }));
  }
}

/** The units on the chosen frames, frame by frame in the order drawn: the frames, their boxes, or the tracks seen. */
function unitsOnFrames(scene: SamplingPopulation, unit: InspectionUnit, frames: number[]): string[] {
  if (unit === 'frame') return frames.map((frameIndex) => reviewTargetKey({ kind: 'frame', frameIndex }));
  const byFrame = groupBy(scene.boxes, (b) => b.frameIndex);
  const boxes = frames.flatMap((frame) => byFrame.get(frame) ?? []);
  if (unit === 'box') return boxes.map(boxKey);
  return boxes.map((b) => reviewTargetKey({ kind: 'track', trackId: b.trackId }));
}

/** The units of the chosen tracks, track by track in the order drawn: the tracks, their boxes, or their frames. */
function unitsOfTracks(scene: SamplingPopulation, unit: InspectionUnit, trackIds: string[]): string[] {
  if (unit === 'track') return trackIds.map((trackId) => reviewTargetKey({ kind: 'track', trackId }));
  const byTrack = groupBy(scene.boxes, (b) => b.trackId);
  const boxes = trackIds.flatMap((id) => byTrack.get(id) ?? []);
  if (unit === 'box') return boxes.map(boxKey);
  return boxes.map((b) => reviewTargetKey({ kind: 'frame', frameIndex: b.frameIndex }));
}

/** p % of each class's units, at least one of every class that has any; classes in the order of their ids. */
function drawStratified(lot: Unit[], percent: number, random: Random): string[] {
  const strata = groupBy(lot, (u) => u.stratum);
  const classes = [...strata.keys()].sort(compare);
  return classes.flatMap((c) => {
    const units = strata.get(c) ?? [];
    return draw(units, shareOf(units.length, percent), random).map((u) => u.key);
  });
}

/** Every k-th frame from a start drawn in [0, k), so that each frame is equally likely to be reviewed. */
function everyKth(frames: number[], k: number, random: Random): number[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const start = Math.floor(random() * Math.min(k, frames.length));
  return frames.filter((_, i) => i >= start && (i - start) % k === 0);
}

/** How many of `count` units p % is: rounded, at least one when p > 0 and there is any. */
function shareOf(count: number, percent: number): number {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`percent must lie in 0…100, got ${percent}`);
  if (percent === 0 || count === 0) return 0;
  return Math.min(count, Math.max(1, Math.round((count * percent) / 100)));
}

/** `n` items drawn without replacement, in the order drawn (partial Fisher–Yates). */
function draw<T>(items: readonly T[], n: number, random: Random): T[] {
  const pool = [...items];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

function boxKey(b: { trackId: string; frameIndex: number }): string {
  return reviewTargetKey({ kind: 'box', trackId: b.trackId, frameIndex: b.frameIndex });
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
