import { names } from '@nx/devkit';

/** Every spelling of a feature's name that the templates and the wiring need. */
export interface FeatureNames {
  /** kebab-case plural: the folder, the route prefix, the Nx project (`notes`). */
  fileName: string;
  /** PascalCase plural: module, service, controller classes (`Notes`). */
  className: string;
  /** camelCase plural: the migrations export is `<propertyName>Migrations` (`notes`). */
  propertyName: string;
  /** kebab-case singular: entity and DTO files (`note`). */
  singularFileName: string;
  /** PascalCase singular: the entity and DTO classes (`Note`). */
  singularClassName: string;
  /** camelCase singular (`note`). */
  singularPropertyName: string;
  /** UPPER_CASE singular, for constants (`NOTE`). */
  singularConstantName: string;
  /** snake_case plural: the table (`notes`). */
  tableName: string;
  /** Words, for summaries and messages (`note`, `checklist item`). */
  singularTitle: string;
  pluralTitle: string;
  /** Capitalised, for messages (`Note 1234... does not exist.`). */
  singularLabel: string;
  /** With its indefinite article, for summaries (`a note`, `an item`). */
  aSingular: string;
}

export const FEATURE_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Names that would collide with what exists: core's table and routes (`tasks`), its
 * operation ids (`createTask`...), the app's own routes, and the workspace's projects.
 */
export const RESERVED_NAMES = new Set(['core', 'task', 'tasks', 'api', 'health', 'docs', 'tools']);

/**
 * Identifiers the generated files import (from core, Nest, TypeORM, class-validator): an entity
 * class of the same name would shadow them (`pages` would make a `Page` entity).
 */
export const RESERVED_CLASS_NAMES = new Set([
  'Page',
  'Task',
  'Entity',
  'Column',
  'Check',
  'Index',
  'Module',
  'Controller',
  'Injectable',
  'Body',
  'Query',
  'Headers',
  'Res',
  'Get',
  'Post',
  'Patch',
  'Delete',
  'HttpCode',
  'Transform',
  'Length',
  'DataSource',
  'EntityManager',
  'MigrationInterface',
  'QueryRunner',
]);

/** English plural to singular, for the common cases; pass `--singular` for the others. */
export function singularOf(plural: string): string {
  if (/[^aeiou]ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x|z)es$/.test(plural)) return plural.replace(/es$/, '');
  if (/[^s]s$/.test(plural)) return plural.replace(/s$/, '');
  return plural;
}

export function featureNames(name: string, singular = singularOf(name)): FeatureNames {
  const plural = names(name);
  const one = names(singular);
  return {
    fileName: plural.fileName,
    className: plural.className,
    propertyName: plural.propertyName,
    singularFileName: one.fileName,
    singularClassName: one.className,
    singularPropertyName: one.propertyName,
    singularConstantName: one.constantName,
    tableName: plural.fileName.replace(/-/g, '_'),
    singularTitle: one.fileName.replace(/-/g, ' '),
    pluralTitle: plural.fileName.replace(/-/g, ' '),
    singularLabel: one.className.charAt(0) + one.fileName.slice(1).replace(/-/g, ' '),
    aSingular: `${/^[aeiou]/.test(one.fileName) ? 'an' : 'a'} ${one.fileName.replace(/-/g, ' ')}`,
  };
}
