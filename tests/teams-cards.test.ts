import { toActivity, toAdaptiveCard } from '../adapters/teams/cards';

describe('Adaptive Card rendering', () => {
  const card = {
    title: 'Participants by unit',
    facts: [{ label: 'Kipinä', value: '120' }],
    buttons: [
      { label: 'Save', data: { action: 'save', origin: 'm1', revision: 2 }, style: 'primary' as const },
      { label: 'Cancel', data: { action: 'cancel', origin: 'm1', revision: 2 }, style: 'danger' as const },
    ],
    imageUrl: 'https://logbook.example.org/charts/abc.png',
  };

  it('renders title, facts, a chart image and Action.Submit buttons as Adaptive Card 1.5', () => {
    const attachment = toAdaptiveCard(card, 'fallback text');
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = attachment.content as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(content.version).toBe('1.5');
    expect(content.fallbackText).toBe('fallback text');
    expect(content.body).toEqual([
      expect.objectContaining({ type: 'TextBlock', text: 'Participants by unit' }),
      { type: 'FactSet', facts: [{ title: 'Kipinä', value: '120' }] },
      expect.objectContaining({ type: 'Image', url: 'https://logbook.example.org/charts/abc.png', altText: 'Participants by unit' }),
    ]);
    expect(content.actions).toEqual([
      { type: 'Action.Submit', title: 'Save', data: card.buttons[0].data, style: 'positive' },
      { type: 'Action.Submit', title: 'Cancel', data: card.buttons[1].data, style: 'destructive' },
    ]);
  });

  it('sends the reply text with the card, in the reply language', () => {
    const activity = toActivity({ text: 'Tässä luvut', card, locale: 'fi' });
    expect(activity.text).toBe('Tässä luvut');
    expect(activity.locale).toBe('fi');
    expect(activity.attachments).toHaveLength(1);
  });
});
