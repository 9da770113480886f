import type { Locale } from './i18n';
import { problemTextsEn, type ProblemTexts } from './problem-texts-en';
import { problemTextsZhCN } from './problem-texts-zh-CN';

/**
 * The sentences of problem and error codes, by language. Kept apart from the message catalogues because their
 * keys are the dotted codes themselves (`openlabel.cuboid.nonpositive-size`), which i18next would read as nested
 * keys, and because they fill their values in pieces: a name from the user's data is shown apart from the words.
 */
export const PROBLEM_TEXTS: Record<Locale, ProblemTexts> = { en: problemTextsEn, 'zh-CN': problemTextsZhCN };

/**
 * Codes whose English message carries more than the sentence: the reader's own reason (a parser's, a schema's,
 * the browser's words), or which of several things went wrong. The app shows that message beside the sentence.
 */
export const CODES_WITH_REASON: ReadonlySet<string> = new Set([
  ...['file.unreadable', 'file.malformed', 'json.syntax', 'json.schema', 'zip.malformed', 'image.header.malformed'],
  ...['kitti.calib.missing', 'kitti.calib.malformed', 'kitti.oxts.malformed', 'kitti.timestamps.malformed'],
  ...['nuscenes.info.malformed', 'sustech.calib.malformed', 'sustech.label.malformed', 'nuscenes.boxes.malformed'],
  ...['openlabel.schema', 'openlabel.cuboid.malformed', 'openlabel.transform.malformed'],
  ...['openlabel.camera.unsupported', 'manifest.transform.not-rigid', 'kitti.row.columns', 'scene.no-layout'],
  ...['remote.unreachable', 'browser-copy.missing', 'bundle.format.unknown'],
]);

/** A piece of a sentence: the catalogue's words, or a name from the user's data (shown as it is, marked). */
export type TextPart = { text: string } | { data: string };

/**
 * `code`'s sentence in `locale` in pieces, each `{{name}}` filled from `values`: a number as a figure among the
 * words, a string as a piece of data; a `[[…]]` part only where its values are given. Undefined for a code no
 * catalogue words or a value the sentence needs and lacks.
 */
export function problemText(
  locale: Locale,
  code: string,
  values: Readonly<Record<string, string | number>> = {},
): TextPart[] | undefined {
  const texts: Record<string, string> = PROBLEM_TEXTS[locale];
  const template = Object.hasOwn(texts, code) ? texts[code] : undefined;
  if (template === undefined) return undefined;
  const parts: TextPart[] = [];
  // An optional part stays only where every value it names is given.
  const said = template.replace(/\[\[(.*?)\]\]/g, (_, part: string) =>
    [...part.matchAll(/\{\{(\w+)\}\}/g)].every((m) => values[m[1]!] !== undefined) ? part : '',
  );
  const pieces = said.split(/\{\{(\w+)\}\}/);
  for (const [i, piece] of pieces.entries()) {
    const value = i % 2 === 0 ? piece : values[piece];
    if (value === undefined) return undefined;
    const last = parts.at(-1);
    // Words and figures run together as one text; a name stays a piece of its own.
    if (i % 2 === 1 && typeof value === 'string') parts.push({ data: value });
    else if (last && 'text' in last) last.text += String(value);
    else if (value !== '') parts.push({ text: String(value) });
  }
  return parts;
}

/** `code`'s sentence in `locale` as one plain text (names as they are), or undefined as `problemText`. */
export function problemPlainText(
  locale: Locale,
  code: string,
  values?: Readonly<Record<string, string | number>>,
): string | undefined {
  return problemText(locale, code, values)
    ?.map((p) => ('text' in p ? p.text : p.data))
    .join('');
}
