import type { EntryFields } from '../entry';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import {
  findPersonalData,
  isLikelyLog,
  maskPersonalData,
  parseAnswer,
  parseConfirmation,
  parseCorrection,
  type AnswerField,
  type Correction,
  type ExtractContext,
  type PersonalDataKind,
} from '../nlu';
import {
  applyCorrection,
  countConflict,
  isEmptyCorrection,
  nextMissingField,
  setField,
  statedFields,
  type DraftState,
} from './draft';
import { privacyCard, summaryReply, type DraftButton } from './summary';

/** Reads a free-text message into entry fields (rules, optionally with a model). */
export type Understand = (text: string, ctx: ExtractContext) => Promise<EntryFields>;

export interface DialogContext {
  locale: Locale;
  extract: ExtractContext;
  requiredFields: readonly string[];
  understand: Understand;
}

/** What a turn of the dialog decided: the draft's fate, an entry to save, and the replies. */
export interface DialogOutcome {
  draft?: { save: DraftState } | { remove: true };
  save?: EntryFields;
  replies: Reply[];
}

const QUESTION: Record<AnswerField, PhraseKey> = {
  date: 'askDate',
  workForm: 'askWorkForm',
  'participants.total': 'askTotal',
  durationMinutes: 'askDuration',
  unit: 'askUnit',
  activity: 'askActivity',
};

const PERSONAL_DATA_PHRASE: Record<PersonalDataKind, PhraseKey> = {
  name: 'personalName',
  phone: 'personalPhone',
  personal_id: 'personalId',
  email: 'personalEmail',
};

/** Starts a draft from a message that reads as a log; null when it does not. */
export async function startDraft(text: string, originMessageId: string, ctx: DialogContext): Promise<DialogOutcome | null> {
  const fields = await ctx.understand(text, ctx.extract);
  if (!isLikelyLog(text, fields)) return null;
  const state: DraftState = {
    revision: 0,
    fields,
    stage: 'collecting',
    asking: null,
    originMessageId,
    privacyAcknowledged: false,
  };
  return advance(state, ctx);
}

/** Continues a draft with a typed message or a pressed button. */
export async function continueDraft(
  state: DraftState,
  input: { text: string; button: DraftButton | null },
  ctx: DialogContext,
): Promise<DialogOutcome> {
  if (input.button) return pressButton(state, input.button, ctx);
  const text = input.text.trim();
  // A correction first: "ändra till 9 deltagare" and "no, 14" start like "edit" and "no".
  const correction = state.stage === 'privacy' ? null : parseCorrection(text, ctx.extract);
  if (correction && !isEmptyCorrection(correction)) return amend(state, correction, ctx);

  const confirmation = parseConfirmation(text);
  if (confirmation === 'no') return cancel(ctx.locale);

  if (state.stage === 'privacy') {
    // The reply is the notes written again.
    return advance({ ...state, fields: { ...state.fields, notes: text } }, ctx);
  }

  if (state.stage === 'confirming') {
    if (confirmation === 'yes') return save(state, ctx);
    if (confirmation === 'edit') return { draft: { save: state }, replies: [reply(ctx.locale, t(ctx.locale, 'editPrompt'))] };
  }

  if (state.stage === 'collecting' && state.asking) {
    const answer = parseAnswer(state.asking, text, ctx.extract);
    if (answer != null) return advance({ ...state, fields: setField(state.fields, state.asking, answer) }, ctx);
  }

  const fields = await ctx.understand(text, ctx.extract);
  if (state.stage === 'confirming' && fields.workForm && fields.participants.total != null && isLikelyLog(text, fields)) {
    // A whole new log while the old one waits: start over from this message.
    const fresh = await startDraft(text, `${state.originMessageId}:${state.revision + 1}`, ctx);
    if (fresh) return withLead(fresh, t(ctx.locale, 'replacedDraft'));
  }
  const stated = statedFields(fields, ctx.extract.today);
  if (!isEmptyCorrection(stated)) return amend(state, stated, ctx);

  return repeat(state, ctx, t(ctx.locale, state.stage === 'confirming' ? 'confirmReminder' : 'notUnderstood'));
}

/** Applies stated fields; themes found in a follow-up add to the draft's themes instead of replacing them. */
function amend(state: DraftState, correction: Correction, ctx: DialogContext): DialogOutcome {
  const themes = correction.themes ? [...new Set([...state.fields.themes, ...correction.themes])] : undefined;
  return advance({ ...state, fields: applyCorrection(state.fields, themes ? { ...correction, themes } : correction) }, ctx);
}

function pressButton(state: DraftState, button: DraftButton, ctx: DialogContext): Promise<DialogOutcome> | DialogOutcome {
  if (button.origin !== state.originMessageId || button.revision !== state.revision) {
    return repeat(state, ctx, t(ctx.locale, 'staleCard'));
  }
  switch (button.action) {
    case 'cancel':
      return cancel(ctx.locale);
    case 'edit':
      return { draft: { save: state }, replies: [reply(ctx.locale, t(ctx.locale, 'editPrompt'))] };
    case 'mask':
      return advance({ ...state, fields: { ...state.fields, notes: maskPersonalData(state.fields.notes ?? '') } }, ctx);
    case 'keep':
      return advance({ ...state, privacyAcknowledged: true }, ctx);
    case 'save':
      return state.stage === 'confirming' ? save(state, ctx) : advance(state, ctx);
  }
}

/** Decides what the draft needs next: a consistent count, a missing field, a privacy check, or confirmation. */
function advance(state: DraftState, ctx: DialogContext): DialogOutcome {
  const { locale } = ctx;
  const next = (changes: Partial<DraftState>): DraftState => ({ ...state, ...changes, revision: state.revision + 1 });
  const parts = countConflict(state.fields.participants);
  if (parts != null) {
    // Either a new total or a corrected part resolves it.
    const asking = next({ stage: 'collecting', asking: 'participants.total' });
    const text = t(locale, 'countConflict', { parts, total: state.fields.participants.total ?? 0 });
    return { draft: { save: asking }, replies: [reply(locale, text)] };
  }
  const missing = nextMissingField(state.fields, ctx.requiredFields);
  if (missing) {
    return { draft: { save: next({ stage: 'collecting', asking: missing }) }, replies: [reply(locale, question(missing, ctx))] };
  }
  const personal = state.privacyAcknowledged ? [] : findPersonalData(state.fields.notes ?? '');
  if (personal.length) {
    const kinds = [...new Set(personal.map((found) => t(locale, PERSONAL_DATA_PHRASE[found.kind])))].join(', ');
    const checking = next({ stage: 'privacy', asking: null });
    return { draft: { save: checking }, replies: [{ text: t(locale, 'privacyWarning', { kinds }), card: privacyCard(checking, locale), locale }] };
  }
  const confirming = next({ stage: 'confirming', asking: null });
  return { draft: { save: confirming }, replies: [summaryReply(confirming, ctx.extract.catalogue, locale)] };
}

/** Shows the current question or card again, after a lead line. */
function repeat(state: DraftState, ctx: DialogContext, lead: string): DialogOutcome {
  return withLead(advance(state, ctx), lead);
}

function withLead(outcome: DialogOutcome, lead: string): DialogOutcome {
  const [first, ...rest] = outcome.replies;
  return { ...outcome, replies: [{ ...first, text: `${lead}\n${first.text}` }, ...rest] };
}

function question(field: AnswerField, ctx: DialogContext): string {
  const names = field === 'unit' ? ctx.extract.catalogue.units : field === 'activity' ? ctx.extract.catalogue.activities : [];
  return t(ctx.locale, QUESTION[field], { options: names.map((item) => item.name).join(', ') });
}

function save(state: DraftState, ctx: DialogContext): DialogOutcome {
  return { draft: { remove: true }, save: state.fields, replies: [reply(ctx.locale, t(ctx.locale, 'saved'))] };
}

function cancel(locale: Locale): DialogOutcome {
  return { draft: { remove: true }, replies: [reply(locale, t(locale, 'cancelled'))] };
}

function reply(locale: Locale, text: string): Reply {
  return { text, locale };
}
