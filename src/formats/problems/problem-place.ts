/** A place inside a file as the UI words it: a line, a written box, or a JSON path (or anything else) as it is. */
export type ShownPlace = { kind: 'line'; line: number } | { kind: 'box'; id: string } | { kind: 'as-is'; text: string };

/** Reads a problem's `place` (`line 12`, `box a@3`, `/openlabel/frames/3`), which readers and writers write in English. */
export function readPlace(place: string): ShownPlace {
  const line = /^line (\d+)$/.exec(place);
  if (line) return { kind: 'line', line: Number(line[1]) };
  const box = /^box (.+)$/.exec(place);
  if (box) return { kind: 'box', id: box[1]! };
  return { kind: 'as-is', text: place };
}

/**
 * A stored `file` or `file place` text (`problemPlace`) apart again: the place is its last word when that is a
 * JSON path, or its last two when they are a line or a box.
 */
export function splitPlaceText(text: string): { path: string; place?: string } {
  const m = /^(.+?) (line \d+|box \S+|\/\S*)$/.exec(text);
  return m ? { path: m[1]!, place: m[2]! } : { path: text };
}
