import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readFolder, storeFolder } from '../../../src/app/folder-import';
import { createMemoryFiles } from '../../../src/formats/scene/scene-files';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import { FrameCache } from '../../../src/storage/frame-cache';
import { LabelRepository } from '../../../src/storage/label-repository';
import type { Cuboid } from '../../../src/core/model/labels';

let db: FrustumDb | undefined;
let n = 0;
afterEach(() => db?.close());

const manifest = readFileSync('test/fixtures/frustum-manifest/frustum-manifest.json');
const FRAME_FILES = ['lidar/000000.bin', 'camera/front/000000.png', 'lidar/000001.bin', 'camera/front/000001.png'];

/** The fixture's folder, named `name`, with its first two frames' files (and the third's too with `third`). */
function folder(name: string, third = false) {
  const paths = [...FRAME_FILES, ...(third ? ['lidar/000002.bin'] : [])];
  return createMemoryFiles(name, {
    'frustum-manifest.json': manifest,
    ...Object.fromEntries(paths.map((p) => [p, new Uint8Array(16)])),
  });
}

const keep = { kind: 'url' as const, manifestUrl: 'https://example.org/drive/frustum-manifest.json' };
const none = () => undefined;

describe('importing a folder into the library', () => {
  it('stores a new scene dated now, with the labels found beside the data', async () => {
    db = openDb(`folder-import-${++n}`);
    const services = { db, cache: new FrameCache(db, 1e9) };
    const { imported, same } = await readFolder(db, folder('drive'), none, new AbortController().signal, {
      labelsAs: 'labels',
    });
    expect(same).toEqual([]);
    const before = Date.now();
    const { sceneId } = await storeFolder(services, imported, folder('drive'), keep, none, new AbortController().signal); // prettier-ignore
    expect(sceneId).toBe(imported.scene.id);
    expect((await db.origins.get(sceneId))?.importedAt).toBeGreaterThanOrEqual(before);
    expect((await new LabelRepository(db, sceneId).load()).doc.size).toBe(imported.tracks.length + imported.cuboids.length); // prettier-ignore
  });

  it('finds the scene of the same folder again, and replaces its sensor data keeping its labels', async () => {
    db = openDb(`folder-import-${++n}`);
    const services = { db, cache: new FrameCache(db, 1e9) };
    const signal = new AbortController().signal;
    const first = await readFolder(db, folder('drive'), none, signal, { labelsAs: 'labels' });
    const { sceneId } = await storeFolder(services, first.imported, folder('drive'), keep, none, signal);
    // The user's work since: one box moved.
    const repository = new LabelRepository(db, sceneId);
    const box = [...(await repository.load()).doc.values()].find((r): r is Cuboid => r.type === 'cuboid')!;
    const moved = { ...box, position: [box.position[0] + 1, box.position[1], box.position[2]] as Cuboid['position'] };
    await repository.append('moveCuboid', { added: [], updated: [[box, moved]], removed: [] }, 'ann');

    // The same files: the same scene, and nothing else offered as "the same".
    const again = await readFolder(db, folder('drive'), none, signal, { labelsAs: 'labels' });
    expect(again.same.map((s) => s.id)).toEqual([sceneId]);
    expect(again.same[0]).toMatchObject({ kind: 'url', source: keep.manifestUrl, frames: 3 });
    // A folder of that name with other files (a sweep added): another listing, still the same folder.
    const grown = await readFolder(db, folder('drive', true), none, signal, { labelsAs: 'labels' });
    expect(grown.imported.scene.id).not.toBe(sceneId);
    expect(grown.same.map((s) => s.id)).toEqual([sceneId]);
    // Another folder's name is not the same folder.
    expect((await readFolder(db, folder('other'), none, signal, { labelsAs: 'labels' })).same).toEqual([]);

    const replaced = await storeFolder(services, grown.imported, folder('drive', true), keep, none, signal, sceneId);
    expect(replaced.sceneId).toBe(sceneId);
    expect(await db.scenes.count()).toBe(1);
    expect((await db.scenes.get(sceneId))?.provenance).toEqual(grown.imported.scene.provenance);
    const labels = (await new LabelRepository(db, sceneId).load()).doc;
    expect(labels.get(box.id)).toEqual(moved);
    expect(labels.size).toBe(first.imported.tracks.length + first.imported.cuboids.length);
  });
});
