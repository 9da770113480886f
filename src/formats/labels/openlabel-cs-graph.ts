import { identity, multiply } from '../../core/math/mat4';
import { invertAffine } from '../calibration/invert-affine';
import type { ProblemCode } from '../problems/file-problem';
import { matrixOfTransform } from './openlabel-pose';
import type { OpenLabel } from './openlabel-types';

type OnProblem = (code: ProblemCode, place: string, message: string) => void;

/** An edge between two coordinate systems: `aFromB`. */
interface Edge {
  a: string;
  b: string;
  aFromB: number[];
}

/**
 * The coordinate systems of an OpenLABEL file as a graph: each `pose_wrt_parent` links a system to its parent
 * (X_parent = P · X_child), and each frame's `transforms` link `src` and `dst` on that frame (X_dst = M · X_src),
 * replacing a static link between the same two. `transform(target, source, frame)` composes a path between
 * any two connected systems (`targetFromSource`), or gives undefined. Malformed transforms are reported to
 * `onProblem` with their JSON path and left out.
 */
export class CoordinateGraph {
  readonly #static: Edge[] = [];
  readonly #byFrame = new Map<string, Edge[]>();
  readonly parents = new Map<string, string>();

  constructor(ol: OpenLabel, onProblem: OnProblem) {
    for (const [name, cs] of Object.entries(ol.coordinate_systems ?? {})) {
      if (cs.parent) this.parents.set(name, cs.parent);
      if (!cs.parent || !cs.pose_wrt_parent) continue;
      const m = this.#read(() => matrixOfTransform(cs.pose_wrt_parent!), `/openlabel/coordinate_systems/${name}/pose_wrt_parent`, onProblem); // prettier-ignore
      if (m) this.#static.push({ a: cs.parent, b: name, aFromB: m });
    }
    for (const [key, frame] of Object.entries(ol.frames ?? {})) {
      const edges: Edge[] = [];
      for (const [name, t] of Object.entries(frame.frame_properties?.transforms ?? {})) {
        const where = `/openlabel/frames/${key}/frame_properties/transforms/${name}`;
        if (typeof t?.src !== 'string' || typeof t.dst !== 'string') {
          onProblem('openlabel.transform.malformed', where, 'needs src and dst');
          continue;
        }
        const m = this.#read(() => matrixOfTransform(t.transform_src_to_dst), `${where}/transform_src_to_dst`, onProblem); // prettier-ignore
        if (m) edges.push({ a: t.dst, b: t.src, aFromB: m });
      }
      if (edges.length > 0) this.#byFrame.set(key, edges);
    }
  }

  /** The systems that frame `frame` links by its own transforms. */
  linkedOn(frame: string): { a: string; b: string }[] {
    return this.#byFrame.get(frame) ?? [];
  }

  /** `targetFromSource` on `frame` (its transforms first, then the static poses), or undefined when not linked. */
  transform(target: string, source: string, frame?: string): number[] | undefined {
    if (target === source) return identity();
    const own = frame === undefined ? [] : (this.#byFrame.get(frame) ?? []);
    const same = (e: Edge, f: Edge) => (e.a === f.a && e.b === f.b) || (e.a === f.b && e.b === f.a);
    const edges = [...own, ...this.#static.filter((e) => !own.some((f) => same(e, f)))];
    // Breadth-first from the source; each step carries `nodeFromSource`.
    const reached = new Map<string, number[]>([[source, identity()]]);
    const queue = [source];
    while (queue.length > 0) {
      const node = queue.shift()!;
      const nodeFromSource = reached.get(node)!;
      for (const e of edges) {
        const [next, nextFromNode] =
          e.b === node ? [e.a, e.aFromB] : e.a === node ? [e.b, invertAffine(e.aFromB)] : [undefined, undefined];
        if (next === undefined || reached.has(next)) continue;
        reached.set(next, multiply(nextFromNode!, nodeFromSource));
        if (next === target) return reached.get(next);
        queue.push(next);
      }
    }
    return undefined;
  }

  #read(f: () => number[], path: string, onProblem: OnProblem): number[] | undefined {
    try {
      const m = f();
      invertAffine(m);
      return m;
    } catch (error) {
      onProblem('openlabel.transform.malformed', path, (error as Error).message);
      return undefined;
    }
  }
}
