import { describe, expect, it } from 'vitest';
import { LayoutState } from '../../../src/state/layout.svelte';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('LayoutState', () => {
  it('starts with the side views unpinned and remembers a pin', () => {
    const storage = memoryStorage();
    const layout = new LayoutState(storage);
    expect(layout.sideViewsPinned).toBe(false);
    layout.setSideViewsPinned(true);
    expect(new LayoutState(storage).sideViewsPinned).toBe(true);
    layout.setSideViewsPinned(false);
    expect(new LayoutState(storage).sideViewsPinned).toBe(false);
  });

  it('falls back to unpinned on a damaged setting', () => {
    const storage = memoryStorage();
    storage.setItem('frustum.layout', '{"sideViewsPinned": "yes"');
    expect(new LayoutState(storage).sideViewsPinned).toBe(false);
    storage.setItem('frustum.layout', 'null');
    expect(new LayoutState(storage).sideViewsPinned).toBe(false);
  });
});
