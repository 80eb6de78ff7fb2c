import { createInterface } from 'node:readline/promises';
import type { Card, Reply } from '../../bot/messages';

export type Send = (text: string, actionData: Record<string, unknown> | null) => Promise<Reply[]>;

/** Renders a card as text; its buttons become numbered choices. */
export function renderCard(card: Card): string {
  const facts = card.facts.map((fact) => `  ${fact.label}: ${fact.value}`);
  const buttons = card.buttons.map((button, index) => `[${index + 1}] ${button.label}`).join('  ');
  return [`┌ ${card.title}`, ...facts, buttons ? `  ${buttons}` : ''].filter(Boolean).join('\n');
}

/** A chat in the terminal: each line goes to the core; a number picks a button of the last card. */
export async function runTerminalChat(send: Send, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
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
      }
      output.write('\n');
    }
  } finally {
    lines.close();
  }
}
