import { FormatError } from './format-error';

/**
 * Throws the one clear error for a cloud without coordinates, naming the file and the fields it does have.
 * `present` are the names that carry values; `listed` what the file declares (padding included).
 */
export function assertXyz(present: readonly string[], fileName: string, listed: readonly string[] = present): void {
  if (present.includes('x') && present.includes('y') && present.includes('z')) return;
  const names = listed.length > 0 ? listed.join(', ') : 'none';
  throw new FormatError(fileName, `no x, y, z fields; the file has: ${names}`);
}
