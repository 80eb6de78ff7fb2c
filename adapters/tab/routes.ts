/**
 * The dashboard page's JSON API (contract: /api/tab/*). The handlers only authenticate and translate HTTP to
 * the core's dashboard use cases and back; the core checks every role. Answers are never cached.
 */
import type restify from 'restify';
import type { Logger } from '../../app/logger';
import type { Dashboard } from '../../bot/dashboard/service';
import type { DashboardAsker, DashboardError, DashboardResult } from '../../bot/dashboard/result';
import { t } from '../../bot/i18n';
import { parseLocale, type Locale } from '../../bot/locale';
import type { TeamsSsoValidator } from './teams-sso';

export interface TabRouteOptions {
  logger: Logger;
  /** Checks a Teams SSO token; null for an invalid one. */
  validateTeamsToken: TeamsSsoValidator;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;
type SignedInHandler = (asker: DashboardAsker, req: restify.Request, res: restify.Response) => Promise<void>;

const STATUS: Record<DashboardError, number> = { forbidden: 403, invalid: 400, notFound: 404, personalData: 400 };

export function registerTabRoutes(server: restify.Server, dashboard: Dashboard, options: TabRouteOptions): void {
  const { logger } = options;

  /** no-store on every answer; a failure is logged and answered 500 in the request's language. */
  function api(handler: Handler): Handler {
    return async (req, res) => {
      res.header('Cache-Control', 'no-store');
      try {
        await handler(req, res);
      } catch (error) {
        logger.error({ err: error, url: req.getPath() }, 'dashboard request failed');
        if (!res.headersSent) res.send(500, { error: 'unavailable', message: t(requestLocale(req) ?? 'en', 'unavailable') });
      }
    };
  }

  /** The session middleware: the handler runs for a valid session only; anything else is 401. */
  function signedIn(handler: SignedInHandler): Handler {
    return api(async (req, res) => {
      const lang = requestLocale(req);
      const asker = await dashboard.authenticate(bearerToken(req), lang);
      if (!asker) {
        res.send(401, { error: 'unauthenticated', message: t(lang ?? 'en', 'dashboardSessionExpired') });
        return;
      }
      await handler(asker, req, res);
    });
  }

  server.post(
    '/api/tab/session',
    api(async (req, res) => {
      const lang = requestLocale(req);
      const body = (req.body ?? {}) as { signInToken?: unknown };
      const bearer = bearerToken(req);
      if (body.signInToken !== undefined) {
        const answer = await dashboard.signInWithLink(body.signInToken, lang);
        if (answer) res.send(200, answer);
        else res.send(401, { error: 'unauthenticated', message: t(lang ?? 'en', 'dashboardSignInFailed') });
        return;
      }
      if (!bearer) {
        res.send(400, { error: 'invalid', message: t(lang ?? 'en', 'dashboardInvalidField', { field: 'signInToken' }) });
        return;
      }
      const user = await options.validateTeamsToken(bearer);
      const answer = user ? await dashboard.signInWithTeams(user, lang) : null;
      if (answer) res.send(200, answer);
      else res.send(401, { error: 'unauthenticated', message: t(lang ?? 'en', 'dashboardTeamsSignInFailed') });
    }),
  );

  server.get('/api/tab/me', signedIn(async (asker, _req, res) => sendResult(res, await dashboard.me(asker))));

  server.get(
    '/api/tab/overview',
    signedIn(async (asker, req, res) => {
      const result = await dashboard.overview(asker, query(req));
      if (!result.ok) return sendResult(res, result);
      const { chartFilters, ...overview } = result.value;
      const lang = requestLocale(req);
      const chartQuery = new URLSearchParams({ ...chartFilters, unit: chartFilters.unit ?? '', ...(lang ? { lang } : {}) });
      res.send(200, { ...overview, chart: `/api/tab/chart.png?${chartQuery}` });
    }),
  );

  server.get(
    '/api/tab/chart.png',
    signedIn(async (asker, req, res) => {
      const result = await dashboard.chart(asker, query(req));
      if (!result.ok) return sendResult(res, result);
      sendFile(res, { contentType: 'image/png', data: result.value });
    }),
  );

  server.get('/api/tab/entries', signedIn(async (asker, req, res) => sendResult(res, await dashboard.entries(asker, query(req)))));

  server.patch(
    '/api/tab/entries/:id',
    signedIn(async (asker, req, res) => sendResult(res, await dashboard.editEntry(asker, String(req.params.id ?? ''), req.body))),
  );

  server.get('/api/tab/structure', signedIn(async (asker, _req, res) => sendResult(res, await dashboard.structure(asker))));

  server.get(
    '/api/tab/export',
    signedIn(async (asker, req, res) => {
      const result = await dashboard.export(asker, query(req));
      if (!result.ok) return sendResult(res, result);
      const { contentType, data, filename } = result.value;
      sendFile(res, { contentType, data, filename });
    }),
  );
}

function sendResult<T>(res: restify.Response, result: DashboardResult<T>): void {
  if (result.ok) res.send(200, result.value);
  else res.send(STATUS[result.error], { error: result.error, message: result.message });
}

/** A file: inline (the chart) or, with a filename, as a download. */
function sendFile(res: restify.Response, file: { contentType: string; data: Uint8Array; filename?: string }): void {
  const body = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...(file.filename ? { 'Content-Disposition': `attachment; filename="${file.filename}"` } : {}),
  });
  res.end(body);
}

function bearerToken(req: restify.Request): string | null {
  const header = req.header('authorization') ?? '';
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

/** `?lang=fi|sv|en`, when the page asks for a language. */
function requestLocale(req: restify.Request): Locale | null {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  return typeof lang === 'string' ? parseLocale(lang) : null;
}

function query(req: restify.Request): Record<string, unknown> {
  return (req.query as Record<string, unknown> | undefined) ?? {};
}
