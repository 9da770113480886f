import type { AttributeSpec, Ontology } from '../../core/model/ontology';

/**
 * The rules of an ontology that its JSON Schema cannot state: class and segment-kind ids unique in the ontology,
 * attribute ids unique in their class or kind, enum values unique, value names only for values that exist, and
 * `min` ≤ `max`. Returns one `<JSON path> <problem>` per fault; none when the ontology is sound.
 */
export function checkOntology(ontology: Ontology): string[] {
  return [
    ...checkGroup(ontology.classes, '/classes', 'class'),
    ...checkGroup(ontology.segmentKinds ?? [], '/segmentKinds', 'kind'),
  ];
}

/** Ids unique in the list, and each entry's attributes sound. */
function checkGroup(entries: { id: string; attributes: AttributeSpec[] }[], path: string, noun: string): string[] {
  const faults: string[] = [];
  const first = new Map<string, number>();
  entries.forEach((entry, c) => {
    const where = `${path}/${c}`;
    const earlier = first.get(entry.id);
    if (earlier !== undefined) faults.push(`${where}/id "${entry.id}" is already the id of ${path}/${earlier}`);
    else first.set(entry.id, c);
    const firstAttribute = new Map<string, number>();
    entry.attributes.forEach((spec, a) => {
      const at = `${where}/attributes/${a}`;
      const seen = firstAttribute.get(spec.id);
      if (seen !== undefined) faults.push(`${at}/id "${spec.id}" is already used in this ${noun} (attribute ${seen})`);
      else firstAttribute.set(spec.id, a);
      faults.push(...checkAttribute(spec, at));
    });
  });
  return faults;
}

function checkAttribute(spec: AttributeSpec, at: string): string[] {
  const faults: string[] = [];
  if (spec.kind === 'number' && spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
    faults.push(`${at} min ${spec.min} is greater than max ${spec.max}`);
  }
  if (spec.kind === 'enum') {
    const first = new Map<string, number>();
    spec.values.forEach((value, i) => {
      const seen = first.get(value);
      if (seen !== undefined) faults.push(`${at}/values/${i} "${value}" is listed twice (also at ${seen})`);
      else first.set(value, i);
    });
    for (const value of Object.keys(spec.valueNames ?? {})) {
      if (!first.has(value)) faults.push(`${at}/valueNames/${value} names a value that is not in "values"`);
    }
  }
  return faults;
}
