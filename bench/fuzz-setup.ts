/**
 * What a fuzz run needs on the server before it starts, made through the real HTTP routes: every chat user's
 * first message (in order, so Teams tenants are signed up by the same user each time), and a local mentor with
 * a saved entry and a dashboard session, so malformed edits get past the session check.
 */
import { Agent } from 'node:http';
import { send, type FuzzRequest } from './fuzz-http';
import { greeting, type ChatUser } from './fuzz-messages';

interface LocalReply {
  text: string;
  card?: { buttons: { data: Record<string, unknown> }[] };
}

async function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function say(baseUrl: string, user: string, message: Record<string, unknown>): Promise<LocalReply[]> {
  const answer = await postJson(baseUrl, '/api/local/messages', { user, locale: 'en', ...message });
  if (answer.status !== 200) throw new Error(`the local chat answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { replies: LocalReply[] }).replies;
}

/** Sends each user's first message, one after another. */
export async function greetUsers(baseUrl: string, users: readonly ChatUser[], serviceUrl: string): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const [index, user] of users.entries()) {
      const request: FuzzRequest = greeting(user, index, serviceUrl);
      const answer = await send(agent, new URL(baseUrl), request, 30_000);
      if (answer.status !== 200) throw new Error(`greeting of ${JSON.stringify(user)} answered ${answer.status ?? answer.error}: ${answer.text.slice(0, 200)}`);
    }
  } finally {
    agent.destroy();
  }
}

/** A local mentor logs and saves an entry, asks for a dashboard link and signs in with it. */
export async function openDashboardSession(baseUrl: string): Promise<{ session: string; entryId: string }> {
  const user = 'fuzz-dashboard';
  const summary = await say(baseUrl, user, { text: 'drop-in today 16-18, 14 kids, 8 girls, 6 boys, talked about school', messageId: 'fuzz-dashboard-log' });
  const save = summary.flatMap((reply) => reply.card?.buttons ?? []).find((button) => button.data.action === 'save');
  if (!save) throw new Error(`no Save button in ${JSON.stringify(summary)}`);
  await say(baseUrl, user, { text: '', actionData: save.data, messageId: 'fuzz-dashboard-save' });
  const link = await say(baseUrl, user, { text: 'dashboard', messageId: 'fuzz-dashboard-link' });
  const token = /\/tab#signin=([A-Za-z0-9_-]+)/.exec(link.map((reply) => reply.text).join('\n'))?.[1];
  if (!token) throw new Error(`no dashboard link in ${JSON.stringify(link)}`);
  const signedIn = await postJson(baseUrl, '/api/tab/session', { signInToken: token });
  if (signedIn.status !== 200) throw new Error(`dashboard sign-in answered ${signedIn.status}: ${JSON.stringify(signedIn.body)}`);
  const session = (signedIn.body as { session: string }).session;
  const entries = await fetch(`${baseUrl}/api/tab/entries`, { headers: { Authorization: `Bearer ${session}` } });
  const listed = (await entries.json()) as { entries?: { id: string }[] };
  const entryId = listed.entries?.[0]?.id;
  if (!entryId) throw new Error(`no entry in the dashboard: ${JSON.stringify(listed).slice(0, 300)}`);
  return { session, entryId };
}

/** After a run: the health route answers 200, and a plain log message gets its summary card. */
export async function serverStillAnswers(baseUrl: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const health = await fetch(`${baseUrl}/healthz`);
    const healthBody = await health.text();
    if (health.status !== 200) return { ok: false, detail: `/healthz answered ${health.status}: ${healthBody}` };
    const replies = await say(baseUrl, 'fuzz-after', { text: 'drop-in today 2 h, 5 kids', messageId: `fuzz-after-${Date.now()}` });
    const card = replies.some((reply) => reply.card?.buttons.some((button) => button.data.action === 'save'));
    return card ? { ok: true, detail: `/healthz ${healthBody}; a log message got its summary card` } : { ok: false, detail: `a log message got ${JSON.stringify(replies).slice(0, 300)}` };
  } catch (error) {
    return { ok: false, detail: `no answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}
