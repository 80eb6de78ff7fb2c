import { InitialSchema1764345600000 } from './1764345600000-initial-schema';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764345600000];
