import { TracksOverlapError } from '../../core/edits/track-operations';
import type { JsonFault } from '../json/json-fault';
import { JsonFileError } from '../json/json-file-error';
import { FormatError } from '../pointcloud/format-error';
import { CodedError } from './coded-error';
import type { ProblemCode, ProblemValues } from './file-problem';

/**
 * An error as the app keeps it to show: the English `message` as thrown (what logs and the command line say),
 * and what lets the app say it in the user's language: the `code` and `values` of a `CodedError` or a coded
 * `FormatError`; the file a `FormatError` names, where in it, and its own `reason`; a `JsonFileError`'s faults.
 * Any other error (a browser's, a bug) has its message only, which the app shows as the original detail.
 */
export interface ErrorReport {
  message: string;
  code?: ProblemCode;
  values?: ProblemValues;
  /** The file it is about, and where in it. */
  path?: string;
  place?: string;
  /** A file's error without the file's name and place (`expected 15 fields (KITTI object)`). */
  reason?: string;
  /** A JSON file's faults, one a line. */
  faults?: readonly JsonFault[];
}

/** Any thrown value as an `ErrorReport`. */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof ReportedError) return error.report;
  if (error instanceof CodedError) return { message: error.message, code: error.code, values: error.values };
  // An edit refused for what the labels hold: core's errors carry what the sentence names.
  if (error instanceof TracksOverlapError)
    return { message: error.message, code: 'tracks.overlap', values: { frames: error.frames.join(', ') } };
  if (error instanceof FormatError) {
    return {
      message: error.message,
      path: error.fileName,
      reason: error.reason,
      ...(error.code !== undefined && { code: error.code }),
      ...(error.values !== undefined && { values: error.values }),
      ...(error.place !== undefined && { place: error.place }),
      ...(error instanceof JsonFileError && { faults: error.details }),
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * An error reported where it was thrown, in a worker: a worker hands a thrown error over as its name and message
 * only, so the worker sends its `ErrorReport` and the main thread throws this with it.
 */
export class ReportedError extends Error {
  constructor(
    readonly report: ErrorReport,
    name: string,
  ) {
    super(report.message);
    this.name = name;
  }
}
