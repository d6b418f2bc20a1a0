import { Foundation1764450000000 } from './1764450000000-Foundation';

/** Core's migrations; the app runs them with every feature's, as one list ordered by timestamp. */
export const coreMigrations = [Foundation1764450000000];
