import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { FrustumManifest } from './frustum-manifest';
import schema from './frustum-manifest.schema.json';

let validator: ValidateFunction<FrustumManifest> | undefined;

/** The schema compiled once, on first use (compiling costs milliseconds; a batch import validates many). */
function getValidator(): ValidateFunction<FrustumManifest> {
  validator ??= new Ajv({ allErrors: true }).compile<FrustumManifest>(schema);
  return validator;
}

/** A manifest that does not follow the schema: one line per violation, `<manifest>: <JSON path> <message>`. */
export class ManifestError extends Error {
  override name = 'ManifestError';

  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

/**
 * Parses and validates a manifest's text against `frustum-manifest.schema.json`. Throws a `ManifestError`
 * whose lines name the manifest and the JSON path (`/frames/2/lidar/0/path`) of each violation.
 */
export function validateFrustumManifest(text: string, manifestPath: string): FrustumManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError([`${manifestPath}: not valid JSON (${(error as Error).message})`]);
  }
  const validate = getValidator();
  if (validate(json)) return json;
  throw new ManifestError((validate.errors ?? []).map((e) => `${manifestPath}: ${describe(e)}`));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = ` ("${String(params['additionalProperty'])}")`;
  if (error.keyword === 'enum') detail = `: ${(params['allowedValues'] as unknown[]).join(', ')}`;
  if (error.keyword === 'const') detail = `: ${JSON.stringify(params['allowedValue'])}`;
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}
