import { t } from './i18n';
import { parseLocale, type Locale } from './locale';
import type { Incoming, Reply } from './messages';
import type { DirectoryStore, Identity, MemberInfo } from './ports';

export interface CoreLogger {
  error(details: object, message: string): void;
}

export interface CoreDependencies {
  directory: DirectoryStore;
  logger: CoreLogger;
}

/** The one channel-free entry point: every adapter calls handle() and renders what comes back. */
export interface Core {
  handle(incoming: Incoming): Promise<Reply[]>;
}

const LOCAL_CHANNELS = new Set<Incoming['channel']>(['local', 'terminal']);

export function createCore(deps: CoreDependencies): Core {
  async function identify(incoming: Incoming): Promise<{ identity: Identity; member: MemberInfo } | Reply> {
    const fallbackLocale = parseLocale(incoming.locale) ?? 'en';
    const identity = await deps.directory.identify(incoming.channel, incoming.tenant, incoming.user.id);
    if (!identity) return reply(fallbackLocale, t(fallbackLocale, 'unknownOrganisation'));
    if (identity.member) return { identity, member: identity.member };
    const locale = parseLocale(incoming.locale) ?? identity.organisation.defaultLocale;
    if (!LOCAL_CHANNELS.has(incoming.channel)) {
      return reply(locale, t(locale, 'unknownMember', { organisation: identity.organisation.name }));
    }
    // Local mode: whoever reaches the local chat is a mentor of the local organisation.
    const member = await deps.directory.addMember(
      identity.organisation.id,
      { displayName: incoming.user.name ?? null, email: incoming.user.email ?? null, role: 'mentor', locale: parseLocale(incoming.locale) },
      { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id },
    );
    return { identity, member };
  }

  return {
    async handle(incoming) {
      const fallbackLocale = parseLocale(incoming.locale) ?? 'en';
      try {
        const who = await identify(incoming);
        if ('text' in who) return [who];
        const locale: Locale = who.member.locale ?? parseLocale(incoming.locale) ?? who.identity.organisation.defaultLocale;
        return [reply(locale, t(locale, 'help'))];
      } catch (error) {
        deps.logger.error({ err: error, channel: incoming.channel }, 'core failed to handle a message');
        return [reply(fallbackLocale, t(fallbackLocale, 'unavailable'))];
      }
    },
  };
}

function reply(locale: Locale, text: string): Reply {
  return { text, locale };
}
