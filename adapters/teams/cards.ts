import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { Card, Reply } from '../../bot/messages';

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

/** A reply as a Teams message: the text, and the card with the text as its fallback. */
export function toActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  activity.locale = reply.locale;
  if (reply.card) activity.attachments = [toAdaptiveCard(reply.card, reply.text)];
  return activity;
}
