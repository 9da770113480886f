import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { AttributeSpec, Ontology, OntologyClass, SegmentKind } from '../../core/model/ontology';
import type { JsonFault } from '../json/json-fault';
import { JsonFileError } from '../json/json-file-error';
import { schemaFault, validateJson } from '../json/validate-json';
import type { OntologyFile } from './ontology-file';
import { checkOntology } from './check-ontology';
import schema from './ontology.schema.json';

let validator: ValidateFunction<OntologyFile> | undefined;

/** Compiled once, on first use. `verbose` keeps each fault's value, which the clearer messages quote. */
function getValidator(): ValidateFunction<OntologyFile> {
  validator ??= new Ajv({ allErrors: true, verbose: true }).compile<OntologyFile>(schema);
  return validator;
}

/**
 * Reads a user's ontology file: JSON, checked against `ontology.schema.json`, then against the rules a schema
 * cannot state (`checkOntology`). Throws a `JsonFileError` whose every line names `fileName`, the JSON path and
 * the problem (`cones.json: /classes/1/color "orange" is not a colour written #rrggbb`). Missing optional
 * parts come back filled in: no attributes is `[]`, no guideline is `''`.
 */
export function readOntology(text: string, fileName: string): Ontology {
  const file = validateJson(text, fileName, getValidator(), clearer);
  const ontology = toOntology(file);
  const faults = checkOntology(ontology);
  if (faults.length > 0) throw new JsonFileError(fileName, faults);
  return ontology;
}

/**
 * An ajv error in words an annotator can act on (with a code and values, so that the app can say it in the
 * user's language), or undefined for the ones that only repeat another (an `if` whose `then` failed is reported
 * by the `then`'s own errors).
 */
function clearer(error: ErrorObject): JsonFault | undefined {
  const place = error.instancePath || '/';
  const value: unknown = error.data;
  const fault = (code: `ontology.${string}`, message: string, values: JsonFault['values'] = {}): JsonFault => ({
    place,
    message,
    code,
    values,
  });
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'false schema':
      return fault('ontology.attribute.unused', 'is not used by this kind of attribute');
    case 'type':
      if (typeof value === 'number') return fault('ontology.number.not-finite', `${value} is not a finite number`, { value }); // prettier-ignore
      break;
    case 'pattern':
      if (error.propertyName !== undefined) {
        const locale = error.propertyName;
        return fault('ontology.locale.invalid', `"${locale}" is not a locale code like zh-CN`, { locale });
      }
      if (place.endsWith('/color')) return fault('ontology.color.invalid', `"${String(value)}" is not a colour written #rrggbb`, { value: String(value) }); // prettier-ignore
      if (place.endsWith('/id')) {
        return fault('ontology.id.invalid', `"${String(value)}" is not an id: letters, digits and _ . : / -, starting with a letter or digit`, { value: String(value) }); // prettier-ignore
      }
      break;
    case 'exclusiveMinimum':
      return fault('ontology.number.not-positive', `${String(value)} must be greater than 0`, { value: String(value) }); // prettier-ignore
    case 'minItems':
      if (place.endsWith('/values')) return fault('ontology.enum.empty', 'an enum attribute needs at least one value');
      break;
    case 'enum':
      if (place.endsWith('/kind')) {
        return fault('ontology.kind.unknown', `"${String(value)}" is not an attribute kind (enum, boolean, number or text)`, { value: String(value) }); // prettier-ignore
      }
      break;
  }
  return schemaFault(error);
}

function toOntology(file: OntologyFile): Ontology {
  const classes: OntologyClass[] = file.classes.map((c) => ({
    id: c.id,
    ...(c.name !== undefined && { name: c.name }),
    ...(c.names !== undefined && { names: c.names }),
    color: c.color.toLowerCase(),
    defaultSize: [...c.defaultSize],
    attributes: (c.attributes ?? []) as AttributeSpec[],
    guideline: c.guideline ?? '',
    ...(c.guidelines !== undefined && { guidelines: c.guidelines }),
  }));
  return {
    id: file.id,
    name: file.name,
    ...(file.names !== undefined && { names: file.names }),
    version: file.version,
    ...(file.description !== undefined && { description: file.description }),
    ...(file.descriptions !== undefined && { descriptions: file.descriptions }),
    classes,
    ...(file.segmentKinds !== undefined && { segmentKinds: file.segmentKinds.map(toSegmentKind) }),
  };
}

/** A segment kind with its defaults filled in: no attributes is `[]`, an attribute's `dynamic` is false. */
function toSegmentKind(k: NonNullable<OntologyFile['segmentKinds']>[number]): SegmentKind {
  return {
    id: k.id,
    ...(k.name !== undefined && { name: k.name }),
    ...(k.names !== undefined && { names: k.names }),
    color: k.color.toLowerCase(),
    attributes: (k.attributes ?? []).map((a) => ({ ...a, dynamic: false }) as AttributeSpec),
  };
}
