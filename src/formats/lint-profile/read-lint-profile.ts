import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CHECK_IDS, type CheckId } from '../../core/lint/finding';
import { DEFAULT_PROFILE, type CheckSettings, type LintProfile } from '../../core/lint/profile';
import type { JsonFault } from '../json/json-fault';
import { JsonFileError } from '../json/json-file-error';
import { schemaFault, validateJson } from '../json/validate-json';
import schema from './lint-profile.schema.json';

let validator: ValidateFunction<LintProfile> | undefined;

/** Compiled once, on first use; `verbose` keeps each fault's value for the messages. */
function getValidator(): ValidateFunction<LintProfile> {
  validator ??= new Ajv({ allErrors: true, verbose: true }).compile<LintProfile>(schema);
  return validator;
}

/**
 * Reads a lint profile: JSON checked against `lint-profile.schema.json`, then each setting's name against the
 * settings its check has (a schema would need one definition per check to say so; a misspelt `maxSped` must
 * not pass as a setting that does nothing). Throws a `JsonFileError` whose every line names `fileName`, the
 * JSON path and the problem (`strict.json: /checks/speed/params/maxSped is not a setting of speed: maxSpeed,
 * windowS`).
 */
export function readLintProfile(text: string, fileName: string): LintProfile {
  const profile = validateJson(text, fileName, getValidator(), clearer);
  const faults: JsonFault[] = [];
  for (const id of CHECK_IDS) {
    const settings = profile.checks[id];
    if (settings) faults.push(...paramFaults(id, settings));
  }
  if (faults.length > 0) throw new JsonFileError(fileName, faults);
  return { checks: profile.checks };
}

/** Settings a check reads, with the [length, width, height] bounds that only `size` takes. */
function paramsOf(check: CheckId): Map<string, 'number' | 'vec3'> {
  const out = new Map<string, 'number' | 'vec3'>();
  for (const key of Object.keys(DEFAULT_PROFILE.checks[check]?.params ?? {})) out.set(key, 'number');
  if (check === 'size') out.set('min', 'vec3').set('max', 'vec3');
  return out;
}

function paramFaults(check: CheckId, settings: CheckSettings): JsonFault[] {
  const known = paramsOf(check);
  const faults: JsonFault[] = [];
  const visit = (params: CheckSettings['params'], place: string) => {
    for (const [key, value] of Object.entries(params ?? {})) {
      const kind = known.get(key);
      const where = `${place}/params/${key}`;
      if (!kind) {
        const names = [...known.keys()].join(', ') || 'none';
        faults.push({ place: where, message: `is not a setting of ${check}: ${names}` });
      } else if ((kind === 'vec3') !== Array.isArray(value)) {
        faults.push({ place: where, message: kind === 'vec3' ? 'must be [length, width, height] in metres' : 'must be one number' }); // prettier-ignore
      }
    }
  };
  visit(settings.params, `/checks/${check}`);
  for (const [cls, s] of Object.entries(settings.classes ?? {})) {
    visit(s.params, `/checks/${check}/classes/${cls.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
  return faults;
}

/** Ajv's errors in plainer words where its own are unclear; `anyOf` repeats its branches' errors. */
function clearer(error: ErrorObject): JsonFault | undefined {
  const place = error.instancePath || '/';
  if (error.keyword === 'anyOf') return { place, message: 'must be a number ≥ 0 or [length, width, height] in metres' };
  // The branches of that `anyOf`: said once, by the line above.
  if (/\/params\/[^/]+(\/\d+)?$/.test(place) && error.keyword !== 'additionalProperties') return undefined;
  if (error.keyword === 'additionalProperties' && place === '/checks') {
    const name = String((error.params as { additionalProperty?: unknown }).additionalProperty);
    return { place: `/checks/${name}`, message: `is not a check: ${CHECK_IDS.join(', ')}` };
  }
  return schemaFault(error);
}
