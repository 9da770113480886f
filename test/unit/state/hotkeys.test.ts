import { describe, expect, it } from 'vitest';
import { HOTKEY_ACTIONS, bindingOf } from '../../../src/state/hotkey-actions';
import { HotkeysState } from '../../../src/state/hotkeys.svelte';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('bindingOf', () => {
  it('names keys the way bindings are written', () => {
    expect(bindingOf(key('N'))).toBe('n');
    expect(bindingOf(key('W', { shiftKey: true }))).toBe('w');
    expect(bindingOf(key('?', { shiftKey: true }))).toBe('?');
    expect(bindingOf(key('z', { ctrlKey: true }))).toBe('ctrl+z');
    expect(bindingOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('ctrl+shift+z');
    expect(bindingOf(key('z', { metaKey: true }))).toBe('ctrl+z');
    expect(bindingOf(key('ArrowRight'))).toBe('arrowright');
  });
});

describe('HotkeysState', () => {
  it('has one action per default binding', () => {
    const all = HOTKEY_ACTIONS.flatMap((a) => a.keys);
    expect(new Set(all).size).toBe(all.length);
  });

  it('rebinds an action, takes the key from any other action, and remembers it', () => {
    const storage = memoryStorage();
    const hotkeys = new HotkeysState(storage);
    expect(hotkeys.actionFor('n')?.id).toBe('placeBox');
    hotkeys.rebind('placeBox', 'w');
    expect(hotkeys.actionFor('w')?.id).toBe('placeBox');
    expect(hotkeys.bindingsOf('moveForward')).toEqual([]);
    expect(hotkeys.actionFor('n')).toBeUndefined();
    const again = new HotkeysState(storage);
    expect(again.actionFor('w')?.id).toBe('placeBox');
    again.reset();
    expect(again.actionFor('w')?.id).toBe('moveForward');
  });

  it('falls back to the defaults when the saved setting is damaged', () => {
    const storage = memoryStorage();
    storage.setItem('frustum.hotkeys', '{not json');
    expect(new HotkeysState(storage).actionFor('n')?.id).toBe('placeBox');
  });
});
