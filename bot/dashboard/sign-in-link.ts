/** The chat command `dashboard`: a link that signs the member in to the dashboard page once, within 10 minutes. */
import { t } from '../i18n';
import type { Locale } from '../locale';
import type { Incoming, Reply } from '../messages';
import type { DashboardStore, MemberInfo } from '../ports';
import { newToken } from './tokens';

export const SIGN_IN_LINK_MS = 10 * 60 * 1000;

export interface SignInLinkContext {
  dashboard: DashboardStore;
  member: MemberInfo;
  /** The language of the turn, kept for the page when the member chose none. */
  locale: Locale;
  /** The service's public address; without it the link is relative. */
  publicBaseUrl?: string;
  /** Where it was asked: a link is sent only where no one else reads it. */
  conversationKind?: Incoming['conversation']['kind'];
  now: Date;
}

/**
 * Stores the new link's hash and answers with the link; the token is in the fragment, so it never reaches server
 * logs. In a group chat or channel, where others could use the link first, it answers to ask in private instead.
 */
export async function signInLinkReply(ctx: SignInLinkContext): Promise<Reply> {
  if (ctx.conversationKind === 'group' || ctx.conversationKind === 'channel') return { text: t(ctx.locale, 'dashboardPrivateOnly'), locale: ctx.locale };
  const { token, hash } = newToken();
  const expiresAt = new Date(ctx.now.getTime() + SIGN_IN_LINK_MS);
  await ctx.dashboard.createSignIn(ctx.member.organisationId, ctx.member.id, hash, expiresAt, ctx.locale);
  const url = `${(ctx.publicBaseUrl ?? '').replace(/\/+$/, '')}/tab#signin=${token}`;
  return { text: t(ctx.locale, 'dashboardLink', { url }), locale: ctx.locale };
}
