import type { Page } from 'playwright-core';
import { foreignWords } from '../unit/i18n/latin-words';
import { visibleTexts } from './visible-text';

/** Each text that shows a Latin-script word not on the reviewed list, with those words and where it was first seen. */
export class ForeignWords {
  readonly seen = new Map<string, { where: string; words: string[] }>();

  async look(page: Page, stage: string): Promise<void> {
    for (const shown of await visibleTexts(page)) {
      const words = foreignWords(shown.text);
      if (words.length > 0 && !this.seen.has(shown.text))
        this.seen.set(shown.text, { where: `${stage}: ${shown.where}`, words });
    }
  }

  list(): string[] {
    return [...this.seen].map(([text, { where, words }]) => `${words.join(' ')} ← "${text}" (${where})`);
  }
}
