import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import type { ChannelUser, MembershipRequests, Notifier, OrganisationInfo } from '../ports';
import type { AdminContext, AdminDecision } from './handle';
import { memberName, roleLabel } from './format';

/** A stranger's mentors are told once a day at most. */
export const REQUEST_INTERVAL_MS = 24 * 60 * 60 * 1000;

const CHANNEL_NAMES: Record<string, string> = { teams: 'Microsoft Teams', slack: 'Slack' };

/** Someone who wrote in a known organisation but is no member of it, as the channel showed them. */
export interface Stranger extends ChannelUser {
  name: string | null;
  email: string | null;
}

/** The buttons of the mentors' card; the request id names the channel user in storage. */
export interface RequestButton {
  action: 'memberRequestAdd' | 'memberRequestIgnore';
  request: string;
  name: string | null;
  email: string | null;
}

export function isRequestButton(data: Record<string, unknown> | null | undefined): data is Record<string, unknown> & RequestButton {
  return !!data && (data.action === 'memberRequestAdd' || data.action === 'memberRequestIgnore') && typeof data.request === 'string';
}

interface AskDependencies {
  requests: MembershipRequests;
  notifier?: Notifier;
  logger: { warn(details: object, message: string): void };
}

/** Records the stranger's request; null when they asked within a day already (or it cannot be recorded). Never throws. */
export async function recordRequest(deps: AskDependencies, organisation: OrganisationInfo, stranger: Stranger, now: Date): Promise<string | null> {
  if (!deps.notifier) return null;
  try {
    return await deps.requests.record(organisation.id, stranger, new Date(now.getTime() - REQUEST_INTERVAL_MS));
  } catch (error) {
    deps.logger.warn({ err: error, organisationId: organisation.id }, 'could not record a new user\'s request');
    return null;
  }
}

/**
 * Tells every active mentor, in their own language, that a stranger wrote, with an "Add as worker" button.
 * Never throws: failures are logged, and the stranger's answer does not wait for it.
 */
export async function tellMentors(deps: AskDependencies, organisation: OrganisationInfo, request: string, stranger: Stranger): Promise<void> {
  const { notifier, logger } = deps;
  if (!notifier) return;
  try {
    const mentors = await deps.requests.mentors(organisation.id);
    await Promise.all(
      mentors.map(async (mentor) => {
        const locale = mentor.locale ?? organisation.defaultLocale;
        try {
          const sent = await notifier.notify(organisation.id, mentor.id, [requestCard(request, stranger, organisation, locale)]);
          if (!sent) logger.warn({ organisationId: organisation.id, mentorId: mentor.id }, 'a mentor has no conversation to tell about a new user');
        } catch (error) {
          logger.warn({ err: error, organisationId: organisation.id, mentorId: mentor.id }, 'could not tell a mentor about a new user');
        }
      }),
    );
  } catch (error) {
    logger.warn({ err: error, organisationId: organisation.id }, 'could not tell the mentors about a new user');
  }
}

function requestCard(request: string, stranger: Stranger, organisation: OrganisationInfo, locale: Locale): Reply {
  const name = stranger.name?.trim() || t(locale, 'requestSomeone');
  const channel = CHANNEL_NAMES[stranger.channel] ?? stranger.channel;
  const button = (action: RequestButton['action']): Record<string, unknown> =>
    ({ action, request, name: stranger.name ?? null, email: stranger.email ?? null }) satisfies RequestButton;
  return {
    text: t(locale, 'requestText', { name, channel, organisation: organisation.name }),
    locale,
    card: {
      title: t(locale, 'requestTitle'),
      facts: [
        { label: t(locale, 'requestName'), value: name },
        ...(stranger.email ? [{ label: t(locale, 'requestEmail'), value: stranger.email }] : []),
        { label: t(locale, 'requestChannel'), value: channel },
      ],
      buttons: [
        { label: t(locale, 'requestAdd'), data: button('memberRequestAdd'), style: 'primary' },
        { label: t(locale, 'requestIgnore'), data: button('memberRequestIgnore') },
      ],
    },
  };
}

/**
 * A mentor's press on the card (the core has checked the role): adds the stranger as a worker bound to their
 * channel user, through the ordinary add-member path and its audit event. A second press changes nothing.
 */
export async function answerRequest(button: RequestButton, ctx: AdminContext): Promise<AdminDecision> {
  const { locale } = ctx;
  const say = (key: PhraseKey, params: Record<string, string> = {}): AdminDecision => ({ replies: [{ text: t(locale, key, params), locale }] });
  const name = button.name?.trim() || t(locale, 'requestSomeone');
  if (button.action === 'memberRequestIgnore') return say('requestIgnored', { name });
  const user = await ctx.admin.requests.find(ctx.organisation.id, button.request);
  if (!user) return say('requestUnknown');
  const result = await ctx.admin.members.add(ctx.organisation.id, ctx.actor.id, {
    displayName: button.name?.trim() || null,
    email: button.email?.trim() || null,
    role: 'worker',
    identity: user,
  });
  const params = { name: memberName(result.member, locale), role: roleLabel(result.member.role, locale) };
  if (result.status === 'exists') return say('requestAlreadyMember', params);
  if (result.status === 'restored') return say('memberRestored', params);
  return say('memberAdded', params);
}
