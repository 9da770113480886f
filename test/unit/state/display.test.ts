import { describe, expect, it } from 'vitest';
import { DisplayState } from '../../../src/state/display.svelte';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('DisplayState', () => {
  it('starts dark, by height, one-pixel points, rings on, highlight on, nothing isolated', () => {
    const d = new DisplayState(memoryStorage());
    expect([d.colorMode, d.pointSize, d.rangeRings, d.background, d.highlightInside, d.isolate]).toEqual([
      'height',
      1,
      true,
      'dark',
      true,
      false,
    ]);
  });

  it('remembers what is changed, but not isolation', () => {
    const storage = memoryStorage();
    const d = new DisplayState(storage);
    d.update({ colorMode: 'label', pointSize: 3, rangeRings: false, background: 'light', highlightInside: false });
    d.toggleIsolate();
    expect(d.isolate).toBe(true);
    const again = new DisplayState(storage);
    expect([again.colorMode, again.pointSize, again.rangeRings, again.background, again.highlightInside]).toEqual([
      'label',
      3,
      false,
      'light',
      false,
    ]);
    expect(again.isolate).toBe(false);
  });

  it('keeps point sizes whole and in range, and ignores damaged or unknown values', () => {
    const storage = memoryStorage();
    const d = new DisplayState(storage);
    d.update({ pointSize: 9.7 });
    expect(d.pointSize).toBe(5);
    d.update({ pointSize: 0 });
    expect(d.pointSize).toBe(1);
    storage.setItem('frustum.display', JSON.stringify({ colorMode: 'rainbow', pointSize: 'big', background: 'grey' }));
    const odd = new DisplayState(storage);
    expect([odd.colorMode, odd.pointSize, odd.background]).toEqual(['height', 1, 'dark']);
    storage.setItem('frustum.display', '{not json');
    expect(new DisplayState(storage).colorMode).toBe('height');
  });
});
