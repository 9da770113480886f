import { readFileSync } from 'node:fs';
import { compareLabelSets } from '../../../../../src/core/agreement/agreement';
import { maximumWeightAssignment } from '../../../../../src/core/agreement/hungarian';
import { normalizeAngle } from '../../../../../src/core/math/angle';
import { identity, transformPoint } from '../../../../../src/core/math/mat4';
import { createRandom, gaussian, type Random } from '../../../../../src/core/math/random';
import type { LabelSet } from '../../../../../src/core/model/label-set';
import type { Cuboid, Track } from '../../../../../src/core/model/labels';
import type { Detection, FrameDetections, PrelabelTrack } from '../../../../../src/core/prelabel/types';
import { readOpenLabel } from '../../../../../src/formats/labels/openlabel-reader';

/**
 * KITTI tracking labels (Geiger et al. 2012, as OpenLABEL) turned into what a detector might give, to measure the
 * tracker on real motion: the ego turns, stops and accelerates; objects park, cross and overtake. The noise model
 * is a stand-in for the real detector (which runs on the sweeps these files do not carry): centre jitter, yaw
 * jitter, sizes off by a few per cent, boxes dropped (more often the more occluded), a fifth of them turned round,
 * and a few false positives a frame that do not persist. Seeded: the same figures on every machine.
 */
const DIR = new URL('../../../../../../shared/data/kitti-tracking-openlabel/', import.meta.url);

export const TUNING = ['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008', '0009', '0010'];
export const VALIDATION = ['0011', '0013', '0014', '0015', '0016', '0017', '0018', '0020'];

/** KITTI classes the stand-in detector reports, as the ontology's class ids (a van is a car to the detector). */
const CLASS_OF: Record<string, string> = { Car: 'car', Van: 'car', Pedestrian: 'pedestrian', Cyclist: 'cyclist' };
const FP_SIZES: Record<string, [number, number, number]> = {
  car: [4.2, 1.8, 1.5],
  pedestrian: [0.8, 0.6, 1.75],
  cyclist: [1.8, 0.6, 1.7],
};

export interface NoiseModel {
  centreSigma: number;
  yawSigma: number;
  sizeSigma: number;
  /** Drop-out chance of a fully visible box, and what each KITTI occlusion level (0–3) adds. */
  dropout: number;
  dropoutPerOcclusion: number;
  flip: number;
  falsePositivesPerFrame: number;
}

export const NOISE: NoiseModel = {
  centreSigma: 0.2,
  yawSigma: 0.05,
  sizeSigma: 0.05,
  dropout: 0.1,
  dropoutPerOcclusion: 0.05,
  flip: 0.2,
  falsePositivesPerFrame: 2,
};

export interface KittiSequence {
  name: string;
  /** The labels of the reported classes, class ids mapped: the reference. */
  reference: LabelSet;
  frames: FrameDetections[];
}

export function loadSequence(name: string, noise: NoiseModel = NOISE): KittiSequence {
  const file = `openlabel100_kitti_tracking_${name}.json`;
  const { set } = readOpenLabel(readFileSync(new URL(file, DIR), 'utf8'), file);
  const tracks: Track[] = set.tracks.flatMap((t) => (CLASS_OF[t.classId] ? [{ ...t, classId: CLASS_OF[t.classId]! }] : [])); // prettier-ignore
  const classOf = new Map(tracks.map((t) => [t.id, t.classId]));
  const cuboids = set.cuboids.filter((c) => classOf.has(c.trackId));
  const reference: LabelSet = { scene: set.scene, tracks, cuboids, segments: [] };
  const random = createRandom(Number(name) * 7919 + 17);
  const byFrame = set.scene.frames.map((): Cuboid[] => []);
  for (const c of cuboids) byFrame[c.frameIndex]?.push(c);
  const frames = set.scene.frames.map((frame, i): FrameDetections => {
    const detections: Detection[] = [];
    for (const c of byFrame[i]!) {
      const occluded = typeof c.attributes.occluded === 'number' ? c.attributes.occluded : 0;
      if (random() < noise.dropout + noise.dropoutPerOcclusion * occluded) continue;
      detections.push(noisyDetection(c, classOf.get(c.trackId)!, random, noise, 0.55 + 0.4 * random()));
    }
    const fps = poisson(random, noise.falsePositivesPerFrame);
    for (let k = 0; k < fps; k++) detections.push(falsePositive(random));
    return {
      frameIndex: i,
      time: frame.timestampUs / 1e6,
      worldFromEgo: frame.worldFromEgo ?? identity(),
      detections,
    };
  });
  return { name, reference, frames };
}

function noisyDetection(c: Cuboid, classId: string, random: Random, noise: NoiseModel, score: number): Detection {
  const [x, y, z] = c.position;
  const range = Math.hypot(x, y);
  const scale = () => 1 + noise.sizeSigma * gaussian(random);
  const size: [number, number, number] = [c.size[0] * scale(), c.size[1] * scale(), c.size[2] * scale()];
  const flip = random() < noise.flip ? Math.PI : 0;
  return {
    classId,
    score,
    position: [x + noise.centreSigma * gaussian(random), y + noise.centreSigma * gaussian(random), z + 0.05 * gaussian(random)], // prettier-ignore
    size,
    yaw: normalizeAngle(c.yaw + noise.yawSigma * gaussian(random) + flip),
    // Returns fall with the square of the range and grow with the face the sensor sees.
    points: Math.max(3, Math.round(((15000 / Math.max(4, range) ** 2) * (size[0] * size[2])) / 6)),
  };
}

function falsePositive(random: Random): Detection {
  const u = random();
  const classId = u < 0.5 ? 'car' : u < 0.85 ? 'pedestrian' : 'cyclist';
  const size = FP_SIZES[classId]!;
  const x = 5 + 55 * random();
  return {
    classId,
    score: 0.3 + 0.35 * random(),
    position: [x, (random() * 2 - 1) * 0.6 * x, size[2] / 2 - 1.7],
    size,
    yaw: normalizeAngle((random() * 2 - 1) * Math.PI),
    points: 3 + Math.floor(30 * random()),
  };
}

function poisson(random: Random, mean: number): number {
  let k = 0,
    p = random();
  const limit = Math.exp(-mean);
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/**
 * The anchor: nearest neighbour without a filter. Each track waits at its last detected world centre; detections
 * are assigned (same groups, same optimal assignment) within a fixed gate, the rest start tracks; a track ends
 * after the same number of misses and is kept with as many detections as the tracker asks. Boxes are the
 * detections as they came: no prediction, no coasting, no heading or size fix.
 */
export function nearestNeighbourTracks(
  frames: readonly FrameDetections[],
  maxMisses = 10,
  minHits = 3,
): PrelabelTrack[] {
  interface Open { group: string; x: number; y: number; misses: number; track: PrelabelTrack } // prettier-ignore
  const groupOf = (classId: string) => (classId === 'car' ? 'vehicle' : 'vulnerable');
  const gate = (group: string) => (group === 'vehicle' ? 2 : 1);
  let open: Open[] = [];
  const all: PrelabelTrack[] = [];
  for (const frame of frames) {
    const m = frame.worldFromEgo ?? identity();
    const world = frame.detections.map((d) => transformPoint(m, d.position));
    const taken = new Set<number>();
    const matched = new Set<Open>();
    for (const group of ['vehicle', 'vulnerable']) {
      const ts = open.filter((t) => t.group === group);
      const ds = frame.detections.flatMap((d, j) => (groupOf(d.classId) === group ? [j] : []));
      if (ts.length === 0 || ds.length === 0) continue;
      const w = ts.map((t) => ds.map((j) => Math.max(0, 1 - Math.hypot(world[j]![0] - t.x, world[j]![1] - t.y) / gate(group)))); // prettier-ignore
      for (const [a, b] of maximumWeightAssignment(w)) {
        if (!(w[a]![b]! > 0)) continue;
        const t = ts[a]!,
          j = ds[b]!;
        [t.x, t.y] = [world[j]![0], world[j]![1]];
        t.misses = 0;
        t.track.boxes.push(boxOf(frame.frameIndex, frame.detections[j]!));
        taken.add(j);
        matched.add(t);
      }
    }
    for (const t of open) if (!matched.has(t)) t.misses++;
    open = open.filter((t) => t.misses <= maxMisses);
    frame.detections.forEach((d, j) => {
      if (taken.has(j)) return;
      const track: PrelabelTrack = { classId: d.classId, score: 0, size: d.size, boxes: [boxOf(frame.frameIndex, d)] };
      all.push(track);
      open.push({ group: groupOf(d.classId), x: world[j]![0], y: world[j]![1], misses: 0, track });
    });
  }
  return all.filter((t) => t.boxes.length >= minHits);
}

function boxOf(frameIndex: number, d: Detection) {
  return {
    frameIndex,
    position: d.position,
    yaw: d.yaw,
    score: d.score,
    points: d.points,
    detected: true,
    size: d.size,
  };
}

/** What the README reports of one run: HOTA and its parts, CLEAR MOT, switches per reference track, flips. */
export interface TrackingFigures {
  hota: number;
  detA: number;
  assA: number;
  mota: number;
  idSwitches: number;
  referenceTracks: number;
  predictedTracks: number;
  flipRate: number;
}

/** Compares tracks with the reference, seen from above (bird's-eye IoU, CLEAR MOT at 0.5, HOTA over all α). */
export function evaluate(sequence: KittiSequence, tracks: readonly PrelabelTrack[]): TrackingFigures {
  const { reference } = sequence;
  const sceneId = reference.scene.id;
  const candTracks: Track[] = tracks.map((t, i) => ({ type: 'track', id: `t${i}`, sceneId, classId: t.classId, attributes: {}, rigid: true })); // prettier-ignore
  const cuboids: Cuboid[] = tracks.flatMap((t, i) =>
    t.boxes.map((b) => ({
      type: 'cuboid' as const,
      id: `t${i}@${b.frameIndex}`,
      sceneId,
      trackId: `t${i}`,
      frameIndex: b.frameIndex,
      position: b.position,
      size: 'size' in b ? (b.size as Cuboid['size']) : t.size,
      yaw: b.yaw,
      pitch: 0,
      roll: 0,
      attributes: {},
      keyframe: b.detected,
      source: { kind: 'manual' as const },
    })),
  );
  const r = compareLabelSets(reference, { ...reference, tracks: candTracks, cuboids }, { similarity: 'bev-iou', iouThresholds: [0.5] }); // prettier-ignore
  const referenceTracks = new Set(reference.cuboids.map((c) => c.trackId)).size;
  return {
    hota: r.tracking.hota,
    detA: r.tracking.detA,
    assA: r.tracking.assA,
    mota: r.tracking.mota,
    idSwitches: r.tracking.idSwitches,
    referenceTracks,
    predictedTracks: tracks.length,
    flipRate: r.detection.flipRate ?? 0,
  };
}

/** Figures over several sequences: HOTA and MOTA weighted by each sequence's reference boxes, switches summed. */
export function pooled(
  runs: readonly { figures: TrackingFigures; boxes: number }[],
): TrackingFigures & { idSwitchesPerTrack: number } {
  const total = runs.reduce((s, r) => s + r.boxes, 0);
  const mean = (key: 'hota' | 'detA' | 'assA' | 'mota' | 'flipRate') => runs.reduce((s, r) => s + r.figures[key] * r.boxes, 0) / total; // prettier-ignore
  const sum = (key: 'idSwitches' | 'referenceTracks' | 'predictedTracks') => runs.reduce((s, r) => s + r.figures[key], 0); // prettier-ignore
  return {
    hota: mean('hota'),
    detA: mean('detA'),
    assA: mean('assA'),
    mota: mean('mota'),
    flipRate: mean('flipRate'),
    idSwitches: sum('idSwitches'),
    referenceTracks: sum('referenceTracks'),
    predictedTracks: sum('predictedTracks'),
    idSwitchesPerTrack: sum('idSwitches') / sum('referenceTracks'),
  };
}
