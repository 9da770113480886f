import { createCuboid } from '../core/edits/create-cuboid';
import { estimateGroundZ } from '../core/geometry/ground';
import { findClass } from '../core/model/default-ontology';
import {
  fitCuboidAtClick,
  fitCuboidInRect,
  groundHeightAt,
  refitHeading,
  refitInTrack,
  turnFit,
} from '../core/fit/index';
import type { TrackSizeSource } from '../core/model/labels';
import { translationOf } from '../core/math/mat4';
import { motionYawAt } from '../core/tracks/motion';
import type { Vec3 } from '../core/math/mat4';
import type { SessionState } from './session.svelte';

/**
 * Making and fitting boxes on the frame shown: each a named edit through the session's labels. The fits read
 * the sweep through its index (ground model and grid), built in a worker when the frame lands.
 */

type BoxPose = { position: Vec3; size: Vec3; yaw: number };

/** The sweep on screen, its LiDAR and index, when the frame shown has landed. */
function sweepOf(session: SessionState) {
  const cloud = session.frame?.index === session.frameIndex ? session.frame.cloud : undefined;
  const lidar = session.scene.lidars[0];
  const context = cloud && lidar ? session.sweepIndex() : undefined;
  return cloud && lidar && context ? { cloud, egoFromLidar: lidar.egoFromLidar, context } : undefined;
}

/**
 * One click places a box of the current class at ego (x, y): fitted to the points there (ground, cluster,
 * oriented box, heading) when they make an object, else of the class's default size standing on the ground
 * estimated there (ego z = 0 where no points help), heading along the ego's x.
 */
export function placeBoxAt(session: SessionState, x: number, y: number, yaw = 0): string | undefined {
  const cls = findClass(session.ontology, session.classId);
  if (!cls) return undefined;
  const sweep = sweepOf(session);
  const fit = sweep
    ? fitCuboidAtClick(
        sweep.cloud,
        sweep.egoFromLidar,
        { x, y },
        { classId: cls.id, defaultSize: cls.defaultSize, ...sweep.context },
      )
    : undefined;
  if (fit) return createBox(session, cls.id, fit, fitSource(session, fit.points));
  const ground = sweep ? (estimateGroundZ(sweep.cloud, sweep.egoFromLidar, x, y) ?? 0) : 0;
  const box = { position: [x, y, ground + cls.defaultSize[2] / 2] as Vec3, size: cls.defaultSize, yaw };
  return createBox(session, cls.id, box, { kind: 'default' });
}

/**
 * A rectangle dragged in the bird's-eye view (two ego-frame corners, metres) becomes a box of the current
 * class: fitted to the object inside it, or, where no points make one, filling the rectangle on the ground.
 */
export function fitBoxInRect(
  session: SessionState,
  a: readonly [number, number],
  b: readonly [number, number],
): string | undefined {
  const cls = findClass(session.ontology, session.classId);
  if (!cls) return undefined;
  const sweep = sweepOf(session);
  const rect = { minX: a[0], minY: a[1], maxX: b[0], maxY: b[1] };
  const fit = sweep
    ? fitCuboidInRect(sweep.cloud, sweep.egoFromLidar, rect, { classId: cls.id, ...sweep.context })
    : undefined;
  if (fit) return createBox(session, cls.id, fit, fitSource(session, fit.points));
  const [x, y] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const ground = sweep ? groundHeightAt(sweep.context.ground, x, y) : 0;
  const size: Vec3 = [Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]), cls.defaultSize[2]];
  if (!(size[0] > 0.05 && size[1] > 0.05)) return undefined;
  // The footprint is the user's own drag: a size set by hand.
  return createBox(session, cls.id, { position: [x, y, ground + size[2] / 2], size, yaw: 0 }, { kind: 'hand' });
}

/** One frame's fit, on the frame shown, as the evidence behind a track's size. */
function fitSource(session: SessionState, points: number): TrackSizeSource {
  return { kind: 'fit', frameIndex: session.frameIndex, points };
}

/** A new track with one keyframe box on the frame shown, selected; `sizeSource` says where its size came from. */
function createBox(session: SessionState, classId: string, box: BoxPose, sizeSource: TrackSizeSource): string {
  const cuboidId = crypto.randomUUID();
  const patch = createCuboid(session.labels.doc, {
    sceneId: session.scene.id,
    frameIndex: session.frameIndex,
    classId,
    position: box.position,
    size: box.size,
    yaw: box.yaw,
    trackId: crypto.randomUUID(),
    cuboidId,
    sizeSource,
  });
  session.labels.commit('createCuboid', patch);
  session.selectedId = cuboidId;
  return cuboidId;
}

/** The selected box stands on the ground estimated under its centre (its height unchanged). */
export function snapSelectedToGround(session: SessionState, gesture?: string): void {
  const c = session.selectedCuboid();
  const sweep = sweepOf(session);
  if (!c || !sweep) return;
  const ground = groundHeightAt(sweep.context.ground, c.position[0], c.position[1]);
  const position: Vec3 = [c.position[0], c.position[1], ground + c.size[2] / 2];
  session.labels.editCuboid('snapToGround', c, { position }, gesture);
}

/**
 * Fits the selected box again to the points around its centre, keeping its class; nothing when none fit. The box
 * takes the fit's place and heading; on a rigid track the fit's size becomes the track's only where it rests on
 * more points than the track's size does (`refitInTrack`), so a sparse frame never shrinks the track, and such a
 * fit's heading neither turns a track that stands still nor strays from a moving one's direction of travel
 * (`refitHeading`). Then the track's size is estimated again from all its frames, in the same undo step
 * (`TrackSizeEstimator`).
 */
export function refitSelected(session: SessionState): boolean {
  const c = session.selectedCuboid();
  const sweep = sweepOf(session);
  if (!c || !sweep) return false;
  const cls = session.classOf(c);
  // Where the track's other boxes show it moving, the direction of travel settles the heading.
  const motionYaw = motionYawAt(session.labels.tracks.boxesOf(c.trackId), session.frameIndex, session.scene.frames);
  const fit = fitCuboidAtClick(
    sweep.cloud,
    sweep.egoFromLidar,
    { x: c.position[0], y: c.position[1] },
    { classId: cls?.id, defaultSize: cls?.defaultSize, motionYaw, ...sweep.context },
  );
  if (!fit) return false;
  const track = session.labels.tracks.track(c.trackId);
  const gesture = `refit-${crypto.randomUUID()}`;
  // A track that is not rigid keeps a size per box: the fit's is this box's.
  if (!track?.rigid) return session.labels.editCuboid('refitCuboid', c, { ...pose(fit), size: fit.size }, gesture);
  // A fit resting on fewer points than the track's evidence turns neither a parked car nor a moving one away
  // from its direction of travel (`refitHeading`).
  const heading = refitHeading({
    fit,
    boxes: session.labels.tracks.boxesOf(c.trackId),
    sizeSource: track.sizeSource,
    frameIndex: session.frameIndex,
    frames: session.scene.frames,
    classId: cls?.id,
    defaultSize: cls?.defaultSize,
  });
  const [sx, sy] = translationOf(sweep.egoFromLidar);
  const turned = turnFit(fit, heading.yaw);
  const refit = refitInTrack(turned, { size: c.size, sizeSource: track.sizeSource }, session.frameIndex, [sx, sy]);
  const change = { ...pose(refit), ...(refit.sizeChanged ? { size: refit.size } : {}) };
  const done = session.labels.editCuboid('refitCuboid', c, change, gesture, refit.sizeSource);
  if (done) void session.trackSize.estimate(c.trackId, { gesture });
  return done;
}

/** The place and heading of a fitted box (ego frame, metres, radians). */
function pose(box: { position: Vec3; yaw: number }): { position: Vec3; yaw: number } {
  return { position: box.position, yaw: box.yaw };
}
