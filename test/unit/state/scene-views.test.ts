import { describe, expect, it } from 'vitest';
import { SceneViews } from '../../../src/state/scene-views';
import type { CameraPose } from '../../../src/render/view-cameras';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

const camera: CameraPose = {
  orbit: { position: [-18, -6, 14], target: [8, 0, 0] },
  birdsEye: { target: [12, -3, 0], zoom: 2.5 },
};

describe('SceneViews', () => {
  it('remembers frame, view, selection and camera per scene, across instances (a reload)', () => {
    const storage = memoryStorage();
    const views = new SceneViews(storage);
    views.save('a', { frame: 7, viewMode: 'birdsEye', trackId: 't1' });
    views.save('a', { camera });
    views.save('b', { frame: 2 });
    const again = new SceneViews(storage);
    expect(again.get('a')).toEqual({ frame: 7, viewMode: 'birdsEye', trackId: 't1', camera });
    expect(again.get('b')).toEqual({ frame: 2, viewMode: 'orbit' });
    expect(again.get('c')).toBeUndefined();
  });

  it('forgets the selection when it is cleared', () => {
    const views = new SceneViews(memoryStorage());
    views.save('a', { frame: 1, viewMode: 'orbit', trackId: 't1' });
    views.save('a', { trackId: undefined });
    expect(views.get('a')).toEqual({ frame: 1, viewMode: 'orbit' });
  });

  it('reads a damaged or hand-edited entry as far as it is valid, and survives one that is not JSON', () => {
    const storage = memoryStorage();
    storage.setItem(
      'frustum.sceneViews',
      JSON.stringify({
        a: { frame: 3, viewMode: 'sideways', stamp: 1 },
        b: { frame: 4, viewMode: 'orbit', trackId: 9, camera: { orbit: { position: [1, 2] } }, stamp: 2 },
      }),
    );
    const views = new SceneViews(storage);
    expect(views.get('a')).toBeUndefined();
    expect(views.get('b')).toEqual({ frame: 4, viewMode: 'orbit' });
    storage.setItem('frustum.sceneViews', '{not json');
    expect(views.get('b')).toBeUndefined();
    views.save('b', { frame: 5 });
    expect(views.get('b')).toEqual({ frame: 5, viewMode: 'orbit' });
  });

  it('keeps the 50 scenes used last', () => {
    const storage = memoryStorage();
    const views = new SceneViews(storage);
    for (let i = 0; i < 60; i++) views.save(`s${i}`, { frame: i });
    views.save('s3', { frame: 30 });
    expect(Object.keys(JSON.parse(storage.map.get('frustum.sceneViews')!))).toHaveLength(50);
    expect(views.get('s3')?.frame).toBe(30);
    expect(views.get('s10')).toBeUndefined();
    expect(views.get('s11')?.frame).toBe(11);
    expect(views.get('s59')?.frame).toBe(59);
  });
});
