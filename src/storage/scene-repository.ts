import type { Scene } from '../core/model/scene';
import type { FrustumDb } from './db';

export async function loadScene(db: FrustumDb, id: string): Promise<Scene | undefined> {
  return db.scenes.get(id);
}

export async function saveScene(db: FrustumDb, scene: Scene): Promise<void> {
  await db.scenes.put(scene);
}
