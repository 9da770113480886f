import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type FrustumDb } from '../../../src/storage/db';
import {
  findOntology,
  listStoredOntologies,
  setSceneOntology,
  storeOntology,
} from '../../../src/storage/ontology-repository';
import { generalDriving } from '../../../src/core/model/default-ontology';
import type { Ontology } from '../../../src/core/model/ontology';
import { pastDatabase } from './past-database';

let db: FrustumDb | undefined;
let n = 0;
afterEach(() => db?.close());

const cones = (version: number): Ontology => ({
  id: 'site-cones',
  name: 'Site cones',
  version,
  classes: [{ id: 'cone', color: '#ff8800', defaultSize: [0.4, 0.4, 0.7], attributes: [], guideline: '' }],
});

describe('ontology storage', () => {
  it('upgrades a v3 database, keeping its scenes, with an empty ontology store', async () => {
    const name = `ontology-migrate-${++n}`;
    const v3 = pastDatabase(name, 3);
    await v3.table('scenes').put({ id: 'kitti-1', name: 'Drive', ontologyId: 'general-driving' });
    v3.close();
    db = openDb(name);
    expect(await db.ontologies.count()).toBe(0);
    expect((await db.scenes.get('kitti-1'))?.ontologyId).toBe('general-driving');
    await setSceneOntology(db, 'kitti-1', 'kitti');
    expect((await db.scenes.get('kitti-1'))?.ontologyId).toBe('kitti');
    await expect(setSceneOntology(db, 'gone', 'kitti')).rejects.toThrow(/gone is not in this browser/);
  });

  it('keeps loaded ontologies, a newer file replacing the older, and finds shipped ones first', async () => {
    db = openDb(`ontology-store-${++n}`);
    await storeOntology(db, cones(1), 'cones.json');
    await storeOntology(db, cones(2), 'cones-v2.json');
    const stored = await listStoredOntologies(db);
    expect(stored.map((s) => [s.id, s.ontology.version, s.fileName])).toEqual([['site-cones', 2, 'cones-v2.json']]);
    expect((await findOntology(db, 'site-cones'))?.version).toBe(2);
    expect(await findOntology(db, 'general-driving')).toBe(generalDriving);
    expect(await findOntology(db, 'nothing')).toBeUndefined();
  });

  it('refuses to store a file under a shipped ontology’s id', async () => {
    db = openDb(`ontology-shipped-${++n}`);
    await expect(storeOntology(db, { ...cones(1), id: 'kitti' }, 'mine.json')).rejects.toThrow(
      /^mine\.json: the id "kitti" is a shipped ontology's/,
    );
    expect(await db.ontologies.count()).toBe(0);
  });
});
