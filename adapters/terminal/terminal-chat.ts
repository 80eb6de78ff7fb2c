import { createInterface } from 'node:readline/promises';
import type { Card, Reply } from '../../bot/messages';
import { deliveryText } from '../phrases';
import { replyAttachments } from '../reply-attachments';
import { saveAttachment } from './save-attachment';

export type Send = (text: string, actionData: Record<string, unknown> | null) => Promise<Reply[]>;

/** Renders a card as text; its buttons become numbered choices. */
export function renderCard(card: Card): string {
  const facts = card.facts.map((fact) => `  ${fact.label}: ${fact.value}`);
  const buttons = card.buttons.map((button, index) => `[${index + 1}] ${button.label}`).join('  ');
  return [`┌ ${card.title}`, ...facts, buttons ? `  ${buttons}` : ''].filter(Boolean).join('\n');
}

export interface TerminalChatOptions {
  /** Where reply files are written; the current directory by default. */
  downloadDir?: string;
}

/**
 * A chat in the terminal: each line goes to the core; a number picks a button of the last card.
 * Reply files are written into the download folder, and their paths printed.
 */
export async function runTerminalChat(
  send: Send,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: TerminalChatOptions = {},
): Promise<void> {
  const downloadDir = options.downloadDir ?? process.cwd();
  const lines = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  let buttons: Card['buttons'] = [];
  output.write('Logbook chat. Type "help" to start, Ctrl+D to quit.\n');
  try {
    for await (const line of lines) {
      const text = line.trim();
      if (!text) continue;
      const choice = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
      const replies = choice ? await send('', choice.data) : await send(text, null);
      for (const reply of replies) {
        output.write(`\n${reply.text}\n`);
        if (reply.card) {
          output.write(`${renderCard(reply.card)}\n`);
          buttons = reply.card.buttons;
        }
        for (const file of replyAttachments(reply)) {
          try {
            const path = await saveAttachment(downloadDir, file);
            output.write(`${deliveryText(reply.locale, 'attachmentSaved', { description: file.description, path })}\n`);
          } catch {
            output.write(`${deliveryText(reply.locale, 'attachmentFailed', { filename: file.filename })}\n`);
          }
        }
      }
      output.write('\n');
    }
  } finally {
    lines.close();
  }
}
