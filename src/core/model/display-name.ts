import type { AttributeSpec, DisplayNames, Ontology, OntologyClass } from './ontology';

/** The colour of a box whose class the scene's ontology lacks: grey, so it stands out as unclassified. */
export const UNKNOWN_CLASS_COLOR = '#9ca3af';

/** The name to show in `locale`: its own translation, else the English name, else the id. */
export function displayName(named: DisplayNames & { id: string }, locale: string): string {
  return named.names?.[locale] ?? named.name ?? named.id;
}

/** A class's or an attribute's guideline in `locale`: its own translation, else the English text. */
export function guidelineText(of: { guideline?: string; guidelines?: Record<string, string> }, locale: string): string {
  return of.guidelines?.[locale] ?? of.guideline ?? '';
}

/** An ontology's description in `locale`: its own translation, else the English text. */
export function descriptionText(ontology: Ontology, locale: string): string | undefined {
  return ontology.descriptions?.[locale] ?? ontology.description;
}

/** How a value of an enum attribute reads in `locale` (the value itself where it has no name). */
export function enumValueName(spec: AttributeSpec, value: string, locale: string): string {
  const names = spec.kind === 'enum' ? spec.valueNames?.[value] : undefined;
  return names ? displayName({ id: value, ...names }, locale) : value;
}

/**
 * A class id as the UI shows it: its ontology name and colour, or, for an id the ontology lacks (a box labelled
 * under another ontology, an imported class), the id itself in grey. Such boxes are shown and kept, never lost.
 */
export function classLabel(
  ontology: Ontology,
  classId: string,
  locale: string,
): { name: string; color: string; cls: OntologyClass | undefined } {
  const cls = ontology.classes.find((c) => c.id === classId);
  return cls
    ? { name: displayName(cls, locale), color: cls.color, cls }
    : { name: classId, color: UNKNOWN_CLASS_COLOR, cls };
}
