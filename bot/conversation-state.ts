import type { PendingAdminState } from './admin/pending';
import type { DraftState } from './logging/draft';
import type { ReflectingState } from './logging/reflection';
import type { ReportingState } from './reports/chat';

/**
 * What a conversation waits for, kept in the drafts table: a log in progress (no `kind`, as before),
 * answers to reflection questions after a save, a mentor's yes or no to a destructive change, or the
 * last report question, which a follow-up refines.
 * Every state has a revision, checked when the next turn commits.
 */
export type ConversationState = DraftState | ReflectingState | PendingAdminState | ReportingState;

export function isReflecting(state: ConversationState | null | undefined): state is ReflectingState {
  return !!state && 'kind' in state && state.kind === 'reflecting';
}

export function isPendingAdmin(state: ConversationState | null | undefined): state is PendingAdminState {
  return !!state && 'kind' in state && state.kind === 'pendingAdminAction';
}

export function isReporting(state: ConversationState | null | undefined): state is ReportingState {
  return !!state && 'kind' in state && state.kind === 'reporting';
}

export function isLogDraft(state: ConversationState | null | undefined): state is DraftState {
  return !!state && !('kind' in state);
}
