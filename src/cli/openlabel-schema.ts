import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the ASAM OpenLABEL 1.0 schema is found by default: the project's test fixture (ASAM's file, not shipped
 * in the app). `src/cli/` and the built `dist/cli/` are both two folders below the project root.
 */
export function defaultOpenLabelSchemaPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'test', 'fixtures', 'openlabel', 'openlabel_json_schema-v1.0.0.json');
}

/** Reads the schema at `schemaPath` (default: the fixture). Rejects with an Error naming the path. */
export async function loadOpenLabelSchema(schemaPath = defaultOpenLabelSchemaPath()): Promise<object> {
  let text: string;
  try {
    text = await readFile(schemaPath, 'utf8');
  } catch {
    throw new Error(`${schemaPath}: the OpenLABEL schema is not there; give one with --schema`);
  }
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new Error(`${schemaPath}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
