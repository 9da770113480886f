import type { AttributeProblem } from '../core/model/attribute-value';
import { enumValueName } from '../core/model/display-name';
import type { AttributeSpec } from '../core/model/ontology';
import type { MessageKey, MessageValues } from '../i18n/i18n';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** What values an attribute takes, in words ("one of: Not occluded, Partly occluded"). */
export function describeAttributeKind(spec: AttributeSpec, t: Translate, locale: string): string {
  switch (spec.kind) {
    case 'enum':
      return t('ontology.kindEnum', { values: spec.values.map((v) => enumValueName(spec, v, locale)).join(', ') });
    case 'boolean':
      return t('ontology.kindBoolean');
    case 'text':
      return t('ontology.kindText');
    case 'number':
      if (spec.min !== undefined && spec.max !== undefined)
        return t('ontology.kindNumberRange', { min: spec.min, max: spec.max });
      if (spec.min !== undefined) return t('ontology.kindNumberMin', { min: spec.min });
      if (spec.max !== undefined) return t('ontology.kindNumberMax', { max: spec.max });
      return t('ontology.kindNumber');
  }
}

/** Why a value was refused, in the user's language. */
export function describeAttributeProblem(
  spec: AttributeSpec,
  problem: AttributeProblem,
  t: Translate,
  locale: string,
): string {
  switch (problem.kind) {
    case 'wrongType':
      return t('ontology.wrongType');
    case 'notAllowed':
      return t('ontology.notAllowed', {
        values: problem.values.map((v) => enumValueName(spec, v, locale)).join(', '),
      });
    case 'notFinite':
      return t('ontology.notFinite');
    case 'belowMin':
      return t('ontology.belowMin', { min: problem.min });
    case 'aboveMax':
      return t('ontology.aboveMax', { max: problem.max });
  }
}
