import type { ProblemCode, ProblemValues } from '../problems/file-problem';

/**
 * One fault of a JSON file: where (a JSON path, `/classes/2/color`), what is wrong in English, and where the
 * app can say it in other words too, a code with the values its sentence names (`ontology.color.invalid`).
 */
export interface JsonFault {
  place: string;
  message: string;
  code?: ProblemCode;
  values?: ProblemValues;
}

/** A fault as one `<JSON path> <problem>` text, as error lines and the command line show it. */
export function faultLine(fault: JsonFault): string {
  return fault.place === '' ? fault.message : `${fault.place} ${fault.message}`;
}

/** A fault given as a `<JSON path> <problem>` text: the path when it starts with one, the rest as the message. */
export function faultOfLine(line: string): JsonFault {
  const m = /^(\/\S*) (.*)$/s.exec(line);
  return m ? { place: m[1]!, message: m[2]! } : { place: '', message: line };
}
