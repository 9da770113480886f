import type { MessageKey, MessageValues } from '../../i18n/i18n';
import { shownAuthor, type ShownText } from '../shown-text';
import { defectText, rootCauseText } from '../review/review-text';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** A defect type or root cause by its shipped name (the review's own words); a team's own id as typed. */
export function taxonomyName(kind: 'defect' | 'rootCause', id: string, t: Translate): ShownText {
  return kind === 'defect' ? defectText(id, t) : rootCauseText(id, t);
}

/** A person as named in the records; the local user and a blank name in the user's language. */
export function personName(name: string, t: Translate): ShownText {
  return name === '' ? { text: t('dashboard.unnamed'), userData: false } : shownAuthor(name, t);
}

/** A figure to one decimal in the locale's digits; a dash where there is no figure. */
export function formatNumber(value: number | undefined, locale: string, digits = 1): string {
  return value === undefined ? '—' : value.toLocaleString(locale, { maximumFractionDigits: digits });
}

/** A 0..1 rate as a percentage. */
export function formatRate(value: number | undefined, locale: string): string {
  return value === undefined ? '—' : value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
}

/** A duration in ms, to the minute: minutes under an hour, hours and minutes under a day, then days and hours. */
export function formatDuration(ms: number | undefined, t: Translate): string {
  if (ms === undefined) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('dashboard.minutes', { minutes });
  if (minutes < 24 * 60) return t('dashboard.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const hours = Math.round(minutes / 60);
  return t('dashboard.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
}
