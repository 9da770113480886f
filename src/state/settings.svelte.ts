import type { i18n as I18n } from 'i18next';
import {
  createI18n,
  detectLocale,
  isLocale,
  translate,
  type Locale,
  type MessageKey,
  type MessageValues,
} from '../i18n/i18n';

const LOCALE_KEY = 'frustum.locale';

/** The UI language, remembered across visits. `t` re-runs in templates when the language changes. */
export class LocaleState {
  locale = $state<Locale>('en');
  #i18n: I18n;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, languages: readonly string[]) {
    const saved = storage?.getItem(LOCALE_KEY);
    this.locale = isLocale(saved) ? saved : detectLocale(languages);
    this.#i18n = createI18n(this.locale);
    this.storage = storage;
  }

  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;

  /** Translates a key; reading `locale` here makes every template that calls it re-render on a switch. */
  t = (key: MessageKey, values?: MessageValues): string => {
    void this.locale;
    return translate(this.#i18n, key, values);
  };

  setLocale(locale: Locale): void {
    this.locale = locale;
    void this.#i18n.changeLanguage(locale);
    this.storage?.setItem(LOCALE_KEY, locale);
    document.documentElement.lang = locale;
  }
}
