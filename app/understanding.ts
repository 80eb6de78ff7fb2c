import type { Understand } from '../bot/logging/dialog';
import { createLlmUnderstand, understandByRules, type UnderstandLogger } from '../bot/understanding/understand';
import type { Config } from './config';

/** Rules alone, or rules with the configured OpenAI-compatible model. */
export function understandFromConfig(config: Config, logger: UnderstandLogger): Understand {
  if (!config.OPENAI_API_KEY) return understandByRules;
  return createLlmUnderstand(
    { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.LLM_TIMEOUT_MS },
    logger,
  );
}
