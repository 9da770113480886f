import type { Page } from 'playwright-core';

/** One piece of text a person can see or hear, and where: the nearest test id and the element. */
export interface ShownText {
  text: string;
  where: string;
}

/**
 * Every text of the page a person can read or a screen reader says: the text of visible elements, the options
 * of visible selects, and the `title`, `aria-label`, `placeholder` and `alt` of visible elements, leaving out
 * whatever sits inside an element marked `data-user-data` (the user's own data) or `data-detail` (a problem's
 * code and its reader's original words, shown beside the translated sentence).
 */
export function visibleTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const DATA = '[data-user-data], [data-detail]';
    const out: { text: string; where: string }[] = [{ text: document.title, where: 'document title' }];
    const where = (el: Element) => {
      const owner = el.closest('[data-testid]')?.getAttribute('data-testid');
      return `${owner ? `${owner} ` : ''}<${el.tagName.toLowerCase()}>`;
    };
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest(`${DATA}, script, style, select`) || !visible(el)) continue;
      out.push({ text, where: where(el) });
    }
    for (const select of document.querySelectorAll('select')) {
      if (select.closest(DATA) || !visible(select)) continue;
      for (const option of select.options) {
        if (!option.closest(DATA)) out.push({ text: option.text, where: `${where(select)} option` });
      }
    }
    for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      if (el.closest(DATA) || !visible(el)) continue;
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const text = el.getAttribute(name);
        if (text) out.push({ text, where: `${where(el)} ${name}` });
      }
    }
    return out;
  });
}
