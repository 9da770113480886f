import { problemPlace, type FileProblem, type ProblemCode } from './file-problem';

/** Every problem of one code: how many, the first one's message, and where the first few are. */
export interface ProblemGroup {
  code: ProblemCode;
  count: number;
  /** The first problem's message; the others of the code say the same with other numbers. */
  message: string;
  /** `file` or `file place` of the first problems, at most `PLACES_SHOWN`. */
  places: string[];
}

/** How many places a group names: enough to find the first cases, few enough for one line. */
export const PLACES_SHOWN = 3;

/**
 * One group per code, in the order each code was first seen, so that 400 DontCare regions read as one line
 * with a count instead of 400 lines. Pure; keeps no more than `PLACES_SHOWN` places per group.
 */
export function groupProblems(problems: readonly FileProblem[]): ProblemGroup[] {
  const groups = new Map<ProblemCode, ProblemGroup>();
  for (const problem of problems) {
    const group = groups.get(problem.code);
    if (!group) {
      groups.set(problem.code, { code: problem.code, count: 1, message: problem.message, places: [problemPlace(problem)] }); // prettier-ignore
      continue;
    }
    group.count++;
    if (group.places.length < PLACES_SHOWN) group.places.push(problemPlace(problem));
  }
  return [...groups.values()];
}

/**
 * Groups as display lines, `<code> ×<count>: <message> (<places>[, …])`, for stored export records and plain
 * logs; the app's dialogs lay groups out themselves in the user's language.
 */
export function formatProblemGroups(groups: readonly ProblemGroup[]): string[] {
  return groups.map((g) => {
    const more = g.count > g.places.length ? ', …' : '';
    return `${g.code} ×${g.count}: ${g.message} (${g.places.join(', ')}${more})`;
  });
}
