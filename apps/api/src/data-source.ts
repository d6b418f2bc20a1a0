import 'reflect-metadata';
import { postgresOptions } from '@task-api/core';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/**
 * The TypeORM CLI's data source (`npm run db:migrate`, `migration:generate`). The app itself
 * migrates at start; this is for operators and for writing new migrations.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');

export default new DataSource({
  ...postgresOptions(url, migrations),
  entities,
  // As the app runs them: each migration in its own transaction, so one that builds an index
  // CONCURRENTLY (outside any transaction) can run.
  migrationsTransactionMode: 'each',
});
