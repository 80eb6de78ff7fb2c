import type { ConversationState } from '../conversation-state';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import { normalise, parseWorkFormAnswer } from '../nlu';
import type { AdminStore, CatalogueKind, ChangeStatus, MemberInfo, MemberListing, MemberQuery, OrganisationInfo, Role } from '../ports';
import type { AdminCommand, MemberRef } from './commands';
import { handleGoalCommand } from './goal-handle';
import { auditLines, catalogueLines, fieldLabel, itemName, languageName, memberLine, memberName, REQUIRABLE_FIELDS, roleLabel } from './format';
import { answerOf, askConfirmation, restore, type PendingAction, type PendingAdminState } from './pending';
import { isAllowed, refusalKey } from './permissions';

/** What the mentor's turn changes in the conversation, and the replies. */
export interface AdminDecision {
  replies: Reply[];
  draft?: { save: ConversationState } | { remove: true };
}

export interface AdminContext {
  admin: AdminStore;
  organisation: OrganisationInfo;
  /** The mentor acting; every change is audited under this member. */
  actor: MemberInfo;
  locale: Locale;
  /** Where the command came from: @mentions are channel users of this channel and tenant. */
  channel: string;
  tenant: string;
  now: Date;
}

const AUDIT_LIMIT = 20;
/** Characters of a unit, activity or theme name, alias or keyword: they are shown on cards and are keys of unique indexes. */
export const MAX_NAME_LENGTH = 100;
const MAX_RETENTION_DAYS = 36_500;
const KIND_PHRASE: Record<CatalogueKind, PhraseKey> = { unit: 'kindUnit', activity: 'kindActivity', theme: 'kindTheme' };

/** The names a command would store: catalogue names, new names, aliases and keywords. */
function namesOf(command: AdminCommand): string[] {
  switch (command.kind) {
    case 'addUnit':
    case 'addActivity':
      return [command.name, ...command.aliases];
    case 'addTheme':
      return [command.name, ...Object.values(command.keywords).flat()];
    case 'rename':
      return [command.newName];
    case 'addAliases':
      return Object.values(command.aliases).flat();
    default:
      return [];
  }
}

/** Runs a mentor command (the core has checked the role) and answers in the mentor's language. */
export async function handleAdminCommand(command: AdminCommand, ctx: AdminContext, current: ConversationState | null): Promise<AdminDecision> {
  const { admin, locale } = ctx;
  const org = ctx.organisation.id;
  const actor = ctx.actor.id;
  const say = (key: PhraseKey, params: Record<string, string | number> = {}): AdminDecision => ({ replies: [reply(locale, t(locale, key, params))] });
  if (namesOf(command).some((name) => [...name].length > MAX_NAME_LENGTH)) return say('nameTooLong', { max: MAX_NAME_LENGTH });

  switch (command.kind) {
    case 'addMember':
      return { replies: [reply(locale, (await Promise.all(command.members.map((ref) => addMember(ref, command.role, ctx)))).join('\n'))] };

    case 'setRole': {
      const found = await findMember(command.who, ctx);
      if ('replies' in found) return found;
      const status = await admin.members.updateRole(org, actor, found.id, command.role);
      const params = { name: memberName(found, locale), who: memberName(found, locale), role: roleLabel(command.role, locale) };
      const key: PhraseKey =
        status === 'lastMentor' ? 'lastMentor' : status === 'unchanged' ? 'roleUnchanged' : status === 'notFound' ? 'memberNotFound' : 'roleSet';
      return say(key, params);
    }

    case 'setUnits': {
      const found = await findMember(command.who, ctx);
      if ('replies' in found) return found;
      const result = await admin.members.updateUnits(org, actor, found.id, command.units);
      if (result.unknown.length) return say('unknownUnits', { names: result.unknown.join(', '), options: await options(ctx, 'unit') });
      const name = memberName(found, locale);
      if (result.status === 'notFound') return say('memberNotFound', { who: name });
      return command.units.length ? say('unitsSet', { name, units: command.units.join(', ') }) : say('unitsCleared', { name });
    }

    case 'removeMember': {
      const found = await findMember(command.who, ctx);
      if ('replies' in found) return found;
      if (found.id === actor) return say('cannotRemoveSelf');
      const name = memberName(found, locale);
      return askConfirmation({ kind: 'removeMember', memberId: found.id, name }, t(locale, 'confirmRemoveMember', { name }), current, locale);
    }

    case 'listMembers': {
      const members = await admin.members.list(org);
      const lines = [t(locale, 'membersTitle', { count: members.length }), ...members.map((m) => memberLine(m, locale))];
      return { replies: [reply(locale, lines.join('\n'))] };
    }

    case 'addUnit':
      return catalogueAdded('unit', command.name, await admin.catalogue.add(org, actor, 'unit', { name: command.name, aliases: command.aliases }), ctx);

    case 'addActivity': {
      const workForm = command.workForm ? parseWorkFormAnswer(normalise(command.workForm)) : null;
      if (command.workForm && !workForm) return say('unknownWorkForm', { value: command.workForm });
      const unit = command.unit ? await admin.catalogue.resolve(org, 'unit', command.unit) : null;
      if (command.unit && !unit) return say('unknownUnit', { name: command.unit, options: await options(ctx, 'unit') });
      const status = await admin.catalogue.add(org, actor, 'activity', { name: command.name, aliases: command.aliases, unit, workForm });
      return catalogueAdded('activity', command.name, status, ctx);
    }

    case 'addTheme': {
      const status = await admin.catalogue.add(org, actor, 'theme', { name: command.name, aliases: [], keywords: command.keywords, locale: command.locale });
      return catalogueAdded('theme', command.name, status, ctx);
    }

    case 'rename': {
      const { target, name, newName } = command;
      const status = await admin.catalogue.rename(org, actor, target, name, newName, command.locale);
      const kind = t(locale, KIND_PHRASE[target]);
      if (status === 'notFound') return say('catalogueNotFound', { kind, name, options: await options(ctx, target) });
      if (status === 'exists') return say('catalogueExists', { kind, name: newName });
      if (target === 'theme') return say('themeRenamed', { name, newName, language: languageName(command.locale, locale) });
      return say('catalogueRenamed', { kind, name, newName });
    }

    case 'archive': {
      const kind = t(locale, KIND_PHRASE[command.target]);
      const name = await admin.catalogue.resolve(org, command.target, command.name);
      if (!name) return say('catalogueNotFound', { kind, name: command.name, options: await options(ctx, command.target) });
      return askConfirmation({ kind: 'archive', target: command.target, name }, t(locale, 'confirmArchive', { kind, name }), current, locale);
    }

    case 'addAliases': {
      const { target, name, aliases } = command;
      const status = await admin.catalogue.addAliases(org, actor, target, name, aliases);
      const kind = t(locale, KIND_PHRASE[target]);
      if (status === 'notFound') return say('catalogueNotFound', { kind, name, options: await options(ctx, target) });
      if (status === 'unchanged') return say('aliasesUnchanged', { kind, name });
      return say('aliasesAdded', { kind, name, aliases: Object.values(aliases).flat().join(', ') });
    }

    case 'listCatalogue': {
      const items = await admin.catalogue.list(org, command.target);
      return { replies: [reply(locale, catalogueLines(command.target, items, locale).join('\n'))] };
    }

    case 'setRequiredFields': {
      if (command.unknown.length) {
        return say('unknownFields', { names: command.unknown.join(', '), options: REQUIRABLE_FIELDS.map((f) => fieldLabel(f, locale)).join(', ') });
      }
      const status = await admin.settings.set(org, actor, { setting: 'requiredFields', value: command.fields });
      if (status === 'unchanged') return say('settingUnchanged');
      if (!command.fields.length) return say('requiredFieldsNone');
      return say('requiredFieldsSet', { fields: command.fields.map((f) => fieldLabel(f, locale)).join(', ') });
    }

    case 'setReflectionQuestions': {
      const value = command.questions.map((question) => ({ [command.locale]: question }));
      const status = await admin.settings.set(org, actor, { setting: 'reflectionQuestions', value });
      if (status === 'unchanged') return say('settingUnchanged');
      if (!command.questions.length) return say('reflectionQuestionsCleared');
      return say('reflectionQuestionsSet', { questions: command.questions.map((q, i) => `${i + 1}. ${q}`).join('\n') });
    }

    case 'setTimeZone': {
      const timeZone = canonicalTimeZone(command.timeZone);
      if (!timeZone) return say('invalidTimeZone', { value: command.timeZone });
      const status = await admin.settings.set(org, actor, { setting: 'timeZone', value: timeZone });
      if (status === 'unchanged') return say('settingUnchanged');
      const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(ctx.now);
      return say('timeZoneSet', { timeZone, time });
    }

    case 'setDefaultLocale': {
      const status = await admin.settings.set(org, actor, { setting: 'defaultLocale', value: command.locale });
      return status === 'unchanged' ? say('settingUnchanged') : say('defaultLocaleSet', { language: languageName(command.locale, locale) });
    }

    case 'setNoteRetention': {
      const { days } = command;
      if (days != null && (days < 1 || days > MAX_RETENTION_DAYS)) return say('invalidRetention');
      const status = await admin.settings.set(org, actor, { setting: 'noteRetentionDays', value: days });
      if (status === 'unchanged') return say('settingUnchanged');
      return days == null ? say('noteRetentionOff') : say('noteRetentionSet', { days });
    }

    case 'showSettings': {
      const s = await admin.settings.get(org);
      const questions = s.reflectionQuestions.map((q) => q[locale] ?? Object.values(q).find(Boolean)).filter(Boolean);
      return say('settingsSummary', {
        name: s.name,
        timeZone: s.timeZone,
        language: languageName(s.defaultLocale, locale),
        fields: s.requiredFields.map((f) => fieldLabel(f, locale)).join(', ') || t(locale, 'listEmpty'),
        questions: questions.join(' | ') || t(locale, 'listEmpty'),
        retention: s.noteRetentionDays == null ? t(locale, 'retentionForever') : t(locale, 'retentionDays', { days: s.noteRetentionDays }),
      });
    }

    case 'setGoal':
    case 'removeGoal':
    case 'listGoals':
      return handleGoalCommand(command, ctx);

    case 'audit': {
      const lines = await admin.recentAudit(org, AUDIT_LIMIT);
      if (!lines.length) return say('auditNone');
      return { replies: [reply(locale, [t(locale, 'auditTitle'), ...auditLines(lines, ctx.organisation.timeZone, locale)].join('\n'))] };
    }
  }
}

/** Carries out a confirmed destructive change, and goes back to what the conversation waited for before. */
export async function runConfirmed(state: PendingAdminState, ctx: AdminContext): Promise<AdminDecision> {
  const { locale } = ctx;
  const status = await runAction(state.action, ctx);
  const draft = restore(state);
  const action = state.action;
  if (action.kind === 'removeMember') {
    const key: PhraseKey = status === 'lastMentor' ? 'lastMentor' : status === 'notFound' ? 'memberNotFound' : 'memberRemoved';
    return { draft, replies: [reply(locale, t(locale, key, { name: action.name, who: action.name }))] };
  }
  const kind = t(locale, KIND_PHRASE[action.target]);
  if (status === 'notFound') return { draft, replies: [reply(locale, t(locale, 'catalogueNotFound', { kind, name: action.name, options: await options(ctx, action.target) }))] };
  return { draft, replies: [reply(locale, t(locale, 'catalogueArchived', { kind, name: action.name }))] };
}

function runAction(action: PendingAction, ctx: AdminContext): Promise<ChangeStatus> {
  const org = ctx.organisation.id;
  if (action.kind === 'removeMember') return ctx.admin.members.remove(org, ctx.actor.id, action.memberId);
  return ctx.admin.catalogue.archive(org, ctx.actor.id, action.target, action.name);
}

async function addMember(ref: MemberRef, role: Role, ctx: AdminContext): Promise<string> {
  const { locale } = ctx;
  if ('name' in ref) return t(locale, 'memberAddHow');
  const byMention = 'mention' in ref;
  const result = await ctx.admin.members.add(ctx.organisation.id, ctx.actor.id, {
    displayName: byMention ? ref.mention.name : null,
    email: byMention ? null : ref.email,
    role,
    identity: byMention ? { channel: ctx.channel, tenant: ctx.tenant, userId: ref.mention.userId } : null,
  });
  const params = { name: memberName(result.member, locale), role: roleLabel(result.member.role, locale) };
  if (result.status === 'exists') return t(locale, 'memberExists', params);
  if (result.status === 'restored') return t(locale, 'memberRestored', params);
  return t(locale, byMention ? 'memberAdded' : 'memberAddedByEmail', params);
}

/** The one member a reference names, or the reply that says none or several do. */
async function findMember(ref: MemberRef, ctx: AdminContext): Promise<MemberListing | AdminDecision> {
  const { locale } = ctx;
  const query: MemberQuery =
    'mention' in ref ? { mention: { channel: ctx.channel, tenant: ctx.tenant, userId: ref.mention.userId } } : ref;
  const found = await ctx.admin.members.find(ctx.organisation.id, query);
  const who = 'mention' in ref ? (ref.mention.name ?? ref.mention.userId) : 'email' in ref ? ref.email : ref.name;
  if (found.length === 1) return found[0];
  if (!found.length) return { replies: [reply(locale, t(locale, 'memberNotFound', { who }))] };
  return { replies: [reply(locale, t(locale, 'memberAmbiguous', { who, names: found.map((m) => memberName(m, locale)).join(', ') }))] };
}

function catalogueAdded(kind: CatalogueKind, name: string, status: ChangeStatus, ctx: AdminContext): AdminDecision {
  const { locale } = ctx;
  const params = { kind: t(locale, KIND_PHRASE[kind]), name };
  const key: PhraseKey = status === 'restored' ? 'catalogueRestored' : status === 'exists' ? 'catalogueExists' : 'catalogueAdded';
  return { replies: [reply(locale, t(locale, key, params))] };
}

async function options(ctx: AdminContext, kind: CatalogueKind): Promise<string> {
  const items = await ctx.admin.catalogue.list(ctx.organisation.id, kind);
  return items.map((item) => itemName(item, ctx.locale)).join(', ') || t(ctx.locale, 'listEmpty');
}

/** The IANA name of a time zone Intl knows ("europe/helsinki" → "Europe/Helsinki"), or null. */
export function canonicalTimeZone(value: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Replies start with a capital, also when a phrase starts with a placeholder ("yksikkö … on jo olemassa"). */
function reply(locale: Locale, text: string): Reply {
  return { text: text.charAt(0).toUpperCase() + text.slice(1), locale };
}

/**
 * The mentor's answer to a pending destructive change: confirm (checked against the role again), cancel,
 * or a stale button; null when the message is no answer to it.
 */
export async function answerPending(
  state: PendingAdminState,
  input: { text: string; actionData?: Record<string, unknown> | null },
  ctx: AdminContext,
): Promise<AdminDecision | null> {
  const { locale } = ctx;
  const answer = answerOf(state, input.text, input.actionData);
  if (!answer) return null;
  if (answer === 'stale') return { replies: [reply(locale, t(locale, 'staleConfirmation'))] };
  if (answer === 'cancel') return { draft: restore(state), replies: [reply(locale, t(locale, 'adminCancelled'))] };
  if (!isAllowed(ctx.actor.role, state.action.kind)) {
    return { draft: restore(state), replies: [reply(locale, t(locale, refusalKey(state.action.kind)))] };
  }
  return runConfirmed(state, ctx);
}
