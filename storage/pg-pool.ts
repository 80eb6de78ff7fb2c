import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * node-postgres' pool under TypeORM, for the chat turn's queries: TypeORM's query runner (a pool checkout,
 * broadcasts and logging per query) costs more CPU than such a small query itself.
 */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * Runs `work` on one pooled connection, which goes back to the pool even when a statement failed. (The pool's
 * own query() closes a connection whose statement failed; on PGlite, whose one backend outlives the
 * connection, the next connection would then find its named statements there already.)
 */
export async function onConnection<T>(pool: Pool, work: (client: PoolClient, discard: (error: Error) => void) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no listener of the pool's: a connection lost between queries would be an
  // unhandled 'error' event that ends the process. It is kept, and the client is discarded on release;
  // `work` may discard it too.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return await work(client, onError);
  } finally {
    // A failed statement inside a transaction it began (pg-boss sends "BEGIN; …; COMMIT" as one query) leaves
    // the connection in that transaction, where every later statement would fail: it is rolled back first.
    if (!broken && transactionStatus(client) !== 'I') await client.query('ROLLBACK').catch(onError);
    client.off('error', onError);
    client.release(broken);
  }
}

/** 'I' idle, 'T' in a transaction, 'E' in a failed one, as the server last said (idle before it said anything). */
function transactionStatus(client: PoolClient): string | null {
  return (client as PoolClient & { getTransactionStatus(): string | null }).getTransactionStatus() ?? 'I';
}

/** A query with node-postgres' per-query read timeout, which its types leave out. */
export type TimedQuery = QueryConfig & { query_timeout?: number };

/** The pool's query(), except that a failed statement leaves its connection in the pool (see onConnection). */
export function poolQuery<Row extends QueryResultRow>(pool: Pool, query: TimedQuery | string, values?: unknown[]): Promise<QueryResult<Row>> {
  return onConnection(pool, (client) => client.query<Row>(query, values));
}

/**
 * pg-boss's `db` option: the app's pool, as embedded PGlite takes one connection. (TypeORM's query() reshapes
 * UPDATE … RETURNING results, so pg-boss gets the pool itself.)
 */
export function pgBossDatabase(dataSource: DataSource): { executeSql(text: string, values?: unknown[]): Promise<QueryResult> } {
  const pool = pgPool(dataSource);
  return { executeSql: (text, values) => poolQuery(pool, text, values) };
}

/** Runs `work` in one transaction on one pooled connection, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return onConnection(pool, async (client, discard) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot roll back is closed rather than handed to the next caller.
      await client.query('ROLLBACK').catch(discard);
      throw error;
    }
  });
}

/**
 * A named statement: each connection parses and plans it once and then only binds and runs it. For the turn's
 * queries planning costs several times more than running them, most of all on PGlite, where it runs in-process.
 * Names must be unique in the process.
 */
export function prepared(name: string, text: string): (values: unknown[]) => QueryConfig {
  return (values) => ({ name, text, values });
}
