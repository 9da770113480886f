import type { AttributeValue } from './labels';
import type { AttributeSpec } from './ontology';

/** Why a value does not fit its attribute; the UI words each kind in the user's language. */
export type AttributeProblem =
  | { kind: 'wrongType'; expected: AttributeSpec['kind'] }
  | { kind: 'notAllowed'; values: string[] }
  | { kind: 'notFinite' }
  | { kind: 'belowMin'; min: number }
  | { kind: 'aboveMax'; max: number };

/** Whether `value` may be stored for `spec`; undefined when it may. Bounds are inclusive. */
export function checkAttributeValue(spec: AttributeSpec, value: AttributeValue): AttributeProblem | undefined {
  switch (spec.kind) {
    case 'enum':
      if (typeof value !== 'string') return { kind: 'wrongType', expected: 'enum' };
      return spec.values.includes(value) ? undefined : { kind: 'notAllowed', values: spec.values };
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { kind: 'wrongType', expected: 'boolean' };
    case 'text':
      return typeof value === 'string' ? undefined : { kind: 'wrongType', expected: 'text' };
    case 'number':
      if (typeof value !== 'number') return { kind: 'wrongType', expected: 'number' };
      if (!Number.isFinite(value)) return { kind: 'notFinite' };
      if (spec.min !== undefined && value < spec.min) return { kind: 'belowMin', min: spec.min };
      if (spec.max !== undefined && value > spec.max) return { kind: 'aboveMax', max: spec.max };
      return undefined;
  }
}
