/** Messages a loopback fake received, by conversation, for the bench users who wait on them. */
export class Mailboxes<Message> {
  private readonly boxes = new Map<string, Message[]>();
  private readonly waiters = new Map<string, (message: Message) => void>();

  deliver(conversation: string, message: Message): void {
    const waiter = this.waiters.get(conversation);
    if (waiter) {
      this.waiters.delete(conversation);
      waiter(message);
      return;
    }
    const box = this.boxes.get(conversation) ?? [];
    box.push(message);
    this.boxes.set(conversation, box);
  }

  /** The next message to `conversation`; rejects after `timeoutMs` (a reply that never came). */
  next(conversation: string, timeoutMs: number): Promise<Message> {
    const waiting = this.boxes.get(conversation)?.shift();
    if (waiting) return Promise.resolve(waiting);
    if (this.waiters.has(conversation)) return Promise.reject(new Error(`two waiters on ${conversation}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(conversation);
        reject(new Error(`no reply in ${conversation} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(conversation, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }

  /** Messages to `conversation` that nobody has taken yet. */
  unread(conversation: string): Message[] {
    return [...(this.boxes.get(conversation) ?? [])];
  }
}
