import { describe, expect, it } from 'vitest';
import { keyLabel, shortcutTitle } from '../../../src/ui/key-label';
import { createI18n, translate, type Locale, type MessageKey, type MessageValues } from '../../../src/i18n/i18n';
import { HOTKEY_ACTIONS } from '../../../src/state/hotkey-actions';

const translator = (locale: Locale) => {
  const i18n = createI18n(locale);
  return (key: MessageKey, values?: MessageValues) => translate(i18n, key, values);
};
const en = translator('en');
const zh = translator('zh-CN');

describe('keyLabel', () => {
  it('writes letters as key caps and modifiers as printed on the keys', () => {
    expect(keyLabel('n', en)).toBe('N');
    expect(keyLabel('ctrl+shift+z', en)).toBe('Ctrl + Shift + Z');
    expect(keyLabel('alt+p', zh)).toBe('Alt + P');
    expect(keyLabel('f1', en)).toBe('F1');
    expect(keyLabel('?', en)).toBe('?');
    expect(keyLabel('ctrl++', en)).toBe('Ctrl + +');
  });

  it('shows arrows as arrows and Escape as Esc in both languages', () => {
    for (const t of [en, zh]) {
      expect(keyLabel('arrowright', t)).toBe('→');
      expect(keyLabel('arrowleft', t)).toBe('←');
      expect(keyLabel('escape', t)).toBe('Esc');
    }
  });

  it('names the keys whose name is a word in the user language', () => {
    expect([' ', 'delete', 'backspace', 'shift+delete'].map((k) => keyLabel(k, en))).toEqual([
      ...['Space', 'Delete', 'Backspace', 'Shift + Delete'],
    ]);
    expect([' ', 'delete', 'backspace', 'shift+delete'].map((k) => keyLabel(k, zh))).toEqual([
      ...['空格', '删除', '退格', 'Shift + 删除'],
    ]);
  });

  it('leaves no default binding spelled in lower case', () => {
    for (const action of HOTKEY_ACTIONS) {
      for (const binding of action.keys) expect(keyLabel(binding, en), binding).not.toMatch(/\b[a-z]/);
    }
  });
});

describe('shortcutTitle', () => {
  it('lists every binding of an action, and nothing for an action without keys', () => {
    expect(shortcutTitle(['ctrl+shift+z', 'ctrl+y'], en)).toBe('Shortcut: Ctrl + Shift + Z / Ctrl + Y');
    expect(shortcutTitle(['delete', 'backspace'], zh)).toBe('快捷键：删除 / 退格');
    expect(shortcutTitle([], en)).toBeUndefined();
  });
});
