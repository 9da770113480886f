import { strToU8, zipSync, type Zippable } from 'fflate';
import { FRUSTUM_VERSION } from '../../core/version';
import { toOntologyFile } from '../ontology/ontology-file';
import { writeFrustumManifest } from '../scene/write-frustum-manifest';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type FrustumBundle } from './frustum-bundle';
import { BUNDLE_PATHS, DATA_FOLDER, versionPath, type BundleIndex } from './bundle-paths';

const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);
const jsonLines = (lines: readonly unknown[]): Uint8Array =>
  strToU8(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

/**
 * The bundle as one zip: JSON parts deflated, embedded scene files stored as they are (point clouds and images
 * gain little from a second compression and would cost the most time). Every entry is dated with the lineage's
 * time, so that the same bundle written twice gives the same bytes.
 */
export function writeBundle(bundle: FrustumBundle): Uint8Array {
  const index: BundleIndex = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    frustumVersion: FRUSTUM_VERSION,
    sceneId: bundle.scene.id,
    versions: bundle.versions.map((v) => v.id),
    data: bundle.data.map((f) => f.path),
  };
  const files: Zippable = {
    [BUNDLE_PATHS.index]: json(index),
    [BUNDLE_PATHS.manifest]: json(writeFrustumManifest(bundle.scene, bundle.data.length ? DATA_FOLDER : '')),
    [BUNDLE_PATHS.scene]: json(bundle.scene),
    [BUNDLE_PATHS.current]: json(bundle.records),
    [BUNDLE_PATHS.journal]: jsonLines(bundle.journal),
    [BUNDLE_PATHS.workLog]: jsonLines(bundle.workLog),
    [BUNDLE_PATHS.reviews]: json(bundle.reviews),
    [BUNDLE_PATHS.exports]: json(bundle.exports),
    [BUNDLE_PATHS.lineage]: json(bundle.lineage),
  };
  if (bundle.ontology) files[BUNDLE_PATHS.ontology] = json(toOntologyFile(bundle.ontology));
  for (const version of bundle.versions) files[versionPath(version.id)] = json(version);
  for (const file of bundle.data) files[DATA_FOLDER + file.path] = [file.bytes, { level: 0 }];
  // Zip times are local, in 2-second steps, and start in 1980: a lineage time before that is simply clamped.
  const mtime = Math.max(Date.parse(bundle.lineage.time) || 0, Date.UTC(1980, 0, 2));
  return zipSync(files, { level: 6, mtime });
}
