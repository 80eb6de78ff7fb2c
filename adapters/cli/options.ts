import { InvalidArgumentError } from 'commander';

/** A --date style option: YYYY-MM-DD. */
export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('must be a date such as 2026-11-25');
  }
  return value;
}
