import 'reflect-metadata';
import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  ProjectGraph,
  createProjectFileMapUsingProjectGraph,
  createProjectGraphAsync,
} from '@nx/devkit';
import * as core from '@task-api/core';
import * as reminders from '@task-api/reminders';
import * as tags from '@task-api/tags';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { Endpoint, Row, joinPath, prefixOf, render, violationsOf } from './feature-rules';

/**
 * `npm run features`: the table of the method, read from the code itself — for each library,
 * the tables its entities map (TypeORM metadata), its files (Nx file map), its endpoints (the
 * routes of its controllers) and what it depends on (Nx project graph) — and the rules of
 * independence (SPEC §1) checked on it. Writes docs/FEATURES.md; `--check` only compares.
 */

interface Library {
  project: string;
  /** The library's public face (`@task-api/<name>`): its entities are found among the exports. */
  exports: Record<string, unknown>;
  module: Type | DynamicModule;
}

/** The libraries the app composes; a new feature adds a line here (the generator does). */
const LIBRARIES: Library[] = [
  {
    project: 'core',
    exports: core,
    module: core.CoreModule.forRoot({ database: { migrations: [] } }),
  },
  { project: 'tags', exports: tags, module: tags.TagsModule },
  { project: 'reminders', exports: reminders, module: reminders.RemindersModule.forRoot() },
];

const FEATURES_FILE = join(__dirname, '../../../../docs/FEATURES.md');

function tablesOf(library: Library): string[] {
  const entities = new Set(Object.values(library.exports));
  return getMetadataArgsStorage()
    .tables.filter((table) => entities.has(table.target))
    .map((table) => table.name ?? String(table.target))
    .sort();
}

function controllersOf(module: Type | DynamicModule): Type[] {
  const dynamic = 'module' in module ? (module as DynamicModule) : undefined;
  const type = dynamic ? dynamic.module : (module as Type);
  const declared: Type[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) ?? [];
  return [...declared, ...((dynamic?.controllers as Type[]) ?? [])];
}

function endpointsOf(module: Type | DynamicModule): Endpoint[] {
  return controllersOf(module).flatMap((controller) => {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    const prototype = controller.prototype;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => Reflect.hasMetadata(METHOD_METADATA, prototype[name]))
      .map((name) => {
        const path = joinPath(base, Reflect.getMetadata(PATH_METADATA, prototype[name]) ?? '');
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, prototype[name]) as number];
        return { method, path, prefix: prefixOf(path) };
      });
  });
}

function rowsOf(graph: ProjectGraph, fileMap: Record<string, { file: string }[]>): Row[] {
  return LIBRARIES.map((library) => ({
    project: library.project,
    tables: tablesOf(library),
    files: (fileMap[library.project] ?? []).map((file) => file.file).sort(),
    endpoints: endpointsOf(library.module),
    // Workspace projects only (npm packages are not part of the method's table).
    dependsOn: (graph.dependencies[library.project] ?? [])
      .map((dependency) => dependency.target)
      .filter((target) => target in graph.nodes && target !== library.project)
      .sort(),
  }));
}

async function main(check: boolean): Promise<void> {
  const graph = await createProjectGraphAsync({ exitOnError: true });
  const fileMap = await createProjectFileMapUsingProjectGraph(graph);
  const rows = rowsOf(graph, fileMap);
  const violations = violationsOf(rows);
  const markdown = render(rows, violations);
  console.log(markdown);
  if (check) {
    if (readFileSync(FEATURES_FILE, 'utf8') !== markdown) {
      console.error('docs/FEATURES.md is stale: run `npm run features` and commit it.');
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(FEATURES_FILE), { recursive: true });
    writeFileSync(FEATURES_FILE, markdown);
  }
  if (violations.length > 0) process.exit(1);
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
