import { compareLabelSets, type AgreementOptions, type AgreementReport } from '../core/agreement/agreement';
import { SIMILARITY_KINDS, type SimilarityKind } from '../core/agreement/similarity';
import { loadLabelSet } from './load-label-set';

/**
 * What `frustum agree <a> <b> [--iou 0.5,0.7] [--by-class] [--similarity 3d-iou|bev-iou|center]
 * [--max-range m] [--min-points n] [--classes A,B] [--ignore DontCare]` asks for. `a` is the reference.
 */
export interface AgreeArgs {
  a: string;
  b: string;
  options: AgreementOptions;
}

/** Parses the arguments after `agree`; undefined when they do not fit. */
export function parseAgreeArgs(args: readonly string[]): AgreeArgs | undefined {
  const files: string[] = [];
  const options: AgreementOptions = {};
  const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''); // prettier-ignore
  const number = (value: string | undefined) => (value === undefined || value.trim() === '' ? NaN : Number(value));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--by-class') options.byClass = true;
    else if (arg === '--iou') {
      const values = (args[++i] ?? '').split(',').map(number);
      if (values.some((v) => !(v > 0 && v <= 1))) return undefined;
      options.iouThresholds = values;
    } else if (arg === '--similarity') {
      const kind = args[++i] as SimilarityKind;
      if (!SIMILARITY_KINDS.includes(kind)) return undefined;
      options.similarity = kind;
    } else if (arg === '--max-range') {
      options.maxRange = number(args[++i]);
      if (!(options.maxRange > 0)) return undefined;
    } else if (arg === '--min-points') {
      options.minPoints = number(args[++i]);
      if (!Number.isInteger(options.minPoints) || options.minPoints < 0) return undefined;
    } else if (arg === '--classes') {
      options.classes = list(args[++i]);
      if (options.classes.length === 0) return undefined;
    } else if (arg === '--ignore') {
      // An empty value (--ignore '') turns ignore regions off.
      if (args[i + 1] === undefined) return undefined;
      options.ignoreClasses = list(args[++i]);
    } else if (arg.startsWith('-')) return undefined;
    else files.push(arg);
  }
  const [a, b] = files;
  return files.length === 2 ? { a: a!, b: b!, options } : undefined;
}

/**
 * Reads both inputs (scene folders or label files, every box of every frame materialised, as `convert` reads
 * them) and compares `b` with the reference `a`. Rejects with an Error naming a path that cannot be read.
 */
export async function agreeFiles(args: AgreeArgs): Promise<AgreementReport> {
  const [a, b] = await Promise.all([loadLabelSet(args.a), loadLabelSet(args.b)]);
  return compareLabelSets(a.set, b.set, args.options);
}

/** The report as JSON, numbers to 6 decimals (a millionth of IoU, a micrometre, a microradian is noise). */
export function formatAgreement(report: AgreementReport): string {
  return JSON.stringify(report, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v), 2);
}
