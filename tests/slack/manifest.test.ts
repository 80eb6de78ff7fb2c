import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSlackManifest, readPublicBaseUrl, SlackManifestError, writeSlackManifest } from '../../adapters/slack/manifest';

describe('Slack app manifest', () => {
  it('names the bot scopes, events, slash command and interactivity under PUBLIC_BASE_URL', () => {
    const manifest = buildSlackManifest('https://logbook.example.org') as {
      display_information: { name: string };
      features: { bot_user: { display_name: string }; slash_commands: { command: string; url: string }[] };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
    };
    expect(manifest.display_information.name).toBe('Logbook');
    expect(manifest.features.bot_user.display_name).toBe('Logbook');
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history', 'users:read', 'users:read.email']);
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: 'https://logbook.example.org/slack/events', bot_events: ['app_mention', 'message.im'] });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/logbook', url: 'https://logbook.example.org/slack/commands' })]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://logbook.example.org/slack/interactions' });
  });

  it('requires an https PUBLIC_BASE_URL and drops a trailing slash', () => {
    expect(readPublicBaseUrl({ PUBLIC_BASE_URL: 'https://bot.example.org/base/' })).toBe('https://bot.example.org/base');
    expect(() => readPublicBaseUrl({})).toThrow(SlackManifestError);
    expect(() => readPublicBaseUrl({ PUBLIC_BASE_URL: 'http://bot.example.org' })).toThrow(/https/);
    expect(() => readPublicBaseUrl({ PUBLIC_BASE_URL: 'not a url' })).toThrow(SlackManifestError);
  });

  it('writes the manifest as JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slack-manifest-')), 'slack-manifest.json');
    await writeSlackManifest({ PUBLIC_BASE_URL: 'https://bot.example.org' }, file);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.settings.event_subscriptions.request_url).toBe('https://bot.example.org/slack/events');
  });
});
