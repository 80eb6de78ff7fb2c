/** Records the calls a loopback fake receives, and waits for one that matches. */
export class CallRecorder<Call> {
  readonly calls: Call[] = [];
  private waiters: (() => void)[] = [];

  constructor(private readonly what: string) {}

  protected record(call: Call): void {
    this.calls.push(call);
    this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Resolves once a recorded call matches, or rejects after the timeout. */
  async waitFor(match: (call: Call) => boolean, timeoutMs = 5000): Promise<Call> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching ${this.what} in ${timeoutMs} ms: ${JSON.stringify(this.calls)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
}
