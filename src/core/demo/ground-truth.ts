import { normalizeAngle } from '../math/angle';
import { invertRigid, transformPoint, yawOf } from '../math/mat4';
import { projectEgoPoint } from '../geometry/projection';
import type { Cuboid, Track } from '../model/labels';
import { poseAt } from './actor-path';
import { frameTimeOf, type DemoDrive } from './drive';
import { roadFromEgoAt } from './ego-motion';
import { LIDAR_MAX_RANGE } from './lidar-simulator';

/** Objects within this horizontal distance of the ego (metres) get a box whether a camera sees them or not. */
const NEAR_DISTANCE = 80;

/**
 * The track id of ground-truth object `index`: `gt-<class>-<index>`. The number is the object index that
 * `objectId` point attributes and `CameraRender.objectIds` carry (not a per-class counter).
 */
export function groundTruthTrackId(classId: string, index: number): string {
  return `gt-${classId}-${index}`;
}

/** The object index in a ground-truth track id (see `groundTruthTrackId`), or −1 when it is not one. */
export function groundTruthObjectIndex(trackId: string): number {
  const match = /^gt-[a-z]+-(\d+)$/.exec(trackId);
  return match ? Number(match[1]) : -1;
}

/**
 * Ground truth of one frame: a track per object of the drive and a box per object that is within 80 m of the
 * ego or whose centre a camera sees (in the image, within LiDAR range). Boxes are in the frame's EGO frame,
 * tight around the object's parts, keyframes made by hand (`manual`).
 */
export function groundTruthAt(drive: DemoDrive, frameIndex: number): { tracks: Track[]; cuboids: Cuboid[] } {
  const sceneId = drive.scene.id;
  const t = frameTimeOf(drive, frameIndex);
  const roadFromEgo = roadFromEgoAt(drive.ego, t);
  const egoFromRoad = invertRigid(roadFromEgo);
  const egoYaw = yawOf(roadFromEgo);
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  for (const o of drive.objects) {
    const { classId, boxCentre, size } = o.template;
    const trackId = groundTruthTrackId(classId, o.index);
    tracks.push({ type: 'track', id: trackId, sceneId, classId, attributes: {}, rigid: true });
    const pose = poseAt(o.path, t);
    const c = Math.cos(pose.yaw),
      s = Math.sin(pose.yaw);
    const centreRoad: [number, number, number] = [
      pose.x + c * boxCentre[0] - s * boxCentre[1],
      pose.y + s * boxCentre[0] + c * boxCentre[1],
      pose.z + boxCentre[2],
    ];
    const position = transformPoint(egoFromRoad, centreRoad);
    if (!isVisible(drive, position)) continue;
    cuboids.push({
      type: 'cuboid',
      id: `${trackId}:${frameIndex}`,
      sceneId,
      trackId,
      frameIndex,
      position,
      size: [...size],
      yaw: normalizeAngle(pose.yaw - egoYaw),
      pitch: 0,
      roll: 0,
      attributes: {},
      keyframe: true,
      source: { kind: 'manual' },
    });
  }
  return { tracks, cuboids };
}

function isVisible(drive: DemoDrive, egoPoint: [number, number, number]): boolean {
  if (Math.hypot(egoPoint[0], egoPoint[1]) <= NEAR_DISTANCE) return true;
  return drive.scene.cameras.some((camera) => {
    const p = projectEgoPoint(camera, egoPoint);
    return (
      p !== undefined &&
      p[2] <= LIDAR_MAX_RANGE &&
      p[0] >= 0 &&
      p[1] >= 0 &&
      p[0] < camera.width &&
      p[1] < camera.height
    );
  });
}
