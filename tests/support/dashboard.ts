import type { RunningApp } from '../../app/app';
import type { Reply } from '../../bot/messages';
import { postJson } from './app';
import { texts, type ChatUser } from './local-chat';

/** The one-time token in a dashboard link reply ("…/tab#signin=TOKEN"). */
export function signInToken(replies: Reply[]): string {
  const token = /\/tab#signin=([A-Za-z0-9_-]+)/.exec(texts(replies))?.[1];
  if (!token) throw new Error(`no dashboard link in ${JSON.stringify(replies)}`);
  return token;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export type Json = any;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: Json;
}

/** The dashboard API with one session, as the page uses it (Authorization: Bearer). */
export class DashboardClient {
  constructor(
    readonly baseUrl: string,
    readonly session: string,
    readonly signedIn: Json,
  ) {}

  get(path: string, query: Record<string, string> = {}): Promise<ApiAnswer> {
    return this.request('GET', path, query);
  }

  patch(path: string, body: unknown): Promise<ApiAnswer> {
    return this.request('PATCH', path, {}, body);
  }

  /** The raw response, for files. */
  fetch(path: string, query: Record<string, string> = {}): Promise<Response> {
    return fetch(urlOf(this.baseUrl, path, query), { headers: { Authorization: `Bearer ${this.session}` } });
  }

  private async request(method: string, path: string, query: Record<string, string>, body?: unknown): Promise<ApiAnswer> {
    const response = await fetch(urlOf(this.baseUrl, path, query), {
      method,
      headers: { Authorization: `Bearer ${this.session}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }
}

/** Asks for a link in the local chat, signs in with it, and returns the session's client. */
export async function openDashboard(app: RunningApp, user: ChatUser): Promise<DashboardClient> {
  const token = signInToken(await user.say('dashboard'));
  return signIn(app.url, token);
}

/** Signs in with a one-time token from a link. */
export async function signIn(baseUrl: string, token: string): Promise<DashboardClient> {
  const { status, body } = await postJson(`${baseUrl}/api/tab/session`, { signInToken: token });
  if (status !== 200) throw new Error(`sign-in answered ${status}: ${JSON.stringify(body)}`);
  return new DashboardClient(baseUrl, body.session, body);
}

function urlOf(baseUrl: string, path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}
