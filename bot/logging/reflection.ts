import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import { findPersonalData, isLikelyLog, maskPersonalData } from '../nlu';
import type { ReflectionQuestion, TurnEffects } from '../ports';
import { startDraft, type DialogContext, type DialogOutcome } from './dialog';

/** After a log is saved: the organisation's reflection questions, asked one at a time. */
export interface ReflectingState {
  kind: 'reflecting';
  revision: number;
  /** The saved entry the answers belong to. */
  entryId: string;
  /** The questions as asked, in the member's language; an answer is saved under its question. */
  questions: string[];
  /** The question waiting for its answer. */
  index: number;
}

/** A dialog outcome that may also keep reflecting, or save one answer. */
export type ReflectionOutcome = Omit<DialogOutcome, 'draft'> & {
  draft?: TurnEffects['draft'];
  reflection?: TurnEffects['reflection'];
};

const SKIP = /^(?:skip|pass|next|ohita|ohitan|skippaa|seuraava|hoppa över|hoppar över|skippa|nästa)(?: (?<all>all|them|kaikki|alla))?[.!]*$/iu;

/** The questions in the member's language, else the organisation's, else any they were written in. */
export function questionsIn(questions: ReflectionQuestion[], locale: Locale, fallback: Locale): string[] {
  return questions
    .map((question) => question[locale] ?? question[fallback] ?? Object.values(question).find(Boolean) ?? '')
    .filter(Boolean);
}

/** The state and first question after a save; null when the organisation asks none. */
export function startReflection(entryId: string, questions: string[], revision: number, locale: Locale): { state: ReflectingState; reply: Reply } | null {
  if (!questions.length) return null;
  const state: ReflectingState = { kind: 'reflecting', revision, entryId, questions, index: 0 };
  return { state, reply: { text: `${t(locale, 'reflectionIntro')}\n${questionLine(state, locale)}`, locale } };
}

/** Takes an answer (or "skip") and asks the next question; a message that is a whole new log starts that log. */
export async function continueReflection(state: ReflectingState, text: string, ctx: DialogContext, origin: string): Promise<ReflectionOutcome> {
  const { locale } = ctx;
  const answer = text.trim();
  const skip = SKIP.exec(answer);
  if (skip?.groups?.all) return { draft: { remove: true }, replies: [reply(locale, t(locale, 'reflectionSkipped'))] };
  if (!skip && answer) {
    const fields = await ctx.understand(answer, ctx.extract);
    if (fields.workForm && fields.participants.total != null && isLikelyLog(answer, fields)) {
      const fresh = await startDraft(answer, origin, ctx);
      if (fresh) return fresh;
    }
  }
  const masked = answer && !skip ? maskPersonalData(answer) : '';
  const reflection = masked ? { entryId: state.entryId, question: state.questions[state.index], answer: masked } : undefined;
  const lead = masked && findPersonalData(answer).length ? [t(locale, 'reflectionMasked')] : [];
  const next: ReflectingState = { ...state, index: state.index + 1, revision: state.revision + 1 };
  if (next.index >= state.questions.length) {
    return { draft: { remove: true }, reflection, replies: [reply(locale, [...lead, t(locale, 'reflectionThanks')].join('\n'))] };
  }
  return { draft: { save: next }, reflection, replies: [reply(locale, [...lead, questionLine(next, locale)].join('\n'))] };
}

function questionLine(state: ReflectingState, locale: Locale): string {
  return t(locale, 'reflectionQuestion', { number: state.index + 1, count: state.questions.length, question: state.questions[state.index] });
}

function reply(locale: Locale, text: string): Reply {
  return { text, locale };
}

/** The waiting question again, e.g. when a button of an earlier card is pressed meanwhile. */
export function repeatQuestion(state: ReflectingState, locale: Locale): Reply {
  return reply(locale, `${t(locale, 'reflectionIntro')}\n${questionLine(state, locale)}`);
}
