import { execSync } from 'node:child_process';
import {
  GeneratorCallback,
  Tree,
  addProjectConfiguration,
  formatFiles,
  generateFiles,
  getProjects,
  readJson,
} from '@nx/devkit';
import { join } from 'node:path';
import {
  FEATURE_NAME_PATTERN,
  RESERVED_CLASS_NAMES,
  RESERVED_NAMES,
  featureNames,
} from './feature-names';
import { FeatureGeneratorSchema } from './schema';
import { TSCONFIG_BASE, wireFeature } from './wiring';

/**
 * `nx g @task-api/tools:feature <name>`: a feature library in `libs/<name>` that depends on
 * core only, with a table of its own (linked to tasks), its migration, CRUD routes under
 * `/<name>` and `/tasks/:taskId/<name>`, a unit test and an e2e suite booting core + the
 * feature alone; added to the app's list of feature manifests and to the TypeScript aliases.
 */
export async function featureGenerator(
  tree: Tree,
  options: FeatureGeneratorSchema,
): Promise<GeneratorCallback> {
  assertNewFeature(tree, options);
  const n = featureNames(options.name, options.singular);
  const root = `libs/${n.fileName}`;
  // Migration class names end in their timestamp: the app orders every library's by it.
  const timestamp = Date.now();

  addProjectConfiguration(tree, n.fileName, {
    root,
    sourceRoot: `${root}/src`,
    projectType: 'library',
    tags: [`scope:${n.fileName}`, 'type:feature'],
    targets: {
      lint: { command: `eslint ${root}` },
      test: { command: `jest --runInBand ${root}` },
    },
  });
  generateFiles(tree, join(__dirname, 'files'), root, { ...n, timestamp });
  wireFeature(tree, n);

  if (!options.skipFormat) await formatFiles(tree);
  // Once the files are on disk: the generated documents must list the new feature, or CI's
  // freshness checks (and the independence check) would fail on the very next commit.
  return () => {
    execSync('npm run --silent features > /dev/null && npm run --silent openapi', {
      stdio: 'inherit',
    });
  };
}

function assertNewFeature(tree: Tree, options: FeatureGeneratorSchema): void {
  const { name, singular } = options;
  for (const [what, value] of [
    ['name', name],
    ['singular', singular],
  ] as const) {
    if (value !== undefined && !FEATURE_NAME_PATTERN.test(value)) {
      throw new Error(`The ${what} "${value}" must be kebab-case: lowercase words joined by "-".`);
    }
  }
  if (RESERVED_NAMES.has(name) || (singular && RESERVED_NAMES.has(singular))) {
    throw new Error(`"${name}" is taken by the core or the app; choose another name.`);
  }
  const { singularClassName } = featureNames(name, singular);
  if (RESERVED_CLASS_NAMES.has(singularClassName)) {
    throw new Error(
      `The entity class would be called ${singularClassName}, a name the generated code imports; pass --singular with another word.`,
    );
  }
  if (tree.exists(`libs/${name}`) || getProjects(tree).has(name)) {
    throw new Error(`A project "${name}" (or libs/${name}) exists already.`);
  }
  const paths = readJson(tree, TSCONFIG_BASE).compilerOptions?.paths ?? {};
  if (paths[`@task-api/${name}`]) {
    throw new Error(
      `tsconfig.base.json maps @task-api/${name} already: a feature of that name exists.`,
    );
  }
}

export default featureGenerator;
