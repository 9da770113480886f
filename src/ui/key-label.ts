import type { MessageKey, MessageValues } from '../i18n/i18n';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * Keys named as people see them in each language: modifiers and Esc as printed on the key, arrows as arrows,
 * and the keys whose name is a word (Space, Delete, Enter) in the user's language. Bindings hold
 * `KeyboardEvent.key` in lower case (`arrowright`, `escape`, `' '`).
 */
const NAMED: Record<string, MessageKey> = {
  ctrl: 'keys.ctrl',
  alt: 'keys.alt',
  shift: 'keys.shift',
  ' ': 'keys.space',
  escape: 'keys.escape',
  delete: 'keys.delete',
  backspace: 'keys.backspace',
  enter: 'keys.enter',
  tab: 'keys.tab',
  arrowleft: 'keys.arrowLeft',
  arrowright: 'keys.arrowRight',
  arrowup: 'keys.arrowUp',
  arrowdown: 'keys.arrowDown',
};

/** How a binding reads on key caps: `ctrl+shift+z` → `Ctrl + Shift + Z`, `arrowright` → `→`, `f1` → `F1`. */
export function keyLabel(binding: string, t: Translate): string {
  const parts: string[] = [];
  let rest = binding;
  for (let m = /^(ctrl|alt|shift)\+(.+)$/.exec(rest); m; m = /^(ctrl|alt|shift)\+(.+)$/.exec(rest)) {
    parts.push(t(NAMED[m[1]!]!));
    rest = m[2]!;
  }
  const named = NAMED[rest];
  parts.push(named ? t(named) : rest.length === 1 ? rest.toUpperCase() : rest[0]!.toUpperCase() + rest.slice(1));
  return parts.join(' + ');
}

/** A tooltip naming an action's keys (`Shortcut: Ctrl + Z / Ctrl + Y`); undefined where it has none. */
export function shortcutTitle(bindings: readonly string[], t: Translate): string | undefined {
  if (bindings.length === 0) return undefined;
  return t('keys.shortcut', { keys: bindings.map((b) => keyLabel(b, t)).join(' / ') });
}
