import { transformPoint, yawOf } from '../math/mat4';
import { normalizeAngle } from '../math/angle';
import type { Cuboid, Track } from '../model/labels';
import type { Ontology, OntologyClass } from '../model/ontology';
import { isDerivedCuboid, materializeCuboids } from '../tracks/materialize-cuboids';
import type { LintInput } from './finding';
import { settingsFor, type LintProfile, type ResolvedSettings } from './profile';
import type { CheckId } from './finding';

/** A track's boxes as the checks read them. */
export interface TrackBoxes {
  track: Track;
  /** The stored boxes (keyframes, or every box a label file holds), by frame. */
  stored: Cuboid[];
  /** Every box of the track's span, stored and derived, by frame: one a frame, no frame missing. */
  boxes: Cuboid[];
}

/** A box's pose in the world where its frame has an ego pose (else in its ego frame), and when it was seen. */
export interface WorldPose {
  frame: number;
  /** Seconds. */
  t: number;
  x: number;
  y: number;
  z: number;
  yaw: number;
  /** Whether the pose is in the world (false: the frame has no ego pose, the pose is the box's own). */
  world: boolean;
}

/** What every check shares: the boxes by track and by frame, settled once per run. */
export interface LintContext {
  input: LintInput;
  profile: LintProfile;
  tracks: TrackBoxes[];
  /** Every box of every frame, by frame index. */
  byFrame: Map<number, Cuboid[]>;
  trackOf: Map<string, Track>;
  settings(check: CheckId, trackId: string): ResolvedSettings;
  classOf(trackId: string): OntologyClass | undefined;
}

export function createContext(input: LintInput, profile: LintProfile): LintContext {
  const stored = input.cuboids.filter((c) => !isDerivedCuboid(c));
  const all = materializeCuboids([...input.tracks, ...stored], input.scene.frames);
  const trackOf = new Map(input.tracks.map((t) => [t.id, t]));
  const byTrack = new Map<string, TrackBoxes>();
  const entry = (trackId: string) => {
    let e = byTrack.get(trackId);
    // A box whose track is missing is still checked, as a track of no class.
    const track = trackOf.get(trackId) ?? orphanTrack(trackId);
    if (!e) byTrack.set(trackId, (e = { track, stored: [], boxes: [] }));
    return e;
  };
  const byFrame = new Map<number, Cuboid[]>();
  for (const c of all) {
    entry(c.trackId).boxes.push(c);
    let list = byFrame.get(c.frameIndex);
    if (!list) byFrame.set(c.frameIndex, (list = []));
    list.push(c);
  }
  for (const c of stored) entry(c.trackId).stored.push(c);
  for (const e of byTrack.values()) e.stored.sort((a, b) => a.frameIndex - b.frameIndex);
  const classCache = new Map<string, OntologyClass | undefined>();
  return {
    input,
    profile,
    tracks: [...byTrack.values()],
    byFrame,
    trackOf,
    settings: (check, trackId) => settingsFor(profile, check, trackOf.get(trackId)?.classId),
    classOf(trackId) {
      if (!classCache.has(trackId)) classCache.set(trackId, findClassLoosely(input.ontology, trackOf.get(trackId)?.classId)); // prettier-ignore
      return classCache.get(trackId);
    },
  };
}

function orphanTrack(id: string): Track {
  return { type: 'track', id, sceneId: '', classId: '', attributes: {}, rigid: false };
}

/**
 * The ontology's class for a class id: the same id, else the same id in another case, since datasets spell
 * their classes their own way (KITTI tracking's `Car` against the ontology's `car`).
 */
export function findClassLoosely(
  ontology: Ontology | undefined,
  classId: string | undefined,
): OntologyClass | undefined {
  if (!ontology || classId === undefined) return undefined;
  const lower = classId.toLowerCase();
  return ontology.classes.find((c) => c.id === classId) ?? ontology.classes.find((c) => c.id.toLowerCase() === lower);
}

/**
 * The poses of a track's boxes in the world (through each frame's `worldFromEgo`), with their times in seconds
 * from the frames' timestamps: what speed, acceleration and turn rates are measured on, so that the ego's own
 * motion does not count as the object's.
 */
export function worldPoses(boxes: readonly Cuboid[], input: LintInput): WorldPose[] {
  return boxes.map((c) => {
    const frame = input.scene.frames[c.frameIndex];
    const m = frame?.worldFromEgo;
    const [x, y, z] = m ? transformPoint(m, c.position) : c.position;
    const yaw = m ? normalizeAngle(c.yaw + yawOf(m)) : c.yaw;
    return { frame: c.frameIndex, t: (frame?.timestampUs ?? NaN) / 1e6, x, y, z, yaw, world: m !== undefined };
  });
}
