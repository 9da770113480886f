/**
 * One question an import can be waiting on, answered from the scenes dialog: `ask` resolves with the answer,
 * and a cancelled import (`signal`) answers `cancelled`. Asking again answers the question before `cancelled`.
 */
export class Question<Ask, Answer> {
  pending = $state.raw<Ask | undefined>(undefined);
  #answer: ((answer: Answer) => void) | undefined;

  constructor(private readonly cancelled: Answer) {}

  ask(question: Ask, signal: AbortSignal): Promise<Answer> {
    this.answer(this.cancelled);
    return new Promise((resolve) => {
      this.pending = question;
      this.#answer = resolve;
      signal.addEventListener('abort', () => this.answer(this.cancelled), { once: true });
    });
  }

  answer(answer: Answer): void {
    const resolve = this.#answer;
    this.#answer = undefined;
    this.pending = undefined;
    resolve?.(answer);
  }
}
