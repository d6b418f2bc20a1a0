import { DynamicModule, Type } from '@nestjs/common';
import { MigrationClass } from '../database/database.module';

/**
 * Everything an app needs to compose a feature library, exported by the library as one value.
 * The app keeps one list of manifests and derives from it its module imports, its TypeORM
 * entities, its migrations, the features table (`npm run features`) and so its OpenAPI
 * document; adding a feature to an app is adding its manifest to that list.
 */
export interface FeatureManifest<Env = object> {
  /** The library's Nx project (`tags`), as the features table names it. */
  readonly project: string;
  /** The feature's Nest module, configured from the app's validated environment. */
  module(env: Env): Type | DynamicModule;
  /** The entities of the tables this feature owns. */
  readonly entities: readonly Type[];
  /** The feature's own migrations; the app runs every library's as one list, by timestamp. */
  readonly migrations: readonly MigrationClass[];
}
