import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallRecorder } from './call-recorder';
import { AnswerScript } from './scripted-answers';
import { closeServer } from '../../bench/close-server';

export interface SlackApiCall {
  /** The Web API method ("chat.postMessage") or the response_url path ("/response/..."). */
  method: string;
  /** Form fields or JSON, with `blocks` given as a JSON string in forms parsed back. */
  body: Record<string, unknown>;
  token: string | null;
  at: number;
}

/** A file shared by files.completeUploadExternal, with the bytes sent to its upload URL. */
export interface SlackUploadedFile {
  id: string;
  filename: string;
  title: string;
  altText: string | null;
  channelId: string | null;
  threadTs: string | null;
  data: Buffer;
}

interface PendingUpload {
  filename: string;
  length: number;
  altText: string | null;
  data: Buffer | null;
}

/**
 * A loopback Slack: the Web API under /api/ (chat.postMessage, users.info, and the file upload flow
 * files.getUploadURLExternal → POST to the upload URL under /upload/ → files.completeUploadExternal;
 * form or JSON bodies) and response_url endpoints under /response/. Records every call.
 */
export class FakeSlack extends CallRecorder<SlackApiCall> {
  /** users.info answers: user id → locale. */
  readonly locales = new Map<string, string>();
  /** users.info answers: user id → profile email (what the users:read.email scope reveals). */
  readonly emails = new Map<string, string>();
  /** Answer the next call of this method with 429 and this Retry-After (seconds). */
  rateLimitOnce: { method: string; retryAfter: number } | null = null;
  /**
   * Scripted answers per method ("chat.postMessage", "/response/name"): e.g. a 429 with Retry-After, then a 500,
   * then the normal answer. A failed call is recorded as "method:status" (not by posts()); a hung one as "method:hang".
   */
  readonly script = new AnswerScript();
  /** Methods whose calls get no answer at all while listed. */
  readonly hanging = new Set<string>();
  /** Answer files.getUploadURLExternal with this error (e.g. file_uploads_disabled) while set. */
  uploadError: string | null = null;
  /** Files shared by files.completeUploadExternal, in order. */
  readonly files: SlackUploadedFile[] = [];
  private readonly pending = new Map<string, PendingUpload>();
  private uploadCount = 0;
  private server!: Server;

  constructor() {
    super('Slack call');
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  responseUrl(name: string): string {
    return `${this.baseUrl}/response/${name}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const url = req.url ?? '';
        if (url.startsWith('/upload/')) {
          void this.receiveUpload(url, req.headers['content-type'] ?? '', bytes).then(([status, text]) => {
            res.writeHead(status, { 'Content-Type': 'text/plain' });
            res.end(text);
          });
          return;
        }
        const raw = bytes.toString('utf8');
        const method = url.startsWith('/api/') ? url.slice('/api/'.length).split('?')[0] : url;
        if (this.hanging.has(method)) {
          this.record({ method: `${method}:hang`, body: parseBody(req.headers['content-type'] ?? '', raw), token: null, at: Date.now() });
          return;
        }
        const scripted = this.script.next(method);
        if (scripted === 'hang') {
          this.record({ method: `${method}:hang`, body: {}, token: null, at: Date.now() });
          return;
        }
        if (scripted !== 'ok') {
          this.record({ method: `${method}:${scripted.status}`, body: parseBody(req.headers['content-type'] ?? '', raw), token: null, at: Date.now() });
          res.writeHead(scripted.status, { 'Content-Type': 'application/json', ...(scripted.retryAfter !== undefined ? { 'Retry-After': String(scripted.retryAfter) } : {}) });
          res.end(JSON.stringify({ ok: false, error: scripted.status === 429 ? 'ratelimited' : 'internal_error' }));
          return;
        }
        const limited = this.rateLimitOnce;
        if (limited && limited.method === method) {
          this.rateLimitOnce = null;
          this.record({ method: `${method}:429`, body: {}, token: null, at: Date.now() });
          res.writeHead(429, { 'Retry-After': String(limited.retryAfter), 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        const body = parseBody(req.headers['content-type'] ?? '', raw);
        const auth = req.headers.authorization;
        this.record({ method, body, token: auth?.startsWith('Bearer ') ? auth.slice(7) : null, at: Date.now() });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body)));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    if (method === 'chat.postMessage') {
      return { ok: true, channel: body.channel, ts: `${Math.floor(Date.now() / 1000)}.${String(this.calls.length).padStart(6, '0')}`, message: body };
    }
    if (method === 'users.info') {
      const id = String(body.user ?? '');
      const profile = this.emails.has(id) ? { profile: { email: this.emails.get(id) } } : {};
      return { ok: true, user: { id, name: id.toLowerCase(), real_name: `User ${id}`, locale: this.locales.get(id) ?? 'en-US', ...profile } };
    }
    if (method === 'files.getUploadURLExternal') return this.uploadUrl(body);
    if (method === 'files.completeUploadExternal') return this.completeUpload(body);
    if (method.startsWith('/response/')) return { ok: true };
    return { ok: false, error: 'unknown_method' };
  }

  /** files.getUploadURLExternal: filename and a positive length are required. */
  private uploadUrl(body: Record<string, unknown>): Record<string, unknown> {
    if (this.uploadError) return { ok: false, error: this.uploadError };
    const filename = typeof body.filename === 'string' ? body.filename : '';
    const length = Number(body.length);
    if (!filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
    const id = `F${String(++this.uploadCount).padStart(8, '0')}`;
    const altText = typeof body.alt_txt === 'string' ? body.alt_txt : typeof body.alt_text === 'string' ? body.alt_text : null;
    this.pending.set(id, { filename, length, altText, data: null });
    return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
  }

  /** The upload URL takes the bytes raw or as a multipart form's file part, and answers "OK - <length>". */
  private async receiveUpload(url: string, contentType: string, bytes: Buffer): Promise<[number, string]> {
    const id = decodeURIComponent(url.slice('/upload/'.length).split('?')[0]);
    const upload = this.pending.get(id);
    let data = bytes;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
      const part = [...form.values()].find((value) => typeof value !== 'string') as Blob | undefined;
      data = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    this.record({ method: `/upload/${id}`, body: { bytes: data.length }, token: null, at: Date.now() });
    if (!upload) return [404, 'Not Found'];
    upload.data = data;
    return [200, `OK - ${data.length}`];
  }

  /** files.completeUploadExternal: every file must have been uploaded with the length it announced. */
  private completeUpload(body: Record<string, unknown>): Record<string, unknown> {
    let files: { id?: unknown; title?: unknown }[];
    try {
      files = typeof body.files === 'string' ? JSON.parse(body.files) : (body.files as typeof files);
    } catch {
      return { ok: false, error: 'invalid_arguments' };
    }
    if (!Array.isArray(files) || !files.length) return { ok: false, error: 'invalid_arguments' };
    const uploads = files.map((file) => ({ file, upload: this.pending.get(String(file.id)) }));
    if (uploads.some(({ upload }) => !upload?.data || upload.data.length !== upload.length)) return { ok: false, error: 'file_not_found' };
    const shared = uploads.map(({ file, upload }) => {
      const done: SlackUploadedFile = {
        id: String(file.id),
        filename: upload!.filename,
        title: typeof file.title === 'string' ? file.title : upload!.filename,
        altText: upload!.altText,
        channelId: typeof body.channel_id === 'string' ? body.channel_id : null,
        threadTs: typeof body.thread_ts === 'string' ? body.thread_ts : null,
        data: upload!.data!,
      };
      this.pending.delete(done.id);
      this.files.push(done);
      return done;
    });
    return { ok: true, files: shared.map((file) => ({ id: file.id, name: file.filename, title: file.title, size: file.data.length })) };
  }

  /** Calls of one method (not counting 429 answers). */
  posts(method = 'chat.postMessage'): SlackApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }
}

function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
  for (const key of ['blocks', 'attachments']) {
    if (typeof form[key] === 'string') form[key] = JSON.parse(form[key] as string);
  }
  return form;
}
