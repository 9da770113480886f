import type { i18n as I18n } from 'i18next';
import { readPlace } from '../formats/problems/problem-place';
import { reportError } from '../formats/problems/error-report';
import { translate, type Locale } from '../i18n/i18n';
import { CODES_WITH_REASON, problemPlainText } from '../i18n/problem-texts';

/**
 * A failure as one line for the command line: the error's own English words as they are (a schema error lists
 * one violation a line, joined here), or, where the user's language is another, what its code says in that
 * language, after the file and the place, with the original words after it where they say more.
 */
export function errorLine(error: unknown, locale: Locale, i18n: I18n): string {
  const english = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, '; ');
  if (locale === 'en') return english;
  const report = reportError(error);
  const code = report.code ?? (report.path === undefined ? undefined : 'file.malformed');
  const sentence = code === undefined ? undefined : problemPlainText(locale, code, report.values);
  if (code === undefined || sentence === undefined) return english;
  const place = report.place === undefined ? undefined : readPlace(report.place);
  const placeText =
    place === undefined ? '' : place.kind === 'line' ? ` ${translate(i18n, 'problems.line', { line: place.line })}` : place.kind === 'box' ? ` ${translate(i18n, 'problems.box', { id: place.id })}` : ` ${place.text}`; // prettier-ignore
  const where = report.path === undefined ? '' : `${report.path}${placeText}${translate(i18n, 'problems.separator')}`;
  const reason = (report.reason ?? report.message).replace(/\s*\n\s*/g, '; ');
  const more = CODES_WITH_REASON.has(code) || report.code === undefined ? ` (${reason})` : '';
  return `${where}${sentence}${more}`;
}
