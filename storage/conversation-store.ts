import type { DataSource, EntityManager } from 'typeorm';
import type { ConversationState } from '../bot/conversation-state';
import type { Reply } from '../bot/messages';
import { rowCount } from './row-count';
import type { CommitResult, ConversationStore, DraftRecord, TurnEffects, TurnScope } from '../bot/ports';

/** Thrown inside a turn's transaction to roll it back. */
class TurnConflict extends Error {}

const INSERT_ENTRY = `
  INSERT INTO entries (id, organisation_id, date, unit_id, activity_id, work_form, duration_minutes, total, girls, boys,
                       non_binary, new_participants, age_groups, youth_led, staff_count, themes, notes, reflections,
                       author_id, channel, source_message_id)
  VALUES (COALESCE($21::uuid, gen_random_uuid()), $1, $2,
          (SELECT id FROM units WHERE organisation_id = $1 AND name = $3),
          (SELECT id FROM activities WHERE organisation_id = $1 AND name = $4),
          $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
  ON CONFLICT (organisation_id, source_message_id) WHERE source_message_id IS NOT NULL DO NOTHING
  RETURNING id`;

export function createConversationStore(dataSource: DataSource): ConversationStore {
  return {
    async saveAddress(organisationId, channel, conversationId, memberId, address) {
      await dataSource.query(
        `INSERT INTO conversation_references (organisation_id, channel, conversation_id, member_id, reference)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_id, channel, conversation_id)
         DO UPDATE SET reference = EXCLUDED.reference, member_id = EXCLUDED.member_id, updated_at = now()`,
        [organisationId, channel, conversationId, memberId, JSON.stringify(address)],
      );
    },

    async loadDraft(organisationId, memberId, conversationKey) {
      const [row] = await dataSource.query<{ id: string; state: ConversationState }[]>(
        'SELECT id, state FROM drafts WHERE organisation_id = $1 AND member_id = $2 AND conversation_key = $3',
        [organisationId, memberId, conversationKey],
      );
      return row ?? null;
    },

    async processedReplies(organisationId, channel, messageId) {
      const [row] = await dataSource.query<{ replies: Reply[] | null }[]>(
        'SELECT replies FROM processed_messages WHERE organisation_id = $1 AND channel = $2 AND message_id = $3',
        [organisationId, channel, messageId],
      );
      return row ? (row.replies ?? []) : null;
    },

    async commit(scope, effects): Promise<CommitResult> {
      try {
        return await dataSource.transaction(async (manager) => {
          if (scope.messageId && !(await claimMessage(manager, scope, effects.replies))) {
            throw new DuplicateMessage();
          }
          await writeDraft(manager, scope, effects);
          const entryId = effects.entry ? await insertEntry(manager, scope, effects.entry) : null;
          if (effects.undoEntryId) await undoEntry(manager, scope, effects.undoEntryId);
          if (effects.reflection) await addReflection(manager, scope, effects.reflection);
          if (effects.memberLocale) {
            await manager.query('UPDATE members SET locale = $3 WHERE organisation_id = $1 AND id = $2', [
              scope.organisationId,
              scope.memberId,
              effects.memberLocale,
            ]);
          }
          return { status: 'committed' as const, entryId };
        });
      } catch (error) {
        if (error instanceof TurnConflict) return { status: 'conflict' };
        if (error instanceof DuplicateMessage && scope.messageId) {
          const replies = await this.processedReplies(scope.organisationId, scope.channel, scope.messageId);
          return { status: 'duplicate', replies: replies ?? [] };
        }
        throw error;
      }
    },
  };
}

class DuplicateMessage extends Error {}

/** Records the message id; false when another delivery of it was committed already. */
async function claimMessage(manager: EntityManager, scope: TurnScope, replies: Reply[]): Promise<boolean> {
  const claimed = await manager.query(
    `INSERT INTO processed_messages (organisation_id, channel, message_id, replies) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING message_id`,
    [scope.organisationId, scope.channel, scope.messageId, JSON.stringify(replies.map(withoutFiles))],
  );
  return claimed.length > 0;
}

async function writeDraft(manager: EntityManager, scope: TurnScope, effects: TurnEffects): Promise<void> {
  const read: DraftRecord | null = effects.readDraft;
  const change = effects.draft;
  if (!change) return;
  if ('remove' in change) {
    if (!read) return;
    const removed = rowCount(
      await manager.query(
        `DELETE FROM drafts WHERE organisation_id = $1 AND id = $2 AND (state->>'revision')::int = $3 RETURNING id`,
        [scope.organisationId, read.id, read.state.revision],
      ),
    );
    if (removed === 0) throw new TurnConflict();
    return;
  }
  const state = JSON.stringify(change.save);
  const written = read
    ? rowCount(
        await manager.query(
          `UPDATE drafts SET state = $4, updated_at = now()
            WHERE organisation_id = $1 AND id = $2 AND (state->>'revision')::int = $3 RETURNING id`,
          [scope.organisationId, read.id, read.state.revision, state],
        ),
      )
    : rowCount(await manager.query(
        `INSERT INTO drafts (organisation_id, member_id, conversation_key, state) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, member_id, conversation_key) DO NOTHING RETURNING id`,
        [scope.organisationId, scope.memberId, scope.conversationKey, state],
      ));
  if (written === 0) throw new TurnConflict();
}

async function insertEntry(manager: EntityManager, scope: TurnScope, entry: NonNullable<TurnEffects['entry']>): Promise<string> {
  const f = entry.fields;
  const p = f.participants;
  const inserted: { id: string }[] = await manager.query(INSERT_ENTRY, [
    scope.organisationId,
    f.date,
    f.unit,
    f.activity,
    f.workForm,
    f.durationMinutes,
    p.total,
    p.girls,
    p.boys,
    p.nonBinary,
    p.new,
    f.ageGroups,
    f.youthLed,
    f.staffCount,
    f.themes,
    f.notes,
    entry.reflections ? JSON.stringify(entry.reflections) : null,
    scope.memberId,
    scope.channel,
    entry.sourceMessageId,
    entry.id ?? null,
  ]);
  if (inserted.length === 0) throw new TurnConflict();
  return inserted[0].id;
}

async function undoEntry(manager: EntityManager, scope: TurnScope, entryId: string): Promise<void> {
  const [before] = await manager.query<{ row: unknown }[]>(
    `SELECT to_jsonb(e) AS row FROM entries e
      WHERE organisation_id = $1 AND id = $2 AND author_id = $3 AND deleted_at IS NULL FOR UPDATE`,
    [scope.organisationId, entryId, scope.memberId],
  );
  if (!before) throw new TurnConflict();
  await manager.query('UPDATE entries SET deleted_at = now(), updated_at = now() WHERE organisation_id = $1 AND id = $2', [
    scope.organisationId,
    entryId,
  ]);
  await manager.query(
    `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
     VALUES ($1, $2, 'entry.delete', 'entry', $3, $4, NULL)`,
    [scope.organisationId, scope.memberId, entryId, JSON.stringify(before.row)],
  );
}

/** One reflection answer, keyed by its question, on the member's own entry; an entry undone meanwhile is left alone. */
async function addReflection(manager: EntityManager, scope: TurnScope, reflection: NonNullable<TurnEffects['reflection']>): Promise<void> {
  await manager.query(
    `UPDATE entries SET reflections = COALESCE(reflections, '{}'::jsonb) || jsonb_build_object($4::text, $5::text), updated_at = now()
      WHERE organisation_id = $1 AND id = $2 AND author_id = $3 AND deleted_at IS NULL`,
    [scope.organisationId, reflection.entryId, scope.memberId, reflection.question, reflection.answer],
  );
}

/** A redelivered message gets the replies' text and cards again; files (charts, exports) are not kept. */
function withoutFiles({ attachments: _files, ...reply }: Reply): Reply {
  return reply;
}
