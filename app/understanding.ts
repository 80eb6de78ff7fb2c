import type { Understand } from '../bot/logging/dialog';
import type { LlmOptions } from '../bot/understanding/llm-client';
import { createNotesSummariser, type SummariseNotes } from '../bot/understanding/notes-summary';
import { createReportInterpreter, type InterpretReportQuestion } from '../bot/understanding/report-question';
import { createLlmUnderstand, understandByRules, type UnderstandLogger } from '../bot/understanding/understand';
import type { Config } from './config';

/** The configured OpenAI-compatible model, or null when no API key is set. */
function llmOptionsFromConfig(config: Config): LlmOptions | null {
  if (!config.OPENAI_API_KEY) return null;
  return { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.LLM_TIMEOUT_MS };
}

/** Rules alone, or rules with the configured OpenAI-compatible model. */
export function understandFromConfig(config: Config, logger: UnderstandLogger): Understand {
  const options = llmOptionsFromConfig(config);
  return options ? createLlmUnderstand(options, logger) : understandByRules;
}

/** The model-backed reader of report questions the rules do not parse; undefined without a model. */
export function reportInterpreterFromConfig(config: Config, logger: UnderstandLogger): InterpretReportQuestion | undefined {
  const options = llmOptionsFromConfig(config);
  return options ? createReportInterpreter(options, logger) : undefined;
}

/** The model that writes the paragraph on a period's notes; undefined without a model (the summary is extractive then). */
export function notesSummariserFromConfig(config: Config, logger: UnderstandLogger): SummariseNotes | undefined {
  const options = llmOptionsFromConfig(config);
  return options ? createNotesSummariser(options, logger) : undefined;
}
