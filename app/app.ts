import type { Server } from 'node:http';
import type restify from 'restify';
import { createHttpServer } from '../adapters/http/server';
import { createDownloads } from '../adapters/http/downloads';
import { registerHealthRoute } from '../adapters/http/health';
import { registerStaticPages } from '../adapters/http/static-pages';
import { registerWebChat } from '../adapters/local/web-chat';
import { createPgBossQueue } from '../adapters/slack/pg-boss-queue';
import { createSlackChannel } from '../adapters/slack/slack-channel';
import { registerTabPage } from '../adapters/tab/page';
import { registerTabRoutes } from '../adapters/tab/routes';
import { createTeamsSsoValidator } from '../adapters/tab/teams-sso';
import { createTeamsChannel } from '../adapters/teams/teams-channel';
import { createCore, type Core } from '../bot/core';
import { createRateLimit } from '../bot/rate-limit';
import { createDashboard } from '../bot/dashboard/service';
import { migrate, openDatabase, type Database } from '../storage/database';
import { createAdminStore } from '../storage/admin-store';
import { createConversationStore } from '../storage/conversation-store';
import { createDashboardStore } from '../storage/dashboard-store';
import { createDirectoryStore } from '../storage/directory-store';
import { createEntryStore } from '../storage/entry-store';
import { createReportStore } from '../storage/report-store';
import { createReplyDeliveries } from '../storage/reply-deliveries';
import { createScheduleStore } from '../storage/schedule-store';
import { notesSummariserFromConfig, reportInterpreterFromConfig, understandFromConfig } from './understanding';
import { createJobScheduler, type JobScheduler } from './jobs';
import { scheduledJobs } from './scheduled-jobs';
import { ensureOrganisation } from '../storage/organisations';
import type { Config } from './config';
import { createNotifier, type ProactiveSender } from './notifier';
import type { Notifier, Stores } from '../bot/ports';
import type { Logger } from './logger';

/** The organisation whose mentor the local web chat and terminal user is. */
export const LOCAL_ORGANISATION = 'Demo';

export interface RunningApp {
  url: string;
  database: Database;
  core: Core;
  /** Cron jobs (retention) through pg-boss; one instance runs each. */
  jobs: JobScheduler;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Opens the database named by the config, migrates it and provisions the local organisation.
 * `dataDir` null keeps embedded PGlite in memory.
 */
export async function openAppDatabase(
  config: Config,
  logger: Logger,
  dataDir: string | null = config.LOGBOOK_DATA_DIR,
): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir, queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_SECONDS * 1000 });
  try {
    const applied = await migrate(database);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    if (config.LOCAL_CHAT) {
      await ensureOrganisation(database.dataSource, { name: LOCAL_ORGANISATION, timeZone: config.LOGBOOK_TIME_ZONE });
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The stores behind bot/ports.ts on the database. */
export function createAppStores(database: Database): Stores {
  const { dataSource } = database;
  return {
    directory: createDirectoryStore(dataSource),
    entries: createEntryStore(dataSource),
    conversations: createConversationStore(dataSource, database.queryTimeoutMs),
    admin: createAdminStore(dataSource),
    reports: createReportStore(dataSource),
    schedules: createScheduleStore(dataSource),
    dashboard: createDashboardStore(dataSource),
  };
}

export function createAppCore(config: Config, database: Database, logger: Logger, notifier?: Notifier, stores: Stores = createAppStores(database)): Core {
  return createCore({
    notifier,
    stores,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    rateLimit: createRateLimit(config.RATE_LIMIT_PER_MINUTE),
    understand: understandFromConfig(config, logger),
    interpretReportQuestion: reportInterpreterFromConfig(config, logger),
    summariseNotes: notesSummariserFromConfig(config, logger),
    logger,
    openSignup: config.LOGBOOK_OPEN_SIGNUP,
    defaultTimeZone: config.LOGBOOK_TIME_ZONE,
  });
}

/** Starts the HTTP service on an open database. */
export async function startApp(config: Config, logger: Logger, database: Database): Promise<RunningApp> {
  // Proactive messages go out through the channels, which are created after the core.
  const senders = new Map<string, ProactiveSender>();
  const notifier = createNotifier(database.dataSource, senders, logger);
  const stores = createAppStores(database);
  const core = createAppCore(config, database, logger, notifier, stores);
  const server = createHttpServer({ logger, maxBodyBytes: config.MAX_BODY_BYTES });
  registerHealthRoute(server, database);
  const downloads = await createDownloads(database.dataSource, { secret: config.LOGBOOK_LINK_SECRET, publicBaseUrl: config.PUBLIC_BASE_URL });
  downloads.register(server);
  registerTabPage(server);
  registerTabRoutes(server, createDashboard({ stores }), {
    logger,
    validateTeamsToken: createTeamsSsoValidator({
      jwksUrl: config.TEAMS_SSO_JWKS_URL,
      audiences: [config.TEAMS_SSO_AUDIENCE, config.TEAMS_SSO_CLIENT_ID].filter((audience): audience is string => !!audience),
    }),
  });
  registerStaticPages(server, {
    '/privacy': 'adapters/http/public/privacy.html',
    '/terms': 'adapters/http/public/terms.html',
    ...(config.LOCAL_CHAT ? {} : { '/chat.css': 'adapters/local/public/chat.css' }),
  });
  if (config.LOCAL_CHAT) registerWebChat(server, core, LOCAL_ORGANISATION, downloads.publisher);
  const teams = createTeamsChannel(
    {
      appId: config.MicrosoftAppId,
      appPassword: config.MicrosoftAppPassword,
      appType: config.MicrosoftAppType,
      appTenantId: config.MicrosoftAppTenantId,
      slowReplyMs: config.TEAMS_SLOW_REPLY_MS,
      downloads: downloads.publisher,
    },
    core,
    logger,
  );
  teams.register(server);
  senders.set('teams', teams.sender);
  const slack =
    config.SLACK_SIGNING_SECRET && config.SLACK_BOT_TOKEN
      ? createSlackChannel(
          {
            signingSecret: config.SLACK_SIGNING_SECRET,
            botToken: config.SLACK_BOT_TOKEN,
            apiUrl: config.SLACK_API_URL,
            maxBodyBytes: config.MAX_BODY_BYTES,
            createQueue: (handle) =>
              createPgBossQueue(database.dataSource, handle, logger, {
                expireInSeconds: config.SLACK_JOB_EXPIRE_SECONDS,
                concurrency: config.SLACK_JOB_CONCURRENCY,
                maintenanceIntervalSeconds: config.JOB_MAINTENANCE_SECONDS,
              }),
            deliveries: createReplyDeliveries(database.dataSource, 'slack'),
          },
          core,
          logger,
        )
      : null;
  slack?.register(server);
  if (slack) senders.set('slack', slack.sender);
  if (!slack) logger.info('SLACK_SIGNING_SECRET or SLACK_BOT_TOKEN not set: the Slack routes are off');
  server.on('error', (error: Error) => logger.error({ err: error }, 'HTTP server error'));
  if (!config.MicrosoftAppId) logger.warn('MicrosoftAppId is not set: /api/messages accepts unauthenticated requests (local use only)');
  // The Slack queue (pg-boss) must run before requests can be acknowledged.
  await slack?.start();
  const jobs = createJobScheduler(database.dataSource, logger, scheduledJobs(database.dataSource, logger, notifier), {
    timeZone: config.LOGBOOK_TIME_ZONE,
    maintenanceIntervalSeconds: config.JOB_MAINTENANCE_SECONDS,
  });
  try {
    await jobs.start();
    await listen(server, config.PORT, config.HOST);
  } catch (error) {
    await jobs.stop();
    await slack?.stop();
    throw error;
  }
  const address = server.address();
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${address.port}`;
  logger.info({ url, engine: database.engine }, 'logbook-bot is listening');
  return {
    url,
    database,
    core,
    jobs,
    async stop() {
      await closeServer(server.server);
      await teams.drain();
      await slack?.stop();
      await jobs.stop();
      await core.drain?.();
      await database.close();
    },
  };
}

/** The port cannot be listened on; the message says which and what to do. */
export class ListenError extends Error {}

function listen(server: restify.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // restify re-emits the node server's errors on itself.
    const fail = (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is in use by another program; set PORT to a free port' : error.message;
      reject(new ListenError(`Cannot listen on ${host}:${port}: the port ${reason}`));
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
