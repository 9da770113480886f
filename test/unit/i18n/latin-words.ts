/**
 * The Latin-script words a 简体中文 screen may show, reviewed one by one: what Chinese users of such tools see in
 * Latin script too. Everything else in Latin script on a zh-CN screen is a string that missed the catalogue,
 * unless it sits in an element marked `data-user-data` (the user's own data: file names, track names, ids).
 * Used by the catalogue test and by the browser test that walks every panel in zh-CN.
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // Units.
  ...['m', 'cm', 'km', 'px', 's', 'ms', 'Hz', 'KB', 'MB', 'GB'],
  // Formats, standards and products, always written by their own names.
  ...['OpenLABEL', 'ASAM', 'KITTI', 'nuScenes', 'SUSTechPOINTS', 'CSV', 'JSON', 'PCD', 'LAS', 'LAZ', 'PLY'],
  ...['zip', 'SHA', 'WebGPU', 'WebGL', 'GPU', 'Frustum', 'Argoverse'],
  // Abbreviations Chinese writing keeps as they are.
  ...['ID', 'URL', 'SUV'],
  // Metric names the field writes in Latin script in Chinese too (papers, benchmarks, tools).
  ...['IoU', 'MOTA', 'MOTP', 'HOTA'],
  // Key legends as printed on the keys of a Chinese keyboard.
  ...['Ctrl', 'Shift', 'Alt', 'Esc', 'Tab'],
  // The language switch names each language in its own language.
  'English',
]);

/**
 * Whole strings taken as they are before words are counted: names a user types or finds in a folder exactly
 * so (KITTI's label folders, the manifest's file name in the address example), and what an ontology file must
 * hold written so (a locale code, a colour as `#rrggbb`).
 */
export const ALLOWED_LITERALS: readonly string[] = [
  ...['label_02', 'label_2', 'https://…/frustum-manifest.json'],
  ...['zh-CN', '#rrggbb'],
];

/**
 * The Latin-script words of `text` that are not allowed on a zh-CN screen. A lone letter passes: key caps (N,
 * B, F1), axes (x y z) and the like. `{{placeholders}}` are left out, since what fills them is checked where it
 * is shown.
 */
export function foreignWords(text: string): string[] {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const literal of ALLOWED_LITERALS) rest = rest.split(literal).join(' ');
  return (rest.match(/\p{Script=Latin}+/gu) ?? []).filter((w) => w.length > 1 && !ALLOWED_WORDS.has(w));
}
