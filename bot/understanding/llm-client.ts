/**
 * The one way the bot asks an OpenAI-compatible model: a chat completion answered in a strict JSON
 * schema, with a timeout and no retries. Callers mask personal data in what they send, validate the
 * answer with zod, and treat any error as "no answer".
 */
import type OpenAI from 'openai';

export interface LlmOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

export interface UnderstandLogger {
  warn(details: object, message: string): void;
}

export interface JsonRequest {
  /** Our instructions; never the user's words. */
  system: string;
  /** The user's turn, with personal data already masked. */
  user: string;
  /** Name and strict JSON schema of the answer. */
  schemaName: string;
  schema: Record<string, unknown>;
}

/** Resolves to the parsed JSON answer (not yet validated); rejects on any error, timeout, empty or malformed answer. */
export type AskForJson = (request: JsonRequest) => Promise<unknown>;

export function createJsonModel(options: LlmOptions): AskForJson {
  // The SDK is loaded with the first call, so a server without a model never loads it.
  let client: Promise<OpenAI> | undefined;
  const openai = () =>
    (client ??= import('openai').then(({ default: OpenAI }) => new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: 0 })));
  return async (request) => {
    const body = {
      model: options.model,
      temperature: 0,
      messages: [
        { role: 'system' as const, content: request.system },
        { role: 'user' as const, content: request.user },
      ],
      response_format: { type: 'json_schema' as const, json_schema: { name: request.schemaName, strict: true, schema: request.schema } },
    };
    // The client's timeout ends when the headers arrive; the signal also ends a body that stalls after them.
    const completion = await (await openai()).chat.completions.create(body, { signal: AbortSignal.timeout(options.timeoutMs) });
    const content = completion.choices[0]?.message?.content;
    if (!content) throw new Error('the model returned no content');
    return JSON.parse(content) as unknown;
  };
}

/** What to log about a failed call: the message only, never the text that was sent. */
export function llmErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
