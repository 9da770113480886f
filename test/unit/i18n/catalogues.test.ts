import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { zhCN } from '../../../src/i18n/zh-CN';
import { createI18n, detectLocale } from '../../../src/i18n/i18n';
import { foreignWords } from './latin-words';

function keysOf(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

describe('catalogues', () => {
  it('English and 简体中文 have the same keys', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
  });

  it('every translation keeps the placeholders of the English text and is not left empty', () => {
    const lookup = (obj: object, key: string) =>
      key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const key of keysOf(en)) {
      const zh = lookup(zhCN, key);
      expect(zh.trim().length, key).toBeGreaterThan(0);
      expect(placeholders(zh), key).toEqual(placeholders(lookup(en, key)));
    }
  });

  it('简体中文 has no English left: only the reviewed Latin-script words (units, format names, key legends)', () => {
    const zh = zhCN as unknown as Record<string, Record<string, string>>;
    // The CLI's texts name its commands and options, which are typed as they are; its help is tested there.
    const ui = Object.keys(zh).filter((section) => section !== 'cli');
    const left = ui.flatMap((section) =>
      Object.entries(zh[section]!).flatMap(([key, text]) =>
        foreignWords(text).map((word) => `${section}.${key}: ${word}`),
      ),
    );
    expect(left).toEqual([]);
  });

  it('translates with interpolation in both languages', () => {
    expect(createI18n('en').t('timeline.frame', { index: 3, count: 50 })).toBe('Frame 3 / 50');
    expect(createI18n('zh-CN').t('timeline.frame', { index: 3, count: 50 })).toBe('第 3 / 50 帧');
  });

  it('detects Chinese browsers', () => {
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(detectLocale(['fr'])).toBe('en');
  });
});
