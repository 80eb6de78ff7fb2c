/** What a loopback fake answers to one call: its normal answer, an error status, or nothing at all. */
export type ScriptedAnswer = 'ok' | 'hang' | { status: number; retryAfter?: number };

/** Answers scripted per key (a Web API method, a path), used up in order; then the fake answers normally. */
export class AnswerScript {
  private readonly scripts = new Map<string, ScriptedAnswer[]>();

  /** The next calls of `key` get these answers, in order (after any scripted before). */
  add(key: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(key, [...(this.scripts.get(key) ?? []), ...answers]);
  }

  /** The answer for a call of the first key that has one waiting; 'ok' when none has. */
  next(...keys: string[]): ScriptedAnswer {
    for (const key of keys) {
      const waiting = this.scripts.get(key);
      if (waiting?.length) return waiting.shift()!;
    }
    return 'ok';
  }

  /** Scripted answers not used yet. */
  pending(key: string): number {
    return this.scripts.get(key)?.length ?? 0;
  }
}
