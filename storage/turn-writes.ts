import type { QueryConfig } from 'pg';
import type { Reply } from '../bot/messages';
import type { TurnEffects, TurnScope } from '../bot/ports';

/** The SQLSTATEs a turn's writes fail with when a part did not go through; nothing of the statement is kept. */
export const TURN_ABORT = {
  /** Another delivery of the same message claimed it first. */
  duplicate: 'LBDUP',
  /** The draft changed since it was read, or the entry of this message exists already. */
  conflict: 'LBCON',
} as const;

/**
 * A turn's usual writes as one statement (one round trip instead of four): the conversation's address, the
 * message's claim, the draft's change (checked against the revision that was read) and a new entry. When the
 * claim, the draft's change or the entry does not go through, the statement raises a TURN_ABORT code, so none
 * of it is kept: it needs no transaction of its own. Its row holds the new entry's id.
 *
 * It is a named statement per combination of parts, so each connection plans each combination once.
 */
export function turnWrites(scope: TurnScope, effects: TurnEffects): QueryConfig | null {
  const values: unknown[] = [];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const org = param(scope.organisationId);
  const parts: [name: string, sql: string][] = [];
  const { address, entry } = effects;
  if (address) {
    const reference = param(JSON.stringify(address.reference));
    parts.push(['address', upsertAddress(org, param(scope.channel), param(address.conversationId), param(scope.memberId), reference)]);
  }
  if (scope.messageId) {
    parts.push([
      'claim',
      `INSERT INTO processed_messages (organisation_id, channel, message_id, replies)
       VALUES (${org}, ${param(scope.channel)}, ${param(scope.messageId)}, ${param(JSON.stringify(effects.replies.map(withoutFiles)))})
       ON CONFLICT DO NOTHING RETURNING 1`,
    ]);
  }
  const draft = draftWrite(scope, effects, org, param);
  if (draft) parts.push(['draft', draft.sql]);
  if (entry) {
    const f = entry.fields;
    const p = f.participants;
    parts.push([
      'entry',
      `INSERT INTO entries (id, organisation_id, date, unit_id, activity_id, work_form, duration_minutes, total, girls, boys,
                            non_binary, new_participants, age_groups, youth_led, staff_count, themes, notes, reflections,
                            author_id, channel, source_message_id)
       VALUES (COALESCE(${param(entry.id ?? null)}::uuid, gen_random_uuid()), ${org}, ${param(f.date)},
               (SELECT id FROM units WHERE organisation_id = ${org} AND name = ${param(f.unit)}),
               (SELECT id FROM activities WHERE organisation_id = ${org} AND name = ${param(f.activity)}),
               ${[f.workForm, f.durationMinutes, p.total, p.girls, p.boys, p.nonBinary, p.new, f.ageGroups, f.youthLed, f.staffCount, f.themes, f.notes]
                 .map(param)
                 .join(', ')},
               ${param(entry.reflections ? JSON.stringify(entry.reflections) : null)}, ${param(scope.memberId)}, ${param(scope.channel)},
               ${param(entry.sourceMessageId)})
       ON CONFLICT (organisation_id, source_message_id) WHERE source_message_id IS NOT NULL DO NOTHING
       RETURNING id`,
    ]);
  }
  if (!parts.length) return null;
  const names = parts.map(([name]) => name);
  const unclaimed = names.includes('claim') ? 'NOT EXISTS (SELECT FROM claim)' : 'false';
  const conflicting = [...(draft ? ['NOT EXISTS (SELECT FROM draft)'] : []), ...(entry ? ['NOT EXISTS (SELECT FROM entry)'] : [])].join(' OR ') || 'false';
  const entryId = entry ? '(SELECT id FROM entry)' : 'NULL::uuid';
  return {
    name: `turn_writes_${names.join('_')}${draft ? `_${draft.kind}` : ''}`,
    text: `WITH ${parts.map(([name, sql]) => `${name} AS (${sql})`).join(',\n')}
           SELECT CASE WHEN ${unclaimed} THEN logbook_abort_turn('${TURN_ABORT.duplicate}')
                       WHEN ${conflicting} THEN logbook_abort_turn('${TURN_ABORT.conflict}') END AS aborted,
                  ${entryId} AS entry_id`,
    values,
  };
}

/** The conversation's latest reply address, for proactive messages: SQL over the given parameters. */
export function upsertAddress(organisationId: string, channel: string, conversationId: string, memberId: string, reference: string): string {
  return `INSERT INTO conversation_references (organisation_id, channel, conversation_id, member_id, reference)
          VALUES (${organisationId}, ${channel}, ${conversationId}, ${memberId}, ${reference})
          ON CONFLICT (organisation_id, channel, conversation_id)
          DO UPDATE SET reference = EXCLUDED.reference, member_id = EXCLUDED.member_id, updated_at = now()`;
}

/** The draft's insert, update or removal, if the turn changes it, checked against the revision that was read. */
function draftWrite(
  scope: TurnScope,
  effects: TurnEffects,
  org: string,
  param: (value: unknown) => string,
): { kind: 'insert' | 'update' | 'remove'; sql: string } | null {
  const read = effects.readDraft;
  const change = effects.draft;
  if (!change) return null;
  if ('remove' in change) {
    if (!read) return null;
    const revision = param(read.state.revision);
    return { kind: 'remove', sql: `DELETE FROM drafts WHERE organisation_id = ${org} AND id = ${param(read.id)} AND (state->>'revision')::int = ${revision} RETURNING 1` };
  }
  const state = param(JSON.stringify(change.save));
  if (read) {
    const revision = param(read.state.revision);
    return {
      kind: 'update',
      sql: `UPDATE drafts SET state = ${state}, updated_at = now()
             WHERE organisation_id = ${org} AND id = ${param(read.id)} AND (state->>'revision')::int = ${revision} RETURNING 1`,
    };
  }
  return {
    kind: 'insert',
    sql: `INSERT INTO drafts (organisation_id, member_id, conversation_key, state)
          VALUES (${org}, ${param(scope.memberId)}, ${param(scope.conversationKey)}, ${state})
          ON CONFLICT (organisation_id, member_id, conversation_key) DO NOTHING RETURNING 1`,
  };
}

/** A redelivered message gets the replies' text and cards again; files (charts, exports) are not kept. */
function withoutFiles({ attachments: _files, ...reply }: Reply): Reply {
  return reply;
}
