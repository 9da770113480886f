import { buildSweepIndex, type SweepIndex, type SweepPositions } from '../core/fit/index';
import type { Mat4 } from '../core/math/mat4';
import type { PointCloud } from '../core/model/point-cloud';

/** Builds a sweep's index elsewhere (a worker, wired in `app/`); resolves with it, transferred. */
export type BuildSweepIndex = (sweep: SweepPositions, egoFromLidar: Mat4) => Promise<SweepIndex>;

/**
 * The ground and grid index of the sweep on screen. Asked of a worker as soon as the frame lands, so that no
 * click, drag or count pays for it on the main thread; built here synchronously only when a click needs it
 * before the worker has answered (the worker's late answer is then dropped). One sweep at a time.
 */
export class SweepIndexCache {
  /** Bumped when an index becomes ready, so that readers waiting for one (counts, label colours) run again. */
  ready = $state(0);
  #current: { cloud: PointCloud; built?: SweepIndex } | undefined;

  constructor(private readonly buildElsewhere?: BuildSweepIndex) {}

  /** Starts building the index of `cloud` elsewhere; nothing when it is built or under way already. */
  request(cloud: PointCloud, egoFromLidar: Mat4): void {
    if (this.#current?.cloud === cloud || !this.buildElsewhere) return;
    const entry: { cloud: PointCloud; built?: SweepIndex } = { cloud };
    this.#current = entry;
    this.buildElsewhere(cloud, egoFromLidar).then(
      (built) => {
        // A newer frame landed, or a click built it here meanwhile: keep what is in use.
        if (this.#current !== entry || entry.built) return;
        entry.built = built;
        this.ready++;
      },
      // The synchronous fallback in `get` still serves every caller.
      () => undefined,
    );
  }

  /** The index of `cloud` if it is ready, never building it; reading `ready` makes callers re-run on arrival. */
  peek(cloud: PointCloud): SweepIndex | undefined {
    void this.ready;
    return this.#current?.cloud === cloud ? this.#current.built : undefined;
  }

  /**
   * The index of `cloud`, built here and now when it is not ready. Safe inside `$derived`: the state it
   * changes is bumped after the current update, not during it.
   */
  get(cloud: PointCloud, egoFromLidar: Mat4): SweepIndex {
    void this.ready;
    if (this.#current?.cloud !== cloud) this.#current = { cloud };
    const entry = this.#current;
    if (!entry.built) {
      entry.built = buildSweepIndex(cloud, egoFromLidar);
      queueMicrotask(() => this.ready++);
    }
    return entry.built;
  }
}
