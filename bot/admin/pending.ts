import type { ConversationState } from '../conversation-state';
import { isPendingAdmin, isReporting } from '../conversation-state';
import { t } from '../i18n';
import type { Locale } from '../locale';
import type { DraftState } from '../logging/draft';
import type { ReflectingState } from '../logging/reflection';
import type { Reply } from '../messages';
import { parseConfirmation } from '../nlu';
import type { CatalogueKind } from '../ports';

/** A destructive change that waits for the mentor's yes. */
export type PendingAction =
  | { kind: 'removeMember'; memberId: string; name: string }
  | { kind: 'archive'; target: CatalogueKind; name: string };

/** Kept in the conversation's draft row, so the question survives a restart. */
export interface PendingAdminState {
  kind: 'pendingAdminAction';
  revision: number;
  action: PendingAction;
  /** What the conversation waited for before the question; it goes on after the answer. */
  resume: DraftState | ReflectingState | null;
}

export interface AdminButton {
  action: 'adminConfirm' | 'adminCancel';
  revision: number;
}

export function isAdminButton(data: Record<string, unknown> | null | undefined): data is Record<string, unknown> & AdminButton {
  return !!data && (data.action === 'adminConfirm' || data.action === 'adminCancel') && typeof data.revision === 'number';
}

/** Saves the pending change and asks: a card with Confirm and Cancel; typed yes or no work too. */
export function askConfirmation(
  action: PendingAction,
  question: string,
  current: ConversationState | null,
  locale: Locale,
): { draft: { save: PendingAdminState }; replies: Reply[] } {
  // A report waiting for a follow-up is not worth resuming after the answer.
  const resume = isPendingAdmin(current) ? current.resume : isReporting(current) ? null : current;
  const state: PendingAdminState = { kind: 'pendingAdminAction', revision: (current?.revision ?? 0) + 1, action, resume };
  const button = (kind: AdminButton['action']): Record<string, unknown> => ({ action: kind, revision: state.revision }) satisfies AdminButton;
  return {
    draft: { save: state },
    replies: [
      {
        text: `${question}\n${t(locale, 'confirmHint')}`,
        locale,
        card: {
          title: t(locale, 'confirmTitle'),
          facts: [],
          buttons: [
            { label: t(locale, 'confirm'), data: button('adminConfirm'), style: 'danger' },
            { label: t(locale, 'cancel'), data: button('adminCancel') },
          ],
        },
      },
    ],
  };
}

/** How a message answers the pending question: confirm, cancel, a stale button, or not at all. */
export function answerOf(state: PendingAdminState, text: string, actionData: Record<string, unknown> | null | undefined): 'confirm' | 'cancel' | 'stale' | null {
  if (isAdminButton(actionData)) {
    if (actionData.revision !== state.revision) return 'stale';
    return actionData.action === 'adminConfirm' ? 'confirm' : 'cancel';
  }
  if (actionData && Object.keys(actionData).length) return null;
  const answer = parseConfirmation(text);
  return answer === 'yes' ? 'confirm' : answer === 'no' ? 'cancel' : null;
}

/** The conversation's state once the question is answered: what it waited for before, or nothing. */
export function restore(state: PendingAdminState): { save: DraftState | ReflectingState } | { remove: true } {
  return state.resume ? { save: state.resume } : { remove: true };
}
