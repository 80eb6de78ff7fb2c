/**
 * Rows an UPDATE or DELETE changed. TypeORM's query() answers those with [rows, rowCount]
 * instead of the rows, so `result.length` would always be 2.
 */
export function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
