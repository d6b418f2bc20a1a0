import 'reflect-metadata';
import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  ProjectGraph,
  createProjectFileMapUsingProjectGraph,
  createProjectGraphAsync,
} from '@nx/devkit';
import { CoreModule, coreEntities } from '@task-api/core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { features } from '../features';
import { Endpoint, Row, joinPath, prefixOf, render, violationsOf } from './feature-rules';

/**
 * `npm run features`: the table of the method, read from the code itself — for each library,
 * the tables its entities map (TypeORM metadata), its files (Nx file map), its endpoints (the
 * routes of its controllers) and what it depends on (Nx project graph) — and the rules of
 * independence (SPEC §1) checked on it. Writes docs/FEATURES.md; `--check` only compares.
 */

interface Library {
  project: string;
  entities: readonly Type[];
  module: Type | DynamicModule;
}

/** Core, then the features the app composes: its manifest list, nothing kept by hand here. */
function libraries(): Library[] {
  const env = loadEnvironment({ PGLITE_DATA_DIR: 'memory://' });
  return [
    {
      project: 'core',
      entities: coreEntities,
      module: CoreModule.forRoot({ database: { migrations: [] } }),
    },
    ...features.map((feature) => ({
      project: feature.project,
      entities: feature.entities,
      module: feature.module(env),
    })),
  ];
}

const FEATURES_FILE = join(__dirname, '../../../../docs/FEATURES.md');

function tablesOf(library: Library): string[] {
  const entities = new Set<unknown>(library.entities);
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
  return libraries().map((library) => ({
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
