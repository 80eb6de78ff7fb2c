import { cardBlocks, parseButtonValue, toSlackMessage } from '../../adapters/slack/blocks';
import { commandToJob, eventToJob, interactionToJob, plainText } from '../../adapters/slack/payloads';
import type { Card } from '../../bot/messages';

const TEAM = 'T0001';
const BOT = 'UBOT0001';

const card: Card = {
  title: 'Log summary',
  facts: [
    { label: 'Date', value: '27 Nov 2026' },
    { label: 'Work form', value: 'Outreach <street> & more' },
  ],
  buttons: [
    { label: 'Save', data: { action: 'save', origin: 'm1', revision: 2 }, style: 'primary' },
    { label: 'Edit', data: { action: 'edit', origin: 'm1', revision: 2 } },
    { label: 'Cancel', data: { action: 'cancel', origin: 'm1', revision: 2 }, style: 'danger' },
  ],
};

function dm(event: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type: 'event_callback',
    team_id: TEAM,
    event_id: 'Ev001',
    authorizations: [{ team_id: TEAM, user_id: BOT, is_bot: true }],
    event: { type: 'message', channel_type: 'im', channel: 'D001', user: 'U001', text: 'hello', ts: '1700000000.000100', client_msg_id: 'c-1', ...event },
    ...extra,
  };
}

describe('Block Kit rendering', () => {
  it('renders a card as header, fact fields and an actions block of buttons carrying the data', () => {
    const blocks = cardBlocks(card);
    expect(blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Log summary', emoji: true } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Date*\n27 Nov 2026' },
          { type: 'mrkdwn', text: '*Work form*\nOutreach &lt;street&gt; &amp; more' },
        ],
      },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'logbook:0', text: { type: 'plain_text', text: 'Save', emoji: true }, value: JSON.stringify(card.buttons[0].data), style: 'primary' },
          { type: 'button', action_id: 'logbook:1', text: { type: 'plain_text', text: 'Edit', emoji: true }, value: JSON.stringify(card.buttons[1].data) },
          { type: 'button', action_id: 'logbook:2', text: { type: 'plain_text', text: 'Cancel', emoji: true }, value: JSON.stringify(card.buttons[2].data), style: 'danger' },
        ],
      },
    ]);
  });

  it('uses the reply text as the fallback and above the card, and sends plain replies as text only', () => {
    const message = toSlackMessage({ text: 'Shall I save it?', card, locale: 'en' });
    expect(message.text).toBe('Shall I save it?');
    expect(message.blocks?.[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Shall I save it?' } });
    expect(message.blocks?.[1]).toMatchObject({ type: 'header' });
    expect(toSlackMessage({ text: 'Saved', locale: 'en' })).toEqual({ text: 'Saved' });
  });

  it('keeps within Block Kit limits: 10 fields a section, 150-character headers', () => {
    const many: Card = { title: 'x'.repeat(200), facts: Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: 'v' })), buttons: [] };
    const blocks = cardBlocks(many);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect((blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    expect((blocks[1] as { fields: unknown[] }).fields).toHaveLength(10);
  });

  it('parses button values back, and ignores actions that are not ours', () => {
    expect(parseButtonValue('logbook:0', JSON.stringify({ action: 'save' }))).toEqual({ action: 'save' });
    expect(parseButtonValue('other', JSON.stringify({ action: 'save' }))).toBeNull();
    expect(parseButtonValue('logbook:0', 'not json')).toBeNull();
    expect(parseButtonValue('logbook:0', '[1]')).toBeNull();
  });
});

describe('Slack payload mapping', () => {
  it('maps a DM to the core: team → tenant, channel → conversation, client_msg_id → messageId, address', () => {
    const job = eventToJob(dm({ text: 'Group &amp; talk about <https://example.org|school>' }));
    expect(job).toMatchObject({
      key: `message:${TEAM}:c-1`,
      target: { kind: 'post', channel: 'D001', threadTs: null },
      incoming: {
        channel: 'slack',
        tenant: TEAM,
        user: { id: 'U001' },
        conversation: { id: 'D001', kind: 'personal', thread: null },
        text: 'Group & talk about school',
        messageId: 'c-1',
        address: { channel: 'D001', thread_ts: null, team: TEAM },
      },
    });
  });

  it('keeps a threaded message in its thread', () => {
    const job = eventToJob(dm({ thread_ts: '1700000000.000001' }));
    expect(job?.incoming.conversation.thread).toBe('1700000000.000001');
    expect(job?.target).toEqual({ kind: 'post', channel: 'D001', threadTs: '1700000000.000001' });
  });

  it('strips the bot mention from app_mention text', () => {
    const job = eventToJob(dm({ type: 'app_mention', channel_type: undefined, channel: 'C001', text: `<@${BOT}> help` }));
    expect(job?.incoming.text).toBe('help');
    expect(job?.incoming.conversation).toEqual({ id: 'C001', kind: 'channel', thread: null });
    expect(plainText('<@UOTHER> hi <@UBOT0001|logbook>', BOT)).toBe('@UOTHER hi');
  });

  it.each([
    ['a bot message', { bot_id: 'B001', subtype: 'bot_message' }],
    ['a message from an app with bot_id only', { bot_id: 'B001' }],
    ['the bot user itself', { user: BOT }],
    ['an edit', { subtype: 'message_changed' }],
    ['a join', { subtype: 'channel_join' }],
    ['a message outside DMs', { channel_type: 'channel' }],
  ])('ignores %s', (_name, event) => {
    expect(eventToJob(dm(event))).toBeNull();
  });

  it('maps a slash command, answered through its response_url', () => {
    const form = new URLSearchParams({
      team_id: TEAM, team_domain: 'youth', channel_id: 'C002', channel_name: 'general', user_id: 'U001', user_name: 'anna',
      command: '/logbook', text: 'help', response_url: 'https://hooks.slack.com/commands/x', trigger_id: 'tr-1',
    });
    expect(commandToJob(form)).toMatchObject({
      key: `command:${TEAM}:tr-1`,
      target: { kind: 'response_url', url: 'https://hooks.slack.com/commands/x' },
      incoming: { tenant: TEAM, text: 'help', messageId: 'tr-1', conversation: { id: 'C002', kind: 'channel' } },
    });
  });

  it('maps a block_actions button to actionData, in the card thread', () => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U001', team_id: TEAM, name: 'anna' },
      team: { id: TEAM },
      channel: { id: 'D001' },
      container: { type: 'message', channel_id: 'D001', message_ts: '1700000001.000200', is_ephemeral: false },
      message: { ts: '1700000001.000200', thread_ts: '1700000000.000001' },
      trigger_id: 'tr-2',
      response_url: 'https://hooks.slack.com/actions/x',
      actions: [{ type: 'button', action_id: 'logbook:0', value: JSON.stringify({ action: 'save', origin: 'm1', revision: 2 }), action_ts: '1700000002.1' }],
    };
    expect(interactionToJob(payload)).toMatchObject({
      target: { kind: 'post', channel: 'D001', threadTs: '1700000000.000001' },
      incoming: { text: '', actionData: { action: 'save', origin: 'm1', revision: 2 }, messageId: 'tr-2', conversation: { id: 'D001', thread: '1700000000.000001' } },
    });
    expect(interactionToJob({ ...payload, container: { ...payload.container, is_ephemeral: true } })?.target).toEqual({
      kind: 'response_url',
      url: 'https://hooks.slack.com/actions/x',
    });
    expect(interactionToJob({ ...payload, type: 'view_submission' })).toBeNull();
    expect(interactionToJob({ ...payload, actions: [{ action_id: 'foreign', value: '{}' }] })).toBeNull();
    // Found by the fuzz run: a response_url that is no address made the job fail after the ack; the card's thread takes the reply.
    expect(interactionToJob({ ...payload, container: { ...payload.container, is_ephemeral: true }, response_url: 'not a url' })?.target).toMatchObject({ kind: 'post' });
  });

  // Found by the fuzz run: each of these made the queued work fail after Slack had its 200.
  it.each([['no address', 'not a url'], ['another scheme', 'ftp://hooks.slack.com/x'], ['a JSON value', '{}']])(
    'drops a slash command whose response_url is %s',
    (_name, responseUrl) => {
      const form = new URLSearchParams({ team_id: TEAM, channel_id: 'C002', user_id: 'U001', text: 'help', response_url: responseUrl, trigger_id: 'tr-1' });
      expect(commandToJob(form)).toBeNull();
    },
  );

  // Found by the fuzz run: ids are keys of unique indexes, whose rows PostgreSQL keeps under 2.7 kB.
  it('drops work whose team, user or channel id is longer than any Slack id', () => {
    const long = 'U'.repeat(600);
    expect(eventToJob(dm({ user: long }))).toBeNull();
    expect(eventToJob(dm({}, { team_id: long }))).toBeNull();
    const form = new URLSearchParams({ team_id: TEAM, channel_id: long, user_id: 'U001', text: 'help', response_url: 'https://hooks.slack.com/x', trigger_id: 'tr-1' });
    expect(commandToJob(form)).toBeNull();
    // A long client_msg_id is only a worse key: the event's own id is used instead.
    expect(eventToJob(dm({ client_msg_id: long }))?.incoming.messageId).toBe('Ev001');
    // A "mention" of a user id longer than Slack's stays text: it would be a channel identity no index keeps.
    expect(eventToJob(dm({ text: `add <@U${'A'.repeat(2000)}> as manager` }))?.incoming.mentions).toEqual([]);
  });
});
