import { Tree, readJson, readProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureNames, singularOf } from './feature-names';
import { featureGenerator } from './generator';
import { APP_FEATURES, TSCONFIG_BASE, WORKER_FEATURES } from './wiring';

const WORKSPACE = join(__dirname, '../../../..');
/** The real files the generator edits, as they are in this workspace. */
const SEEDED = [
  APP_FEATURES,
  WORKER_FEATURES,
  TSCONFIG_BASE,
  'apps/api/src/app.module.ts',
  'apps/api/src/entities.ts',
  'apps/api/src/migrations.ts',
  'apps/api/src/scripts/features.ts',
  'eslint.config.mjs',
  '.prettierrc',
];

function seededTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // The empty workspace configures oxfmt; this one formats with Prettier, as its config says.
  tree.delete('.oxfmtrc.json');
  for (const path of SEEDED) tree.write(path, readFileSync(join(WORKSPACE, path), 'utf-8'));
  return tree;
}

/** The names in the array literal assigned to `name`, whatever Prettier made of its layout. */
function arrayElements(source: string, name: string): string[] {
  const [, list] = new RegExp(`${name}[^=]*=\\s*\\[([^\\]]*)\\]`).exec(source) ?? [];
  if (list === undefined) throw new Error(`no array ${name} in the source`);
  return list
    .split(',')
    .map((element) => element.trim())
    .filter((element) => element.length > 0);
}

const read = (tree: Tree, path: string): string => {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} was not generated`);
  return text;
};

describe(featureGenerator.name, () => {
  let tree: Tree;

  describe('a feature called probes', () => {
    const before = new Map<string, string>();

    // One run for the whole block (formatting takes a while); its tests only read the result.
    beforeAll(async () => {
      tree = seededTree();
      for (const path of SEEDED) before.set(path, read(tree, path));
      await featureGenerator(tree, { name: 'probes' });
      // Prettier over every generated file: seconds on a busy machine.
    }, 60_000);

    it('is an Nx project tagged with its own scope, with lint and test targets', () => {
      const project = readProjectConfiguration(tree, 'probes');
      expect(project).toMatchObject({
        root: 'libs/probes',
        sourceRoot: 'libs/probes/src',
        projectType: 'library',
        tags: ['scope:probes', 'type:feature'],
        targets: {
          lint: { command: 'eslint libs/probes' },
          test: { command: 'jest --runInBand libs/probes' },
        },
      });
    });

    it('creates the library laid out like libs/tags', () => {
      const files = tree
        .listChanges()
        .map((change) => change.path)
        .filter((path) => path.startsWith('libs/probes/'))
        .map((path) => path.replace(/\d{13}/, '<ms>'))
        .sort();
      expect(files).toEqual([
        'libs/probes/README.md',
        'libs/probes/project.json',
        'libs/probes/src/index.ts',
        'libs/probes/src/lib/dto/create-probe.dto.ts',
        'libs/probes/src/lib/dto/list-probes-query.dto.ts',
        'libs/probes/src/lib/dto/probe.dto.ts',
        'libs/probes/src/lib/dto/update-probe.dto.ts',
        'libs/probes/src/lib/migrations/<ms>-CreateProbes.ts',
        'libs/probes/src/lib/migrations/index.ts',
        'libs/probes/src/lib/probe.entity.ts',
        'libs/probes/src/lib/probes.controller.ts',
        'libs/probes/src/lib/probes.e2e-spec.ts',
        'libs/probes/src/lib/probes.feature.ts',
        'libs/probes/src/lib/probes.module.ts',
        'libs/probes/src/lib/probes.repository.ts',
        'libs/probes/src/lib/probes.service.spec.ts',
        'libs/probes/src/lib/probes.service.ts',
        'libs/probes/src/lib/probes.task-extension.ts',
        'libs/probes/src/lib/task-probes.controller.ts',
        'libs/probes/src/lib/task-probes.sql.ts',
        'libs/probes/src/testing.ts',
      ]);
      expect(files.join('\n')).not.toMatch(/template|<%|__/);
    });

    it('writes a migration named <unix-ms>-CreateProbes.ts whose class ends in the same instant', () => {
      const migration = tree
        .children('libs/probes/src/lib/migrations')
        .find((name) => name.endsWith('-CreateProbes.ts'))!;
      const [, timestamp] = /^(\d{13})-CreateProbes\.ts$/.exec(migration)!;
      expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
      const source = read(tree, `libs/probes/src/lib/migrations/${migration}`);
      expect(source).toContain(
        `export class CreateProbes${timestamp} implements MigrationInterface`,
      );
      expect(source).toContain(`name = 'CreateProbes${timestamp}'`);
      expect(source).toContain('CREATE TABLE "probes"');
      expect(source).toContain(
        'FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE',
      );
      expect(source).toMatch(/async down\(db: QueryRunner\)[^}]*DROP TABLE "probes"/);
      expect(read(tree, 'libs/probes/src/lib/migrations/index.ts')).toMatch(
        new RegExp(
          `export const probesMigrations: MigrationClass\\[\\] = \\[CreateProbes${timestamp}\\]`,
        ),
      );
    });

    it('maps the same table, columns and constraint names in the entity', () => {
      const entity = read(tree, 'libs/probes/src/lib/probe.entity.ts');
      expect(entity).toContain("@Entity({ name: 'probes' })");
      expect(entity).toContain('export class Probe {');
      expect(entity).toContain("'FK_probes_task'");
      expect(entity).toContain("@Index('probes_task_id_created_at_id_idx'");
      expect(entity).toContain("@Check('probes_body_not_blank'");
    });

    it('names every handler uniquely API-wide and serves /probes and /tasks/:taskId/probes', () => {
      const controllers =
        read(tree, 'libs/probes/src/lib/probes.controller.ts') +
        read(tree, 'libs/probes/src/lib/task-probes.controller.ts');
      expect(controllers).toContain("@Controller('probes')");
      expect(controllers).toContain("@Controller('tasks/:taskId/probes')");
      const handlers = [...controllers.matchAll(/^ {2}(?:async )?(\w+)\(/gm)]
        .map(([, name]) => name)
        .filter((name) => name !== 'constructor')
        .sort();
      expect(handlers).toEqual([
        'createProbe',
        'createTaskProbe',
        'deleteProbe',
        'getProbe',
        'listProbes',
        'listTaskProbes',
        'updateProbe',
      ]);
    });

    it('contributes its items to task views and a filter to GET /tasks, as SQL', () => {
      const extension = read(tree, 'libs/probes/src/lib/probes.task-extension.ts');
      expect(extension).toContain('@TaskContribution({ order: 100 })');
      expect(extension).toContain("readonly field = 'probes';");
      expect(extension).toContain('hasProbes?: ');
      expect(read(tree, 'libs/probes/src/lib/task-probes.sql.ts')).toContain(
        'FROM probes item WHERE item.task_id = task.id',
      );
      expect(read(tree, 'libs/probes/src/lib/probes.module.ts')).toMatch(
        /providers: \[ProbesRepository, ProbesService, ProbesTaskExtension\]/,
      );
    });

    it('boots core + probes alone in its e2e suite', () => {
      expect(read(tree, 'libs/probes/src/testing.ts')).toMatch(
        /createTestApp\(\{[^}]*imports: \[ProbesModule[^}]*migrations: \[\.\.\.probesMigrations/s,
      );
      expect(read(tree, 'libs/probes/src/lib/probes.e2e-spec.ts')).toContain(
        "describe('Probes (e2e): core + probes alone'",
      );
    });

    it('maps the two aliases in tsconfig.base.json', () => {
      expect(readJson(tree, TSCONFIG_BASE).compilerOptions.paths).toMatchObject({
        '@task-api/probes': ['./libs/probes/src/index.ts'],
        '@task-api/probes/testing': ['./libs/probes/src/testing.ts'],
        '@task-api/core': ['./libs/core/src/index.ts'],
      });
    });

    it('exports one manifest of the feature: its module, entity and migrations', () => {
      const manifest = read(tree, 'libs/probes/src/lib/probes.feature.ts');
      expect(manifest).toContain('export const probesFeature: FeatureManifest = {');
      expect(manifest).toMatch(/module: \(\) => ProbesModule,\s+entities: \[Probe\],/);
      expect(manifest).toContain('migrations: probesMigrations,');
      expect(read(tree, 'libs/probes/src/index.ts')).toContain(
        "export { probesFeature } from './lib/probes.feature';",
      );
    });

    // Relative to the file as it was: the workspace gains features, the spec must not care.
    it('adds the manifest to the apps’ lists, after what was there, and changes nothing else', () => {
      const after = read(tree, APP_FEATURES);
      expect(after).toContain("import { probesFeature } from '@task-api/probes';");
      const featuresBefore = arrayElements(before.get(APP_FEATURES)!, 'features');
      expect(featuresBefore.length).toBeGreaterThan(0);
      expect(arrayElements(after, 'features')).toEqual([...featuresBefore, 'probesFeature']);
      // The workspace's own files are as they were, the boundary rules among them: they are
      // written by project type (no line per feature).
      const changed = [...before]
        .filter(([path, text]) => read(tree, path) !== text)
        .map(([path]) => path)
        .sort();
      expect(changed).toEqual([APP_FEATURES, WORKER_FEATURES, TSCONFIG_BASE].sort());
      expect(arrayElements(read(tree, WORKER_FEATURES), 'features')).toContain('probesFeature');
    });

    it('leaves files formatted as Prettier would', () => {
      expect(read(tree, 'libs/probes/src/lib/probes.module.ts')).toContain(
        '  controllers: [ProbesController, TaskProbesController],\n',
      );
      expect(read(tree, 'libs/probes/src/lib/probes.service.ts')).not.toMatch(/^.{101,}$/m);
    });

    it('is refused a second time, changing nothing', async () => {
      const features = read(tree, APP_FEATURES);
      await expect(featureGenerator(tree, { name: 'probes' })).rejects.toThrow(/exists already/);
      expect(read(tree, APP_FEATURES)).toBe(features);
    });
  });

  describe('other names', () => {
    beforeEach(() => {
      tree = seededTree();
    });

    it('spells a two-word feature right: folder, table, classes, routes', async () => {
      await featureGenerator(tree, { name: 'checklist-items' });
      expect(read(tree, 'libs/checklist-items/src/lib/checklist-item.entity.ts')).toContain(
        "@Entity({ name: 'checklist_items' })\n",
      );
      const controller = read(tree, 'libs/checklist-items/src/lib/checklist-items.controller.ts');
      expect(controller).toContain("@Controller('checklist-items')");
      expect(controller).toContain('export class ChecklistItemsController');
      expect(controller).toContain('async createChecklistItem(');
      expect(controller).toContain("summary: 'Create a checklist item'");
      expect(arrayElements(read(tree, APP_FEATURES), 'features')).toContain(
        'checklistItemsFeature',
      );
      // Prettier over every generated file: seconds on a busy machine.
    }, 60_000);

    it.each([
      ['Notes', /kebab-case/],
      ['my_notes', /kebab-case/],
      ['tasks', /taken by the core/],
      ['health', /taken by the core/],
      ['tags', /@task-api\/tags already/],
      ['pages', /would be called Page/],
    ])('refuses the name %s', async (name, reason) => {
      await expect(featureGenerator(tree, { name })).rejects.toThrow(reason);
      expect(tree.exists(`libs/${name}`)).toBe(false);
    });

    it('refuses to guess when the list it edits is gone, naming the file', async () => {
      tree.write(APP_FEATURES, 'export const everything = [];\n');
      await expect(featureGenerator(tree, { name: 'probes' })).rejects.toThrow(APP_FEATURES);
    });
  });
});

describe(featureNames.name, () => {
  it.each([
    ['notes', 'note'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['addresses', 'address'],
    ['attachments', 'attachment'],
    ['feedback', 'feedback'],
    ['checklist-items', 'checklist-item'],
  ])('takes %s to %s', (plural, singular) => {
    expect(singularOf(plural)).toBe(singular);
  });

  it('derives every spelling from the name, or from --singular', () => {
    expect(featureNames('checklist-items')).toEqual({
      fileName: 'checklist-items',
      className: 'ChecklistItems',
      propertyName: 'checklistItems',
      singularFileName: 'checklist-item',
      singularClassName: 'ChecklistItem',
      singularPropertyName: 'checklistItem',
      singularConstantName: 'CHECKLIST_ITEM',
      tableName: 'checklist_items',
      singularTitle: 'checklist item',
      pluralTitle: 'checklist items',
      singularLabel: 'Checklist item',
      aSingular: 'a checklist item',
    });
    expect(featureNames('people', 'person')).toMatchObject({
      singularClassName: 'Person',
      aSingular: 'a person',
    });
    expect(featureNames('items').aSingular).toBe('an item');
  });
});
