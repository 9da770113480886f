import Ajv, { type ValidateFunction } from 'ajv';
import type { FrustumManifest } from './frustum-manifest';
import { JsonFileError } from '../json/json-file-error';
import { validateJson } from '../json/validate-json';
import schema from './frustum-manifest.schema.json';

let validator: ValidateFunction<FrustumManifest> | undefined;

/** The schema compiled once, on first use (compiling costs milliseconds; a batch import validates many). */
function getValidator(): ValidateFunction<FrustumManifest> {
  validator ??= new Ajv({ allErrors: true, allowUnionTypes: true }).compile<FrustumManifest>(schema);
  return validator;
}

/** A manifest that does not follow the schema: one line per violation, `<manifest>: <JSON path> <message>`. */
export class ManifestError extends JsonFileError {
  override name = 'ManifestError';
}

/**
 * Parses and validates a manifest's text against `frustum-manifest.schema.json`. Throws a `ManifestError`
 * whose lines name the manifest and the JSON path (`/frames/2/lidar/0/path`) of each violation.
 */
export function validateFrustumManifest(text: string, manifestPath: string): FrustumManifest {
  try {
    return validateJson(text, manifestPath, getValidator());
  } catch (error) {
    throw error instanceof JsonFileError ? new ManifestError(manifestPath, error.faults) : error;
  }
}
