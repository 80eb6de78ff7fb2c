import { z } from 'zod';

/** Microsoft identity platform's signing keys (common endpoint, v2). */
export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be a postgres:// or postgresql:// URL');

const fields = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  /** How long a chat turn's query or a health check waits for the database before the user hears "nothing was saved". */
  DATABASE_QUERY_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(15),
  LOGBOOK_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  LOCAL_CHAT: bool.default(true),
  LOGBOOK_TIME_ZONE: z
    .string()
    .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'must be an IANA time zone such as Europe/Helsinki')
    .default('Europe/Helsinki'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs download links; unset, a random secret kept in the database is shared by every instance. */
  LOGBOOK_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  /** Teams: a turn slower than this answers "working on it" and delivers the result proactively. */
  TEAMS_SLOW_REPLY_MS: z.coerce.number().int().min(100).max(10_000).default(1500),
  LOGBOOK_OPEN_SIGNUP: bool.default(false),
  /** Messages a minute per user before the bot asks them to wait; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(30),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-…)').optional(),
  /** Slack Web API base; tests point it at a loopback fake. */
  SLACK_API_URL: z.url().optional(),
  /** A queued Slack job still active this long after it started (its instance died) is tried again. */
  SLACK_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(300),
  /** Slack jobs an instance handles at once; one conversation's jobs run one after another. */
  SLACK_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  /** How often pg-boss's maintenance looks for expired jobs (and archives finished ones). */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(60 * 60).default(120),
  /** Teams SSO in the dashboard tab: the AAD app id (default MicrosoftAppId). */
  TEAMS_SSO_CLIENT_ID: z.string().min(1).optional(),
  /** The audience of SSO tokens (default api://<host of PUBLIC_BASE_URL>/<client id>, as the manifest's webApplicationInfo). */
  TEAMS_SSO_AUDIENCE: z.string().min(1).optional(),
  /** Signing keys of SSO tokens; tests point it at a loopback JWKS. */
  TEAMS_SSO_JWKS_URL: z.url({ protocol: /^https?$/ }).default(MICROSOFT_JWKS_URL),
});

/** Fills the SSO settings that default to other variables. */
function withSsoDefaults<T extends z.infer<typeof fields>>(config: T) {
  const clientId = config.TEAMS_SSO_CLIENT_ID ?? config.MicrosoftAppId;
  const audience = config.TEAMS_SSO_AUDIENCE ?? (clientId && config.PUBLIC_BASE_URL ? `api://${new URL(config.PUBLIC_BASE_URL).host}/${clientId}` : undefined);
  return { ...config, TEAMS_SSO_CLIENT_ID: clientId, TEAMS_SSO_AUDIENCE: audience };
}

const schema = fields.transform(withSsoDefaults);

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads the configuration; an invalid value throws a ConfigError whose message is one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.join('.');
  throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
}
