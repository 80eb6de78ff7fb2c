import type { ActionsBlock, Button, HeaderBlock, ImageBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { Card, Reply } from '../../bot/messages';

/** A message body for chat.postMessage or a response_url: `text` is the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks).
const HEADER_MAX = 150;
const SECTION_TEXT_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_PER_SECTION = 10;
const BUTTON_TEXT_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const BUTTONS_PER_ACTIONS = 25;
const MESSAGE_TEXT_MAX = 40_000;

/** Prefix of every button's action_id; block_actions whose id does not start with it are not ours. */
export const ACTION_ID_PREFIX = 'logbook:';

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Slack mrkdwn needs &, < and > escaped; everything else is shown as written. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The core's neutral card as Block Kit: header, facts as section fields, buttons in an actions block. */
export function cardBlocks(card: Card): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const header: HeaderBlock = { type: 'header', text: { type: 'plain_text', text: clip(card.title || ' ', HEADER_MAX), emoji: true } };
  blocks.push(header);
  for (let start = 0; start < card.facts.length; start += FIELDS_PER_SECTION) {
    const section: SectionBlock = {
      type: 'section',
      fields: card.facts.slice(start, start + FIELDS_PER_SECTION).map((fact) => ({
        type: 'mrkdwn',
        text: clip(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, FIELD_MAX),
      })),
    };
    blocks.push(section);
  }
  if (card.imageUrl) {
    const image: ImageBlock = { type: 'image', image_url: card.imageUrl, alt_text: clip(card.title || 'image', 2000) };
    blocks.push(image);
  }
  // A button whose data does not fit Slack's value limit is left out rather than sent truncated.
  const buttons = card.buttons.slice(0, BUTTONS_PER_ACTIONS).flatMap((button, index): Button[] => {
    const value = JSON.stringify(button.data);
    if (value.length > BUTTON_VALUE_MAX) return [];
    return [{
      type: 'button',
      action_id: `${ACTION_ID_PREFIX}${index}`,
      text: { type: 'plain_text', text: clip(button.label, BUTTON_TEXT_MAX), emoji: true },
      value,
      ...(button.style ? { style: button.style } : {}),
    }];
  });
  if (buttons.length) {
    const actions: ActionsBlock = { type: 'actions', elements: buttons };
    blocks.push(actions);
  }
  return blocks;
}

/** A reply as a Slack message: plain text, or the text above the card with the text as fallback. */
export function toSlackMessage(reply: Reply): SlackMessage {
  const text = clip(reply.text, MESSAGE_TEXT_MAX);
  if (!reply.card) return { text };
  const intro: SectionBlock[] = reply.text.trim()
    ? [{ type: 'section', text: { type: 'mrkdwn', text: clip(escapeMrkdwn(reply.text), SECTION_TEXT_MAX) } }]
    : [];
  return { text, blocks: [...intro, ...cardBlocks(reply.card)] };
}

/** The core's button data back from a block_actions button value; null when it is not ours. */
export function parseButtonValue(actionId: unknown, value: unknown): Record<string, unknown> | null {
  if (typeof actionId !== 'string' || !actionId.startsWith(ACTION_ID_PREFIX) || typeof value !== 'string') return null;
  try {
    const data: unknown = JSON.parse(value);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
