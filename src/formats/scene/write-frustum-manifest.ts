import type { CameraSensor, Scene, SensorSample } from '../../core/model/scene';
import type { FrustumManifest, ManifestCamera, ManifestSample } from './frustum-manifest';

/**
 * The scene as a Frustum scene manifest (sensors, calibration, frames, poses, files): what a bundle carries so
 * that any tool can read the scene without Frustum's own records. Sample paths are the scene's file paths with
 * `prefix` before them (a bundle that embeds the files puts them under `data/`). Labels are left out: a bundle
 * keeps them exactly in its own files, and a second, lossier copy here could only disagree.
 */
export function writeFrustumManifest(scene: Scene, prefix = ''): FrustumManifest {
  const sample = (s: SensorSample, frameTime: number): ManifestSample => ({
    sensorId: s.sensorId,
    path: prefix + s.uri,
    ...(s.timestampUs !== frameTime ? { timestampUs: s.timestampUs } : {}),
  });
  return {
    format: 'frustum-scene',
    version: 1,
    name: scene.name || scene.id,
    lidars: scene.lidars.map((l) => ({ id: l.id, name: l.name, egoFromLidar: [...l.egoFromLidar] })),
    ...(scene.cameras.length ? { cameras: scene.cameras.map(manifestCamera) } : {}),
    frames: scene.frames.map((f) => ({
      timestampUs: f.timestampUs,
      ...(f.worldFromEgo ? { worldFromEgo: [...f.worldFromEgo] } : {}),
      lidar: f.lidar.map((s) => sample(s, f.timestampUs)),
      ...(f.cameras.length ? { cameras: f.cameras.map((s) => sample(s, f.timestampUs)) } : {}),
      ...(f.keyframe === false ? { keyframe: false } : {}),
      ...(f.externalId !== undefined ? { externalId: f.externalId } : {}),
    })),
  };
}

function manifestCamera(c: CameraSensor): ManifestCamera {
  const d = c.distortion;
  return {
    id: c.id,
    name: c.name,
    cameraFromEgo: [...c.cameraFromEgo],
    ...(c.referenceFromCamera ? { referenceFromCamera: [...c.referenceFromCamera] } : {}),
    intrinsics: { ...c.intrinsics },
    width: c.width,
    height: c.height,
    distortion:
      d.model === 'radtan'
        ? { model: 'radtan', coefficients: [d.k1, d.k2, d.p1, d.p2, d.k3] }
        : d.model === 'fisheye'
          ? { model: 'fisheye', coefficients: [d.k1, d.k2, d.k3, d.k4] }
          : { model: 'none' },
  };
}
