/**
 * `JSON.parse` that also accepts the bare `NaN`, `Infinity` and `-Infinity` Python's `json.dump` writes
 * (the nuScenes sample's `velocity_xy` holds NaN), reading them as `null`. Strings are left untouched. Throws
 * JSON.parse's SyntaxError for anything else.
 */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const cleaned = replaceNonFinite(text);
    if (cleaned === text) throw error;
    return JSON.parse(cleaned);
  }
}

function replaceNonFinite(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    const token = ['NaN', 'Infinity', '-Infinity'].find((t) => text.startsWith(t, i));
    if (token) {
      out += `${text.slice(from, i)}null`;
      i += token.length - 1;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
