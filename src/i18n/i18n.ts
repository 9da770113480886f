import { createInstance, type i18n as I18n } from 'i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Native names, shown in the language switch whatever the current language is. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** One i18next instance with both catalogues loaded synchronously (they are small and bundled). */
export function createI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Picks the user's language from the browser's list, English where nothing matches. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    if (lang.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/** Every message key, `section.name`, checked at compile time. */
export type MessageKey = {
  [S in keyof typeof en]: `${S & string}.${keyof (typeof en)[S] & string}`;
}[keyof typeof en];

/** Values for a message's `{{placeholders}}`. */
export type MessageValues = Record<string, string | number>;

/** The one typed way to look a message up: keys are checked against the English catalogue at compile time. */
export function translate(i18n: I18n, key: MessageKey, values?: MessageValues): string {
  return String(i18n.t(key, values));
}
