import type { AttributeValue } from '../../core/model/labels';
import type { OlAttributes } from './openlabel-types';

/**
 * Attributes as OpenLABEL's typed lists: strings as `text`, numbers as `num`, booleans as `boolean`, each
 * `{ name, val }`. Lists left empty are left out. A number that is not finite has no JSON form: it is dropped
 * and its name given to `onDropped`.
 */
export function olAttributes(
  attributes: Record<string, AttributeValue>,
  onDropped: (name: string) => void = () => {},
): OlAttributes {
  const out: Required<Pick<OlAttributes, 'text' | 'num' | 'boolean'>> = { text: [], num: [], boolean: [] };
  for (const [name, val] of Object.entries(attributes)) {
    if (typeof val === 'string') out.text.push({ name, val });
    else if (typeof val === 'boolean') out.boolean.push({ name, val });
    else if (Number.isFinite(val)) out.num.push({ name, val });
    else onDropped(name);
  }
  return Object.fromEntries(Object.entries(out).filter(([, list]) => list.length > 0));
}

/**
 * The `text`, `num` and `boolean` entries of an object's data, an action's or a geometry's attributes as a
 * name → value record (an entry without a name is skipped; where a name repeats, the last wins). Other kinds
 * (`vec`, geometries) are not attributes in Frustum: their names go to `onOther`.
 */
export function readOlAttributes(
  data: OlAttributes | undefined,
  onOther: (kind: string) => void = () => {},
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (!data || typeof data !== 'object') return out;
  for (const [kind, list] of Object.entries(data)) {
    if (kind === 'cuboid' || !Array.isArray(list)) continue;
    if (kind !== 'text' && kind !== 'num' && kind !== 'boolean') {
      onOther(kind);
      continue;
    }
    const type = kind === 'text' ? 'string' : kind === 'num' ? 'number' : 'boolean';
    for (const item of list as { name?: unknown; val?: unknown }[]) {
      if (typeof item?.name === 'string' && typeof item.val === type) out[item.name] = item.val as AttributeValue;
    }
  }
  return out;
}
