import type { AttributeSpec, Ontology } from '../../core/model/ontology';
import type { JsonFault } from '../json/json-fault';

/**
 * The rules of an ontology that its JSON Schema cannot state: class and segment-kind ids unique in the ontology,
 * attribute ids unique in their class or kind, enum values unique, value names only for values that exist, and
 * `min` ≤ `max`. Returns one fault per fault found (its JSON path, the problem in English, a code and values for
 * other languages); none when the ontology is sound.
 */
export function checkOntology(ontology: Ontology): JsonFault[] {
  return [
    ...checkGroup(ontology.classes, '/classes', 'class'),
    ...checkGroup(ontology.segmentKinds ?? [], '/segmentKinds', 'kind'),
  ];
}

/** Ids unique in the list, and each entry's attributes sound. */
function checkGroup(entries: { id: string; attributes: AttributeSpec[] }[], path: string, noun: string): JsonFault[] {
  const faults: JsonFault[] = [];
  const first = new Map<string, number>();
  entries.forEach((entry, c) => {
    const where = `${path}/${c}`;
    const earlier = first.get(entry.id);
    if (earlier !== undefined)
      faults.push({ place: `${where}/id`, message: `"${entry.id}" is already the id of ${path}/${earlier}`, code: 'ontology.id.taken', values: { id: entry.id, other: `${path}/${earlier}` } }); // prettier-ignore
    else first.set(entry.id, c);
    const firstAttribute = new Map<string, number>();
    entry.attributes.forEach((spec, a) => {
      const at = `${where}/attributes/${a}`;
      const seen = firstAttribute.get(spec.id);
      if (seen !== undefined)
        faults.push({ place: `${at}/id`, message: `"${spec.id}" is already used in this ${noun} (attribute ${seen})`, code: 'ontology.attribute.taken', values: { id: spec.id, other: seen } }); // prettier-ignore
      else firstAttribute.set(spec.id, a);
      faults.push(...checkAttribute(spec, at));
    });
  });
  return faults;
}

function checkAttribute(spec: AttributeSpec, at: string): JsonFault[] {
  const faults: JsonFault[] = [];
  if (spec.kind === 'number' && spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
    faults.push({ place: at, message: `min ${spec.min} is greater than max ${spec.max}`, code: 'ontology.range.inverted', values: { min: spec.min, max: spec.max } }); // prettier-ignore
  }
  if (spec.kind === 'enum') {
    const first = new Map<string, number>();
    spec.values.forEach((value, i) => {
      const seen = first.get(value);
      if (seen !== undefined)
        faults.push({ place: `${at}/values/${i}`, message: `"${value}" is listed twice (also at ${seen})`, code: 'ontology.value.twice', values: { value, other: seen } }); // prettier-ignore
      else first.set(value, i);
    });
    for (const value of Object.keys(spec.valueNames ?? {})) {
      if (!first.has(value))
        faults.push({ place: `${at}/valueNames/${value}`, message: 'names a value that is not in "values"', code: 'ontology.value-name.unknown', values: { value } }); // prettier-ignore
    }
  }
  return faults;
}
