import { randomUUID } from 'node:crypto';
import type { Reply } from '../../bot/messages';
import { postJson } from './app';

/** A user of the local web chat, talking to a running app over HTTP. */
export class ChatUser {
  constructor(
    private baseUrl: string,
    readonly user: string = `user-${randomUUID()}`,
    readonly locale: string = 'en-GB',
  ) {}

  retarget(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  async say(text: string, messageId: string = randomUUID()): Promise<Reply[]> {
    return this.send({ text, messageId });
  }

  /** Presses a button of the last card that has one with this action. */
  async press(replies: Reply[], action: string, messageId: string = randomUUID()): Promise<Reply[]> {
    const button = replies.flatMap((r) => r.card?.buttons ?? []).find((b) => b.data.action === action);
    if (!button) throw new Error(`no "${action}" button in ${JSON.stringify(replies)}`);
    return this.send({ text: '', actionData: button.data, messageId });
  }

  async send(message: { text: string; actionData?: Record<string, unknown>; messageId?: string }): Promise<Reply[]> {
    const { status, body } = await postJson(`${this.baseUrl}/api/local/messages`, {
      user: this.user,
      locale: this.locale,
      ...message,
    });
    if (status !== 200) throw new Error(`local chat answered ${status}: ${JSON.stringify(body)}`);
    return body.replies as Reply[];
  }
}

export const texts = (replies: Reply[]): string => replies.map((r) => r.text).join('\n');
export const fact = (replies: Reply[], label: string): string | undefined =>
  replies.flatMap((r) => r.card?.facts ?? []).find((f) => f.label === label)?.value;
