import type { AttributeSpec, Ontology } from '../../core/model/ontology';

/**
 * The rules of an ontology that its JSON Schema cannot state: class ids unique in the ontology, attribute ids
 * unique in their class, enum values unique, value names only for values that exist, and `min` ≤ `max`.
 * Returns one `<JSON path> <problem>` per fault; none when the ontology is sound.
 */
export function checkOntology(ontology: Ontology): string[] {
  const faults: string[] = [];
  const firstClass = new Map<string, number>();
  ontology.classes.forEach((cls, c) => {
    const where = `/classes/${c}`;
    const earlier = firstClass.get(cls.id);
    if (earlier !== undefined) faults.push(`${where}/id "${cls.id}" is already the id of /classes/${earlier}`);
    else firstClass.set(cls.id, c);
    const firstAttribute = new Map<string, number>();
    cls.attributes.forEach((spec, a) => {
      const at = `${where}/attributes/${a}`;
      const seen = firstAttribute.get(spec.id);
      if (seen !== undefined) faults.push(`${at}/id "${spec.id}" is already used in this class (attribute ${seen})`);
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
