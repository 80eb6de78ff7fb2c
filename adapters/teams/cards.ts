import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { Attachment as MessageAttachment, Card, Reply } from '../../bot/messages';

/** The core's neutral card as an Adaptive Card 1.5; buttons are Action.Submit with the core's data. */
export function toAdaptiveCard(card: Card, fallbackText: string): Attachment {
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText,
    body: [
      { type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(card.facts.length ? [{ type: 'FactSet', facts: card.facts.map((f) => ({ title: f.label, value: f.value })) }] : []),
      ...(card.imageUrl ? [{ type: 'Image', url: card.imageUrl, altText: card.title, size: 'Stretch' }] : []),
    ],
    actions: card.buttons.map((button) => ({
      type: 'Action.Submit',
      title: button.label,
      data: button.data,
      ...(button.style === 'primary' ? { style: 'positive' } : button.style === 'danger' ? { style: 'destructive' } : {}),
    })),
  });
}

/** A chart or other image as an Adaptive Card Image; the description is its alt text. */
export function imageCard(url: string, description: string): Attachment {
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: description,
    body: [{ type: 'Image', url, altText: description, size: 'Stretch' }],
  });
}

/** An image sent inside the message as a data: URI, which Bot Framework allows for Teams. */
export function inlineImage(file: MessageAttachment): Attachment {
  return { contentType: file.contentType, contentUrl: `data:${file.contentType};base64,${Buffer.from(file.data).toString('base64')}`, name: file.filename };
}

/** A file to download: its description and name, and a button that opens the signed link. */
export function fileCard(file: MessageAttachment, url: string, buttonLabel: string): Attachment {
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${file.description}: ${url}`,
    body: [
      { type: 'TextBlock', text: file.description, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: file.filename, isSubtle: true, spacing: 'None', wrap: true },
    ],
    actions: [{ type: 'Action.OpenUrl', title: buttonLabel, url, tooltip: `${buttonLabel}: ${file.filename}` }],
  });
}

/** What a reply's files became: attachments for the message, and notes added to its text. */
export interface RenderedFiles {
  attachments: Attachment[];
  notes: string[];
}

/** A reply as a Teams message: the text (and notes), the card with the text as its fallback, then the files. */
export function toActivity(reply: Reply, files: RenderedFiles = { attachments: [], notes: [] }): Partial<Activity> {
  const activity = MessageFactory.text([reply.text, ...files.notes].filter(Boolean).join('\n\n'));
  activity.locale = reply.locale;
  const attachments = [...(reply.card ? [toAdaptiveCard(reply.card, reply.text)] : []), ...files.attachments];
  if (attachments.length) activity.attachments = attachments;
  return activity;
}
