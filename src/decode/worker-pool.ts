import { wrap, releaseProxy, type Remote } from 'comlink';

/**
 * A few workers of one kind behind comlink. Each call goes to the worker with the fewest calls in flight, so
 * a slow frame never queues the next one behind it when another worker is idle.
 */
export class WorkerPool<Api extends object> {
  #workers: { worker: Worker; remote: Remote<Api>; busy: number }[] = [];

  constructor(createWorker: () => Worker, size: number) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = createWorker();
      this.#workers.push({ worker, remote: wrap<Api>(worker), busy: 0 });
    }
  }

  async run<T>(task: (remote: Remote<Api>) => Promise<T>): Promise<T> {
    const slot = this.#workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    try {
      return await task(slot.remote);
    } finally {
      slot.busy--;
    }
  }

  get size(): number {
    return this.#workers.length;
  }

  dispose(): void {
    for (const { worker, remote } of this.#workers) {
      remote[releaseProxy]();
      worker.terminate();
    }
    this.#workers = [];
  }
}

/** One worker per spare core, at least one and at most four (the main thread keeps a core for the UI). */
export function defaultPoolSize(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(1, (hardwareConcurrency ?? 2) - 1));
}
