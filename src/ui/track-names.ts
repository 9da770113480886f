import { classLabel } from '../core/model/display-name';
import type { Ontology } from '../core/model/ontology';
import { trackDisplayNames } from '../core/model/track-names';
import type { SessionState } from '../state/session.svelte';

interface Named {
  version: number;
  ontology: Ontology;
  locale: string;
  names: ReadonlyMap<string, string>;
}

const made = new WeakMap<object, Named>();

/**
 * The open scene's tracks by the name each is shown by (`trackDisplayNames`, class names in `locale`), for every
 * panel that names tracks, so they all say the same. Made again only when the labels, the ontology or the
 * language change; reading it inside a `$derived` makes that re-run on every change of the labels.
 */
export function trackNamesOf(
  session: Pick<SessionState, 'labels' | 'ontology'>,
  locale: string,
): ReadonlyMap<string, string> {
  const { labels, ontology } = session;
  const version = labels.version;
  const last = made.get(labels);
  if (last && last.version === version && last.ontology === ontology && last.locale === locale) return last.names;
  const names = trackDisplayNames(labels.tracks.tracks, (classId) => classLabel(ontology, classId, locale).name);
  made.set(labels, { version, ontology, locale, names });
  return names;
}
