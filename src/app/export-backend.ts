import { strToU8, zipSync } from 'fflate';
import type { ExportRecord } from '../core/model/export-record';
import type { LabelRecord } from '../core/model/labels';
import { materializeCuboids } from '../core/tracks/materialize-cuboids';
import { buildLineage } from '../formats/labels/build-lineage';
import { EXPORT_FORMATS } from '../formats/labels/label-formats';
import type { LabelFile } from '../formats/labels/label-export';
import { CodedError } from '../formats/problems/coded-error';
import { formatProblemGroups, groupProblems } from '../formats/problems/group-problems';
import { writeBundle } from '../formats/bundle/write-bundle';
import type { BundleFile } from '../formats/bundle/frustum-bundle';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { FrustumDb, SceneOrigin } from '../storage/db';
import { listExports, recordExport } from '../storage/export-repository';
import { readProject } from '../storage/project-repository';
import { sha256Hex } from '../storage/sha256';
import { listVersions, saveVersion, versionForExport } from '../storage/version-repository';
import type { ExportBackend, ExportRequest, ExportResult } from '../state/export.svelte';
import { hashSceneInputs } from './scene-inputs';
import { LOCAL_AUTHOR } from '../core/model/local-author';

const MIME = { '.json': 'application/json', '.csv': 'text/csv', '.zip': 'application/zip' } as Record<string, string>;

/** A file name from the scene's name: letters, digits, dots, dashes and underscores (any script) only. */
function baseName(name: string): string {
  return (
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'scene'
  );
}

/** One file is offered as it is; a writer's several files (KITTI folders, CSV with its lineage) as one zip. */
function packFiles(files: LabelFile[], single: string, zipName: string): { fileName: string; bytes: Uint8Array } {
  if (files.length === 1) return { fileName: single, bytes: files[0]!.bytes ?? strToU8(files[0]!.text) };
  return { fileName: zipName, bytes: zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes ?? strToU8(f.text)]))) }; // prettier-ignore
}

/** Exports and label versions on top of storage, the writers and WebCrypto. */
export function createExportBackend(
  db: FrustumDb,
  filesOf: (origin: SceneOrigin, scene: ExportRequest['scene']) => Promise<SceneFiles | undefined>,
  /** Who saves versions and exports: the person's local name at the time. */
  author: () => string = () => LOCAL_AUTHOR,
): ExportBackend {
  return {
    listVersions: (sceneId) => listVersions(db, sceneId),
    listExports: (sceneId) => listExports(db, sceneId),
    saveVersion: (sceneId, records, message) => saveVersion(db, { sceneId, records, author: author(), message }),
    versionFor: async (sceneId, records, message) =>
      (await versionForExport(db, { sceneId, records, author: author(), message })).version,

    async exportScene(request: ExportRequest): Promise<ExportResult> {
      const { scene, ontology, records, format } = request;
      const origin = await db.origins.get(scene.id);
      if (!origin)
        throw new CodedError('scene.missing', `scene ${scene.id} is not in this browser`, { scene: scene.id });
      const { version } = await versionForExport(db, { sceneId: scene.id, records, author: author(), message: request.versionMessage }); // prettier-ignore
      const files = await filesOf(origin, scene);
      const inputs = await hashSceneInputs(scene, origin, files, request.onProgress);
      const set = splitRecords(records, scene);
      const lineage = {
        ...(await buildLineage({
          set,
          inputs: [],
          read: async () => new Uint8Array(),
          sha256: sha256Hex,
          author: author(),
          time: new Date().toISOString(),
          labelVersionId: version.id,
          ...(version.parentId ? { parentVersionId: version.parentId } : {}),
          ontologyVersion: ontology.version,
        })),
        inputs,
      };
      const base = baseName(scene.name);
      const target = EXPORT_FORMATS[format];
      const single = format === 'bundle' ? `${base}.frustum.zip` : `${base}-${format}${target.extension ?? ''}`;
      let problems: string[] = [];
      const record = (fileName: string): ExportRecord => ({ id: crypto.randomUUID(), sceneId: scene.id, format, fileName, time: Date.parse(lineage.time), lineage, problems }); // prettier-ignore
      if (format === 'bundle') {
        const project = await readProject(db, scene.id);
        const data: BundleFile[] = [];
        if (request.embedData && files)
          for (const path of files.list()) data.push({ path, bytes: await files.read(path) });
        // The bundle lists its own export too, so that its lineage shows wherever it is brought back.
        const own = record(single);
        const bytes = writeBundle({ ...project, scene, ontology, exports: [...project.exports, own], lineage, data }); // prettier-ignore
        await recordExport(db, own);
        return { fileName: single, bytes, mime: MIME['.zip']!, record: own };
      }
      const written = target.write(set, lineage, single);
      // Stored as display lines, one per problem code (the record's shape is stored data: no migration needed).
      problems = formatProblemGroups(groupProblems(written.problems));
      const download = packFiles(written.files, single, `${base}-${format}.zip`);
      const own = record(download.fileName);
      await recordExport(db, own);
      const mime = MIME[download.fileName.slice(download.fileName.lastIndexOf('.'))] ?? 'application/octet-stream';
      return { ...download, mime, record: own };
    },
  };
}

/** The label set writers take: every box of every frame, derived ones materialised. */
function splitRecords(records: LabelRecord[], scene: ExportRequest['scene']) {
  return {
    scene,
    tracks: records.filter((r) => r.type === 'track'),
    cuboids: materializeCuboids(records, scene.frames),
    segments: records.filter((r) => r.type === 'segment'),
  };
}
