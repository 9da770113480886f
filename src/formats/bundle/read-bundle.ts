import { strFromU8, unzipSync } from 'fflate';
import { uprightCuboids } from '../../core/edits/upright-cuboids';
import { JsonFileError } from '../json/json-file-error';
import { readOntology } from '../ontology/read-ontology';
import { FormatError } from '../pointcloud/format-error';
import { validateFrustumManifest } from '../scene/validate-frustum-manifest';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleFile, type FrustumBundle } from './frustum-bundle';
import { BUNDLE_PATHS, DATA_FOLDER, versionPath, type BundleIndex } from './bundle-paths';
import {
  checkExports,
  checkJournalLine,
  checkLineage,
  checkReviews,
  checkRecords,
  checkScene,
  checkVersion,
  type Checked,
} from './check-bundle-parts';

/**
 * Reads a bundle written by `writeBundle` (this version or an older one). Throws a `FormatError` naming the
 * bundle and the part at fault: not a zip, a part missing, JSON that does not parse, a part of the wrong shape
 * (a `JsonFileError` with one line per fault, `<bundle>/<part>: <JSON path> <problem>`), a manifest that breaks
 * the scene manifest schema, or a scene file whose path leaves the scene's folder.
 */
export function readBundle(bytes: Uint8Array, fileName: string): FrustumBundle {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new FormatError(fileName, `not a zip file (${error instanceof Error ? error.message : String(error)})`, { code: 'zip.malformed' }); // prettier-ignore
  }
  const name = (part: string) => `${fileName}/${part}`;
  const text = (part: string): string => {
    const entry = entries[part];
    if (!entry) throw new FormatError(fileName, `${part} is missing: not a Frustum bundle, or an incomplete one`, { code: 'bundle.part.missing', values: { part } }); // prettier-ignore
    return strFromU8(entry);
  };
  const parse = (part: string, source = text(part)): unknown => {
    try {
      return JSON.parse(source) as unknown;
    } catch (error) {
      throw new FormatError(name(part), `not valid JSON (${(error as Error).message})`, { code: 'json.syntax' });
    }
  };
  const checked = <K extends keyof Checked>(
    part: string,
    value: unknown,
    check: (v: unknown, at: string) => string[],
  ) => {
    // prettier-ignore
    const faults = check(value, '');
    if (faults.length) throw new JsonFileError(name(part), faults);
    return value as Checked[K];
  };

  const index = parse(BUNDLE_PATHS.index) as Partial<BundleIndex>;
  if (index?.format !== BUNDLE_FORMAT) throw new FormatError(name(BUNDLE_PATHS.index), `format must be "${BUNDLE_FORMAT}"`, { code: 'bundle.format.unknown' }); // prettier-ignore
  if (typeof index.version !== 'number' || index.version > BUNDLE_VERSION) {
    throw new FormatError(name(BUNDLE_PATHS.index), `version ${index.version} is newer than this Frustum reads (${BUNDLE_VERSION})`, { code: 'bundle.version.newer', values: { version: String(index.version), supported: BUNDLE_VERSION } }); // prettier-ignore
  }
  validateFrustumManifest(text(BUNDLE_PATHS.manifest), name(BUNDLE_PATHS.manifest));
  const scene = checked<'scene'>(BUNDLE_PATHS.scene, parse(BUNDLE_PATHS.scene), checkScene);
  const records = checked<'records'>(BUNDLE_PATHS.current, parse(BUNDLE_PATHS.current), checkRecords);
  const versions = (index.versions ?? []).map((id) => {
    const version = checked<'version'>(versionPath(id), parse(versionPath(id)), checkVersion);
    if (version.id !== id) throw new FormatError(name(versionPath(id)), `holds version ${version.id}, not ${id}`, { code: 'bundle.version.mismatch', values: { holds: version.id, expected: id } }); // prettier-ignore
    return version;
  });
  const lines = (part: string, source: string) =>
    source
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => checked<'line'>(`${part}:${i + 1}`, parse(`${part}:${i + 1}`, line), checkJournalLine));
  const journal = lines(BUNDLE_PATHS.journal, text(BUNDLE_PATHS.journal));
  // Before version 4 there was no work log: the journal was all the work a bundle knew of.
  const workLog = entries[BUNDLE_PATHS.workLog] ? lines(BUNDLE_PATHS.workLog, text(BUNDLE_PATHS.workLog)) : [];
  const reviewList = parse(BUNDLE_PATHS.reviews);
  if (!Array.isArray(reviewList)) throw new FormatError(name(BUNDLE_PATHS.reviews), 'must be a list', { code: 'bundle.reviews.malformed' }); // prettier-ignore
  // Before version 3 the list was always empty; from 3 it holds the automatic checks' findings.
  const reviews = checked<'reviews'>(BUNDLE_PATHS.reviews, reviewList, checkReviews);
  const exports = checked<'exports'>(BUNDLE_PATHS.exports, parse(BUNDLE_PATHS.exports), checkExports);
  const lineage = checked<'lineage'>(BUNDLE_PATHS.lineage, parse(BUNDLE_PATHS.lineage), checkLineage);
  const ontology = entries[BUNDLE_PATHS.ontology]
    ? readOntology(text(BUNDLE_PATHS.ontology), name(BUNDLE_PATHS.ontology))
    : undefined;
  const data = (index.data ?? []).map((path): BundleFile => {
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new FormatError(name(DATA_FOLDER + path), 'a scene file must stay inside the scene folder', { code: 'bundle.path.outside' }); // prettier-ignore
    }
    const entry = entries[DATA_FOLDER + path];
    if (!entry) throw new FormatError(fileName, `${DATA_FOLDER}${path} is missing`, { code: 'bundle.data.missing', values: { path: DATA_FOLDER + path } }); // prettier-ignore
    return { path, bytes: entry };
  });
  // Boxes lying on their side (written before every reader stood them upright, or by hand) are stood up
  // here, as one journal line, so the history says so and the user can undo it. Versions stay as they were
  // written: they are immutable snapshots with digests.
  const upright = uprightCuboids(records);
  if (upright.updated.length > 0) {
    const time = journal.at(-1)?.time ?? Date.parse(lineage.time);
    journal.push({ time, author: lineage.author, name: 'uprightBoxes', patch: upright });
    const after = new Map(upright.updated.map(([, a]) => [a.id, a]));
    records.forEach((r, i) => (records[i] = after.get(r.id) ?? r));
  }
  return { scene, ...(ontology ? { ontology } : {}), records, versions, journal, workLog, reviews, exports, lineage, data }; // prettier-ignore
}
