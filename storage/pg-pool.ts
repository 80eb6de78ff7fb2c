import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * node-postgres' pool under TypeORM, for the chat turn's queries: TypeORM's query runner (a pool checkout,
 * broadcasts and logging per query) costs more CPU than such a small query itself.
 */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** Runs `work` in one transaction on one pooled connection, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no listener of the pool's: a connection lost between queries would be an
  // unhandled 'error' event that ends the process. It is kept, and the client is discarded on release.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot roll back is closed rather than handed to the next caller.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * A named statement: each connection parses and plans it once and then only binds and runs it. For the turn's
 * queries planning costs several times more than running them, most of all on PGlite, where it runs in-process.
 * Names must be unique in the process.
 */
export function prepared(name: string, text: string): (values: unknown[]) => QueryConfig {
  return (values) => ({ name, text, values });
}
