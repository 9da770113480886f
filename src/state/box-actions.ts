import { createCuboid } from '../core/edits/create-cuboid';
import { estimateGroundZ } from '../core/geometry/ground';
import { findClass } from '../core/model/default-ontology';
import { fitCuboidAtClick, fitCuboidInRect, groundHeightAt } from '../core/fit/index';
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
  let box: BoxPose | undefined = sweep
    ? fitCuboidAtClick(
        sweep.cloud,
        sweep.egoFromLidar,
        { x, y },
        { classId: cls.id, defaultSize: cls.defaultSize, ...sweep.context },
      )
    : undefined;
  if (!box) {
    const ground = sweep ? (estimateGroundZ(sweep.cloud, sweep.egoFromLidar, x, y) ?? 0) : 0;
    box = { position: [x, y, ground + cls.defaultSize[2] / 2], size: cls.defaultSize, yaw };
  }
  return createBox(session, cls.id, box);
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
  if (fit) return createBox(session, cls.id, fit);
  const [x, y] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const ground = sweep ? groundHeightAt(sweep.context.ground, x, y) : 0;
  const size: Vec3 = [Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]), cls.defaultSize[2]];
  if (!(size[0] > 0.05 && size[1] > 0.05)) return undefined;
  return createBox(session, cls.id, { position: [x, y, ground + size[2] / 2], size, yaw: 0 });
}

/** A new track with one keyframe box on the frame shown, selected. */
function createBox(session: SessionState, classId: string, box: BoxPose): string {
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

/** Fits the selected box again to the points around its centre, keeping its class; nothing when none fit. */
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
  session.labels.editCuboid('refitCuboid', c, { position: fit.position, size: fit.size, yaw: fit.yaw });
  return true;
}
