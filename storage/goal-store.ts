import type { DataSource, EntityManager } from 'typeorm';
import type { GoalAdmin, GoalChange } from '../bot/ports';
import type { Goal } from '../reports/goal';
import { loadGoals, toGoal, type GoalRow } from '../reports/goals';

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

const GOAL_COLUMNS = `g.id::text AS id, g.unit_id::text AS unit_id, u.name AS unit_name, g.metric, g.comparator, g.target, g.per`;
const GOAL_FROM = `goals g LEFT JOIN units u ON u.organisation_id = g.organisation_id AND u.id = g.unit_id`;

/** Mentors' goals; every change writes an audit event in its transaction. */
export function createGoalAdmin(dataSource: DataSource): GoalAdmin {
  /** One goal change at a time per organisation, so two mentors cannot add the same goal twice. */
  async function locked<T>(organisationId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext('goals'))`, [organisationId]);
      return work(manager);
    });
  }

  return {
    list(organisationId) {
      return loadGoals(dataSource, organisationId);
    },

    async set(organisationId, actorId, spec) {
      return locked<GoalChange>(organisationId, async (manager) => {
        const unit = spec.unit === null ? null : await namedUnit(manager, organisationId, spec.unit, false);
        if (spec.unit !== null && !unit) return { status: 'unknownUnit' };
        const [row] = await manager.query<GoalRow[]>(
          `SELECT ${GOAL_COLUMNS} FROM ${GOAL_FROM}
            WHERE g.organisation_id = $1 AND coalesce(g.unit_id, $2::uuid) = $3::uuid AND g.metric = $4 AND g.per = $5`,
          [organisationId, NO_UNIT, unit?.id ?? NO_UNIT, spec.metric, spec.per],
        );
        const previous = row ? toGoal(row) : null;
        if (previous && previous.comparator === spec.comparator && previous.target === spec.target) {
          return { status: 'unchanged', goal: previous, previous };
        }
        let id: string;
        if (previous) {
          await manager.query(
            'UPDATE goals SET comparator = $3, target = $4, updated_at = now(), updated_by = $5 WHERE organisation_id = $1 AND id = $2',
            [organisationId, previous.id, spec.comparator, spec.target, actorId],
          );
          id = previous.id;
        } else {
          const [created] = await manager.query<{ id: string }[]>(
            `INSERT INTO goals (organisation_id, unit_id, metric, comparator, target, per, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
            [organisationId, unit?.id ?? null, spec.metric, spec.comparator, spec.target, spec.per, actorId],
          );
          id = created.id;
        }
        const goal: Goal = { id, unitId: unit?.id ?? null, unitName: unit?.name ?? null, metric: spec.metric, comparator: spec.comparator, target: spec.target, per: spec.per };
        await audit(manager, organisationId, actorId, previous ? 'goal.update' : 'goal.add', id, previous && auditView(previous), auditView(goal));
        return { status: previous ? 'updated' : 'added', goal, previous };
      });
    },

    async remove(organisationId, actorId, selector) {
      return locked(organisationId, async (manager) => {
        // A goal of an archived unit can still be removed.
        const unit = selector.unit === null ? null : await namedUnit(manager, organisationId, selector.unit, true);
        if (selector.unit !== null && !unit) return { status: 'unknownUnit' as const, removed: [] };
        const rows = await manager.query<GoalRow[]>(
          `SELECT ${GOAL_COLUMNS} FROM ${GOAL_FROM}
            WHERE g.organisation_id = $1 AND coalesce(g.unit_id, $2::uuid) = $3::uuid AND g.metric = $4 AND ($5::text IS NULL OR g.per = $5)
            ORDER BY g.per`,
          [organisationId, NO_UNIT, unit?.id ?? NO_UNIT, selector.metric, selector.per],
        );
        const removed = rows.map(toGoal);
        if (!removed.length) return { status: 'notFound' as const, removed };
        await manager.query('DELETE FROM goals WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, removed.map((goal) => goal.id)]);
        for (const goal of removed) await audit(manager, organisationId, actorId, 'goal.remove', goal.id, auditView(goal), null);
        return { status: 'done' as const, removed };
      });
    },
  };
}

/** A unit by its name, case-insensitively: an active one, or with `archived` also an archived one. */
async function namedUnit(manager: EntityManager, organisationId: string, name: string, archived: boolean): Promise<{ id: string; name: string } | null> {
  const [unit] = await manager.query<{ id: string; name: string }[]>(
    `SELECT id::text AS id, name FROM units WHERE organisation_id = $1 AND lower(name) = lower($2) AND ($3 OR archived_at IS NULL)
      ORDER BY archived_at NULLS FIRST LIMIT 1`,
    [organisationId, name, archived],
  );
  return unit ?? null;
}

/** A goal as the audit log shows it: "girlsShare (Kallio)", with its comparator, target and per. */
function auditView(goal: Goal): Record<string, unknown> {
  return {
    name: goal.unitName ? `${goal.metric} (${goal.unitName})` : goal.metric,
    metric: goal.metric,
    unit: goal.unitName,
    comparator: goal.comparator,
    target: goal.target,
    per: goal.per,
  };
}

async function audit(manager: EntityManager, organisationId: string, actorId: string, action: string, goalId: string, before: unknown, after: unknown): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
     VALUES ($1, $2, $3, 'goal', $4, $5, $6)`,
    [organisationId, actorId, action, goalId, before == null ? null : JSON.stringify(before), after == null ? null : JSON.stringify(after)],
  );
}
