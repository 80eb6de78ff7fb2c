import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { ConversationState } from '../bot/conversation-state';
import type { Reply } from '../bot/messages';
import type { CommitResult, ConversationStore, TurnEffects, TurnScope, TurnStart } from '../bot/ports';
import { ORGANISATION_BY_CHANNEL } from './channel-organisation';
import { toMember, toOrganisation, type OrganisationRow } from './identity-rows';
import { inTransaction, pgPool, poolQuery, prepared, type TimedQuery } from './pg-pool';
import { TURN_ABORT, turnWrites, upsertAddress } from './turn-writes';

/*
 * Every chat turn runs through this store: one query to start it, and usually one statement to commit it
 * (see turn-writes.ts). It talks to node-postgres directly, in named statements (see pg-pool.ts).
 */

/** Thrown inside a turn's transaction to roll it back. */
class TurnConflict extends Error {}

interface WrittenRow {
  entry_id: string | null;
}

interface StartRow extends OrganisationRow {
  member_id: string | null;
  display_name: string | null;
  role: 'worker' | 'mentor' | 'manager' | null;
  locale: string | null;
  processed: boolean;
  replies: Reply[] | null;
  draft_id: string | null;
  draft_state: ConversationState | null;
}

/** The organisation of a channel tenant, its member behind the channel user, and that member's message and draft. */
const startTurnQuery = (organisationCondition: string) => `
  WITH organisation AS (
    SELECT id, name, time_zone, default_locale, settings FROM organisations WHERE ${organisationCondition}
  ), member AS (
    SELECT m.id, m.display_name, m.role, m.locale
      FROM organisation o
      JOIN channel_identities ci ON ci.organisation_id = o.id
      JOIN members m ON m.organisation_id = ci.organisation_id AND m.id = ci.member_id
     WHERE ci.channel = $2 AND ci.tenant_id = $1 AND ci.user_id = ANY($3::text[]) AND m.removed_at IS NULL
     ORDER BY ci.user_id = $4 DESC LIMIT 1
  )
  SELECT o.id, o.name, o.time_zone, o.default_locale, o.settings,
         m.id AS member_id, m.display_name, m.role, m.locale,
         p.message_id IS NOT NULL AS processed, p.replies,
         d.id AS draft_id, d.state AS draft_state
    FROM organisation o
    LEFT JOIN member m ON true
    LEFT JOIN processed_messages p ON p.organisation_id = o.id AND m.id IS NOT NULL AND p.channel = $2 AND p.message_id = $5::text
    LEFT JOIN drafts d ON d.organisation_id = o.id AND d.member_id = m.id AND d.conversation_key = $6`;

const START_TURN = Object.fromEntries(
  Object.entries(ORGANISATION_BY_CHANNEL).map(([channel, condition]) => [channel, prepared(`turn_start_${channel}`, startTurnQuery(condition))]),
);


const SAVE_ADDRESS = prepared('turn_save_address', upsertAddress('$1', '$2', '$3', '$4', '$5'));
const LOAD_DRAFT = prepared('turn_load_draft', 'SELECT id, state FROM drafts WHERE organisation_id = $1 AND member_id = $2 AND conversation_key = $3');
const PROCESSED_REPLIES = prepared(
  'turn_processed_replies',
  'SELECT replies FROM processed_messages WHERE organisation_id = $1 AND channel = $2 AND message_id = $3',
);

/** `queryTimeoutMs` bounds each query of a turn, so a database that hangs gets "nothing was saved" too. */
export function createConversationStore(dataSource: DataSource, queryTimeoutMs?: number): ConversationStore {
  const pool = () => pgPool(dataSource);
  const run = <Row extends QueryResultRow>(query: TimedQuery) => poolQuery<Row>(pool(), queryTimeoutMs ? { ...query, query_timeout: queryTimeoutMs } : query);
  return {
    async startTurn(channelUser, turn): Promise<TurnStart> {
      const query = START_TURN[channelUser.channel];
      if (!query) return { identity: null, earlierReplies: null, draft: null };
      const { userId, otherUserIds } = channelUser;
      const { rows } = await run<StartRow>(
        query([channelUser.tenant, channelUser.channel, [userId, ...otherUserIds], userId, turn.messageId, turn.conversationKey]),
      );
      const [row] = rows;
      if (!row) return { identity: null, earlierReplies: null, draft: null };
      const organisation = toOrganisation(row);
      if (!row.member_id || !row.role) return { identity: { organisation, member: null }, earlierReplies: null, draft: null };
      const member = toMember({ id: row.member_id, organisation_id: row.id, display_name: row.display_name, role: row.role, locale: row.locale });
      return {
        identity: { organisation, member },
        earlierReplies: row.processed ? (row.replies ?? []) : null,
        draft: row.draft_id && row.draft_state ? { id: row.draft_id, state: row.draft_state } : null,
      };
    },

    async saveAddress(organisationId, channel, conversationId, memberId, address) {
      await run(SAVE_ADDRESS([organisationId, channel, conversationId, memberId, JSON.stringify(address)]));
    },

    async loadDraft(organisationId, memberId, conversationKey) {
      const { rows } = await run<{ id: string; state: ConversationState }>(LOAD_DRAFT([organisationId, memberId, conversationKey]));
      return rows[0] ?? null;
    },

    async processedReplies(organisationId, channel, messageId) {
      const { rows } = await run<{ replies: Reply[] | null }>(PROCESSED_REPLIES([organisationId, channel, messageId]));
      return rows[0] ? (rows[0].replies ?? []) : null;
    },

    async commit(scope, effects): Promise<CommitResult> {
      const writes = turnWrites(scope, effects);
      try {
        // Most turns only write: one statement, atomic by itself. The rest take a transaction.
        if (!effects.undoEntryId && !effects.reflection && !effects.memberLocale) {
          const [written] = writes ? (await run<WrittenRow>(writes)).rows : [];
          return { status: 'committed', entryId: written?.entry_id ?? null };
        }
        return await inTransaction(pool(), async (client) => {
          const [written] = writes ? (await client.query<WrittenRow>(writes)).rows : [];
          if (effects.undoEntryId) await undoEntry(client, scope, effects.undoEntryId);
          if (effects.reflection) await addReflection(client, scope, effects.reflection);
          if (effects.memberLocale) {
            await client.query('UPDATE members SET locale = $3 WHERE organisation_id = $1 AND id = $2', [
              scope.organisationId,
              scope.memberId,
              effects.memberLocale,
            ]);
          }
          return { status: 'committed' as const, entryId: written?.entry_id ?? null };
        });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (error instanceof TurnConflict || code === TURN_ABORT.conflict) return { status: 'conflict' };
        if (code === TURN_ABORT.duplicate && scope.messageId) {
          const replies = await this.processedReplies(scope.organisationId, scope.channel, scope.messageId);
          return { status: 'duplicate', replies: replies ?? [] };
        }
        throw error;
      }
    },
  };
}

async function undoEntry(client: PoolClient, scope: TurnScope, entryId: string): Promise<void> {
  const { rows } = await client.query<{ row: unknown }>(
    `SELECT to_jsonb(e) AS row FROM entries e
      WHERE organisation_id = $1 AND id = $2 AND author_id = $3 AND deleted_at IS NULL FOR UPDATE`,
    [scope.organisationId, entryId, scope.memberId],
  );
  if (!rows[0]) throw new TurnConflict();
  await client.query('UPDATE entries SET deleted_at = now(), updated_at = now() WHERE organisation_id = $1 AND id = $2', [
    scope.organisationId,
    entryId,
  ]);
  await client.query(
    `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
     VALUES ($1, $2, 'entry.delete', 'entry', $3, $4, NULL)`,
    [scope.organisationId, scope.memberId, entryId, JSON.stringify(rows[0].row)],
  );
}

/** One reflection answer, keyed by its question, on the member's own entry; an entry undone meanwhile is left alone. */
async function addReflection(client: PoolClient, scope: TurnScope, reflection: NonNullable<TurnEffects['reflection']>): Promise<void> {
  await client.query(
    `UPDATE entries SET reflections = COALESCE(reflections, '{}'::jsonb) || jsonb_build_object($4::text, $5::text), updated_at = now()
      WHERE organisation_id = $1 AND id = $2 AND author_id = $3 AND deleted_at IS NULL`,
    [scope.organisationId, reflection.entryId, scope.memberId, reflection.question, reflection.answer],
  );
}
