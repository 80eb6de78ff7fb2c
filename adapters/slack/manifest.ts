/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest) for logbook-bot, and
 * `npm run package:slack`, which writes it to build/slack-manifest.json from an https PUBLIC_BASE_URL.
 * Paste the file into "Create an app → From a manifest" at https://api.slack.com/apps.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from '../../app/paths';
import { SLACK_ROUTES } from './slack-channel';

export const SLACK_BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history', 'users:read', 'users:read.email'] as const;
export const SLACK_BOT_EVENTS = ['app_mention', 'message.im'] as const;

export class SlackManifestError extends Error {}

/** The base URL without a trailing slash; only https, which Slack requires for request URLs. */
export function readPublicBaseUrl(env: NodeJS.ProcessEnv): string {
  const value = env.PUBLIC_BASE_URL?.trim();
  if (!value) throw new SlackManifestError('Invalid configuration: PUBLIC_BASE_URL: is not set: give the https URL where the bot is reachable, e.g. https://logbook.example.org');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SlackManifestError('Invalid configuration: PUBLIC_BASE_URL: must be an https:// URL');
  }
  if (url.protocol !== 'https:') throw new SlackManifestError('Invalid configuration: PUBLIC_BASE_URL: must be an https:// URL (for local try-outs, an https tunnel URL)');
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

export function buildSlackManifest(publicBaseUrl: string, displayName = 'Logbook'): Record<string, unknown> {
  return {
    display_information: {
      name: displayName,
      description: 'Log youth work sessions in a chat message',
      long_description:
        'Logbook lets youth workers log their sessions by writing a short message. It asks for what is missing, shows a summary to confirm, and answers report questions for mentors and managers.',
      background_color: '#2b5797',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: displayName, always_online: true },
      slash_commands: [
        {
          command: '/logbook',
          url: `${publicBaseUrl}${SLACK_ROUTES.commands}`,
          description: 'Log a session or ask Logbook',
          usage_hint: '[message, or help]',
          // Escaped, so an @mention arrives as <@U123|name> and a mentor can add a colleague with it.
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: { request_url: `${publicBaseUrl}${SLACK_ROUTES.events}`, bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, request_url: `${publicBaseUrl}${SLACK_ROUTES.interactions}` },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

/** Writes the manifest and returns its path. */
export async function writeSlackManifest(env: NodeJS.ProcessEnv = process.env, outFile?: string): Promise<string> {
  const manifest = buildSlackManifest(readPublicBaseUrl(env));
  const target = outFile ?? join(projectRoot(), 'build', 'slack-manifest.json');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, JSON.stringify(manifest, null, 2) + '\n');
  return target;
}

async function main(): Promise<void> {
  try {
    const outFile = await writeSlackManifest();
    console.log(`Wrote ${relative(process.cwd(), outFile) || outFile}`);
  } catch (error) {
    if (!(error instanceof SlackManifestError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
