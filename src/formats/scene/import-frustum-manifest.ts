import type { CameraSensor, Distortion, Frame, Scene, SensorSample } from '../../core/model/scene';
import type { ImportContext } from './import-context';
import { checkFrustumManifest } from './check-frustum-manifest';
import type { ManifestCamera, ManifestSample } from './frustum-manifest';
import type { SceneBase } from './scene-base';
import { validateFrustumManifest } from './validate-frustum-manifest';

/**
 * Frustum's own manifest (`frustum-manifest.json` at the root, else the first `*.frustum.json` there). A
 * manifest that breaks the schema cannot be imported: a `ManifestError` lists each violation. Semantic faults
 * (see `checkFrustumManifest`) become problems; samples naming an unknown sensor or a missing file, and labels
 * of frames that do not exist, are left out. Paths are relative to the manifest's folder.
 */
export async function importFrustumManifest(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const candidates = ctx.under(/^(frustum-manifest\.json|[^/]+\.frustum\.json)$/);
  const manifestPath = candidates.find((p) => p === `${ctx.root}frustum-manifest.json`) ?? candidates[0]!;
  ctx.plan(1);
  ctx.checkAborted();
  // Unlike other files, an unreadable manifest stops the import: there is nothing else to read.
  const text = new TextDecoder().decode(await ctx.files.read(manifestPath));
  const manifest = validateFrustumManifest(text, manifestPath);
  const folder = ctx.root;
  const problems = checkFrustumManifest(manifest, manifestPath, folder, (p) => ctx.has(p));
  problems.forEach((p) => ctx.problem(p.path, p.code, p.message, p.place, p.values));

  const cameras = (manifest.cameras ?? []).map(toCameraSensor);
  const known = new Set([...manifest.lidars.map((l) => l.id), ...cameras.map((c) => c.id)]);
  // Samples of unknown sensors or missing files are left out (checkFrustumManifest reported them).
  const samples = (list: ManifestSample[], frameTime: number): SensorSample[] =>
    list
      .filter((s) => known.has(s.sensorId) && ctx.has(folder + s.path))
      .map((s) => ({ sensorId: s.sensorId, timestampUs: s.timestampUs ?? frameTime, uri: folder + s.path }));
  const frames = manifest.frames.map((f, index): Frame => ({
    index,
    timestampUs: f.timestampUs,
    ...(f.worldFromEgo ? { worldFromEgo: f.worldFromEgo } : {}),
    lidar: samples(f.lidar, f.timestampUs),
    cameras: samples(f.cameras ?? [], f.timestampUs),
    ...(f.keyframe === false ? { keyframe: false } : {}),
    ...(f.externalId !== undefined ? { externalId: f.externalId } : {}),
  }));
  const labels = base.labels('manifest');
  for (const group of manifest.labels ?? []) {
    if (group.frame >= frames.length) continue;
    for (const c of group.cuboids) {
      labels.add(
        {
          objectKey: c.trackId,
          className: c.classId,
          frameIndex: group.frame,
          position: c.position,
          size: c.size,
          yaw: c.yaw,
          pitch: c.pitch ?? 0,
          roll: c.roll ?? 0,
          ...(c.attributes ? { attributes: c.attributes } : {}),
        },
        manifestPath,
      );
    }
  }
  for (const l of manifest.lidars) if (l.layout) base.lidarLayouts[l.id] = l.layout;
  const lidars = manifest.lidars.map(({ id, name, egoFromLidar }) => ({ id, name, egoFromLidar }));
  return base.scene({ name: manifest.name, lidars, cameras, frames });
}

function toCameraSensor(c: ManifestCamera): CameraSensor {
  const { fx, fy, cx, cy, skew = 0 } = c.intrinsics;
  return {
    id: c.id,
    name: c.name,
    cameraFromEgo: c.cameraFromEgo,
    ...(c.referenceFromCamera ? { referenceFromCamera: c.referenceFromCamera } : {}),
    intrinsics: { fx, fy, cx, cy, skew },
    width: c.width,
    height: c.height,
    distortion: toDistortion(c.distortion),
  };
}

/** radtan: k1 k2 p1 p2 [k3 = 0]; fisheye: k1 k2 k3 k4 (the schema checks the counts). */
function toDistortion(d: ManifestCamera['distortion']): Distortion {
  const k = d?.coefficients ?? [];
  switch (d?.model ?? 'none') {
    case 'radtan':
      return { model: 'radtan', k1: k[0]!, k2: k[1]!, p1: k[2]!, p2: k[3]!, k3: k[4] ?? 0 };
    case 'fisheye':
      return { model: 'fisheye', k1: k[0]!, k2: k[1]!, k3: k[2]!, k4: k[3]! };
    default:
      return { model: 'none' };
  }
}
