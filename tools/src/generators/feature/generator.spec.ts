import { Tree, readJson, readProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureNames, singularOf } from './feature-names';
import { featureGenerator } from './generator';
import { APP_ENTITIES, APP_MIGRATIONS, APP_MODULE, ESLINT_CONFIG, TSCONFIG_BASE } from './wiring';

const WORKSPACE = join(__dirname, '../../../..');
/** The real files the generator edits, as they are in this workspace. */
const SEEDED = [
  APP_MODULE,
  APP_MIGRATIONS,
  APP_ENTITIES,
  ESLINT_CONFIG,
  TSCONFIG_BASE,
  '.prettierrc',
];

function seededTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // The empty workspace configures oxfmt; this one formats with Prettier, as its config says.
  tree.delete('.oxfmtrc.json');
  for (const path of SEEDED) tree.write(path, readFileSync(join(WORKSPACE, path), 'utf-8'));
  return tree;
}

const read = (tree: Tree, path: string): string => {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} was not generated`);
  return text;
};

describe(featureGenerator.name, () => {
  let tree: Tree;

  describe('a feature called notes', () => {
    const before = new Map<string, string>();

    // One run for the whole block (formatting takes a while); its tests only read the result.
    beforeAll(async () => {
      tree = seededTree();
      for (const path of SEEDED) before.set(path, read(tree, path));
      await featureGenerator(tree, { name: 'notes' });
    });

    it('is an Nx project tagged with its own scope, with lint and test targets', () => {
      const project = readProjectConfiguration(tree, 'notes');
      expect(project).toMatchObject({
        root: 'libs/notes',
        sourceRoot: 'libs/notes/src',
        projectType: 'library',
        tags: ['scope:notes', 'type:feature'],
        targets: {
          lint: { command: 'eslint libs/notes' },
          test: { command: 'jest --runInBand libs/notes' },
        },
      });
    });

    it('creates the library laid out like libs/tags', () => {
      const files = tree
        .listChanges()
        .map((change) => change.path)
        .filter((path) => path.startsWith('libs/notes/'))
        .map((path) => path.replace(/\d{13}/, '<ms>'))
        .sort();
      expect(files).toEqual([
        'libs/notes/README.md',
        'libs/notes/project.json',
        'libs/notes/src/index.ts',
        'libs/notes/src/lib/dto/create-note.dto.ts',
        'libs/notes/src/lib/dto/list-notes-query.dto.ts',
        'libs/notes/src/lib/dto/note.dto.ts',
        'libs/notes/src/lib/dto/update-note.dto.ts',
        'libs/notes/src/lib/migrations/<ms>-CreateNotes.ts',
        'libs/notes/src/lib/migrations/index.ts',
        'libs/notes/src/lib/note.entity.ts',
        'libs/notes/src/lib/notes.controller.ts',
        'libs/notes/src/lib/notes.e2e-spec.ts',
        'libs/notes/src/lib/notes.module.ts',
        'libs/notes/src/lib/notes.repository.ts',
        'libs/notes/src/lib/notes.service.spec.ts',
        'libs/notes/src/lib/notes.service.ts',
        'libs/notes/src/lib/task-notes.controller.ts',
        'libs/notes/src/testing.ts',
      ]);
      expect(files.join('\n')).not.toMatch(/template|<%|__/);
    });

    it('writes a migration named <unix-ms>-CreateNotes.ts whose class ends in the same instant', () => {
      const migration = tree
        .children('libs/notes/src/lib/migrations')
        .find((name) => name.endsWith('-CreateNotes.ts'))!;
      const [, timestamp] = /^(\d{13})-CreateNotes\.ts$/.exec(migration)!;
      expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
      const source = read(tree, `libs/notes/src/lib/migrations/${migration}`);
      expect(source).toContain(
        `export class CreateNotes${timestamp} implements MigrationInterface`,
      );
      expect(source).toContain(`name = 'CreateNotes${timestamp}'`);
      expect(source).toContain('CREATE TABLE "notes"');
      expect(source).toContain(
        'FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE',
      );
      expect(source).toMatch(/async down\(db: QueryRunner\)[^}]*DROP TABLE "notes"/);
      expect(read(tree, 'libs/notes/src/lib/migrations/index.ts')).toMatch(
        new RegExp(
          `export const notesMigrations: MigrationClass\\[\\] = \\[CreateNotes${timestamp}\\]`,
        ),
      );
    });

    it('maps the same table, columns and constraint names in the entity', () => {
      const entity = read(tree, 'libs/notes/src/lib/note.entity.ts');
      expect(entity).toContain("@Entity({ name: 'notes' })");
      expect(entity).toContain('export class Note {');
      expect(entity).toContain("'FK_notes_task'");
      expect(entity).toContain("@Index('notes_task_id_created_at_id_idx'");
      expect(entity).toContain("@Check('notes_body_not_blank'");
    });

    it('names every handler uniquely API-wide and serves /notes and /tasks/:taskId/notes', () => {
      const controllers =
        read(tree, 'libs/notes/src/lib/notes.controller.ts') +
        read(tree, 'libs/notes/src/lib/task-notes.controller.ts');
      expect(controllers).toContain("@Controller('notes')");
      expect(controllers).toContain("@Controller('tasks/:taskId/notes')");
      const handlers = [...controllers.matchAll(/^ {2}(?:async )?(\w+)\(/gm)]
        .map(([, name]) => name)
        .filter((name) => name !== 'constructor')
        .sort();
      expect(handlers).toEqual([
        'createNote',
        'createTaskNote',
        'deleteNote',
        'getNote',
        'listNotes',
        'listTaskNotes',
        'updateNote',
      ]);
    });

    it('boots core + notes alone in its e2e suite', () => {
      expect(read(tree, 'libs/notes/src/testing.ts')).toMatch(
        /createTestApp\(\{[^}]*imports: \[NotesModule[^}]*migrations: \[\.\.\.notesMigrations/s,
      );
      expect(read(tree, 'libs/notes/src/lib/notes.e2e-spec.ts')).toContain(
        "describe('Notes (e2e): core + notes alone'",
      );
    });

    it('maps the two aliases in tsconfig.base.json', () => {
      expect(readJson(tree, TSCONFIG_BASE).compilerOptions.paths).toMatchObject({
        '@task-api/notes': ['./libs/notes/src/index.ts'],
        '@task-api/notes/testing': ['./libs/notes/src/testing.ts'],
        '@task-api/core': ['./libs/core/src/index.ts'],
      });
    });

    it('gives notes a boundary of its own and lets the api depend on it', () => {
      const config = read(tree, ESLINT_CONFIG);
      expect(config).toContain(
        "{ sourceTag: 'scope:notes', onlyDependOnLibsWithTags: ['scope:core', 'scope:notes'] }",
      );
      const api = /sourceTag: 'scope:api',\s*onlyDependOnLibsWithTags: \[([^\]]*)\]/.exec(config)!;
      expect(api[1]).toContain("'scope:notes'");
      expect(api[1]).toContain("'scope:tags'");
      // The other features' constraints are untouched.
      expect(config).toContain(
        "{ sourceTag: 'scope:tags', onlyDependOnLibsWithTags: ['scope:core', 'scope:tags'] }",
      );
    });

    it('composes it into the app: module, migrations and entities', () => {
      const appModule = read(tree, APP_MODULE);
      expect(appModule).toContain("import { NotesModule } from '@task-api/notes';");
      expect(appModule).toMatch(
        /imports: \[\s*CoreModule\.forRoot\([\s\S]*TagsModule,\s*NotesModule,?\s*\]/,
      );
      expect(read(tree, APP_MIGRATIONS)).toContain(
        "import { notesMigrations } from '@task-api/notes';",
      );
      expect(read(tree, APP_MIGRATIONS)).toMatch(
        /allMigrations\(coreMigrations, tagsMigrations, notesMigrations\)/,
      );
      expect(read(tree, APP_ENTITIES)).toContain("import { Note } from '@task-api/notes';");
      expect(read(tree, APP_ENTITIES)).toMatch(/entities = \[Task, Tag, TaskTag, Note\]/);
    });

    it('changes nothing else in the files it edits', () => {
      const added = (path: string) => {
        const old = new Set(before.get(path)!.split('\n'));
        return read(tree, path)
          .split('\n')
          .filter((line) => !old.has(line));
      };
      expect(added(APP_ENTITIES)).toEqual([
        "import { Note } from '@task-api/notes';",
        'export const entities = [Task, Tag, TaskTag, Note];',
      ]);
      expect(added(APP_MODULE)).toEqual([
        "import { NotesModule } from '@task-api/notes';",
        '        NotesModule,',
      ]);
    });

    it('leaves files formatted as Prettier would', () => {
      expect(read(tree, 'libs/notes/src/lib/notes.module.ts')).toContain(
        '  controllers: [NotesController, TaskNotesController],\n',
      );
      expect(read(tree, 'libs/notes/src/lib/notes.service.ts')).not.toMatch(/^.{101,}$/m);
    });

    it('is refused a second time, changing nothing', async () => {
      const eslint = read(tree, ESLINT_CONFIG);
      await expect(featureGenerator(tree, { name: 'notes' })).rejects.toThrow(/exists already/);
      expect(read(tree, ESLINT_CONFIG)).toBe(eslint);
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
      expect(read(tree, APP_MIGRATIONS)).toContain('checklistItemsMigrations)');
    });

    it.each([
      ['Notes', /kebab-case/],
      ['my_notes', /kebab-case/],
      ['tasks', /taken by the core/],
      ['health', /taken by the core/],
      ['tags', /@task-api\/tags already/],
    ])('refuses the name %s', async (name, reason) => {
      await expect(featureGenerator(tree, { name })).rejects.toThrow(reason);
      expect(tree.exists(`libs/${name}`)).toBe(false);
    });

    it('refuses to guess when an anchor it edits is gone, naming the file', async () => {
      tree.write(APP_ENTITIES, 'export const everything = [];\n');
      await expect(featureGenerator(tree, { name: 'notes' })).rejects.toThrow(APP_ENTITIES);
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
