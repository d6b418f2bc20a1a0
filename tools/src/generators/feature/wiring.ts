import { ChangeType, StringChange, Tree, applyChangesToString, updateJson } from '@nx/devkit';
import * as ts from 'typescript';
import { FeatureNames } from './feature-names';

/**
 * The edits outside the new library: the app composes it (module, migrations, entities), the
 * TypeScript aliases name its two entry points, and the boundary rules give it a scope of its
 * own. Source files are edited through their syntax tree, so formatting and the order of the
 * existing entries do not matter; an anchor that cannot be found is an error naming the file,
 * never a silent skip.
 */
export const APP_MODULE = 'apps/api/src/app.module.ts';
export const APP_MIGRATIONS = 'apps/api/src/migrations.ts';
export const APP_ENTITIES = 'apps/api/src/entities.ts';
export const FEATURES_SCRIPT = 'apps/api/src/scripts/features.ts';
export const ESLINT_CONFIG = 'eslint.config.mjs';
export const TSCONFIG_BASE = 'tsconfig.base.json';

export function wireFeature(tree: Tree, n: FeatureNames): void {
  const importPath = `@task-api/${n.fileName}`;
  editSource(tree, APP_MODULE, (source) => {
    const imports = findPropertyArrays(source, 'imports').find((array) =>
      array.elements.some((element) => element.getText().startsWith('CoreModule')),
    );
    if (!imports) throw anchorMissing(APP_MODULE, 'an `imports: [CoreModule.forRoot(...), ...]`');
    return [
      ...addNamedImport(source, `${n.className}Module`, importPath),
      ...appendToArray(imports, `${n.className}Module`),
    ];
  });
  editSource(tree, APP_MIGRATIONS, (source) => {
    const call = findAll(source, ts.isCallExpression).find(
      (node) =>
        node.expression.getText() === 'allMigrations' && ts.isVariableDeclaration(node.parent),
    );
    if (!call)
      throw anchorMissing(APP_MIGRATIONS, '`export const migrations = allMigrations(...)`');
    return [
      ...addNamedImport(source, `${n.propertyName}Migrations`, importPath),
      ...appendArgument(call, `${n.propertyName}Migrations`),
    ];
  });
  editSource(tree, APP_ENTITIES, (source) => {
    const entities = arrayOfVariable(source, 'entities');
    if (!entities) throw anchorMissing(APP_ENTITIES, '`export const entities = [...]`');
    return [
      ...addNamedImport(source, n.singularClassName, importPath),
      ...appendToArray(entities, n.singularClassName),
    ];
  });
  editSource(tree, FEATURES_SCRIPT, (source) => {
    const libraries = arrayOfVariable(source, 'LIBRARIES');
    if (!libraries) throw anchorMissing(FEATURES_SCRIPT, '`const LIBRARIES: Library[] = [...]`');
    return [
      ...addNamespaceImport(source, n.propertyName, importPath),
      ...appendToArray(
        libraries,
        `{ project: '${n.fileName}', exports: ${n.propertyName}, module: ${n.propertyName}.${n.className}Module }`,
      ),
    ];
  });
  editSource(tree, ESLINT_CONFIG, (source) => {
    const constraints = arrayOfVariable(source, 'depConstraints');
    if (!constraints) throw anchorMissing(ESLINT_CONFIG, '`const depConstraints = [...]`');
    const scope = `scope:${n.fileName}`;
    const api = constraints.elements.find(
      (element) => ts.isObjectLiteralExpression(element) && sourceTagOf(element) === 'scope:api',
    ) as ts.ObjectLiteralExpression | undefined;
    const apiAllowed = api && findPropertyArrays(api, 'onlyDependOnLibsWithTags')[0];
    if (!apiAllowed) throw anchorMissing(ESLINT_CONFIG, "the `sourceTag: 'scope:api'` constraint");
    const own = constraints.elements.some(
      (element) => ts.isObjectLiteralExpression(element) && sourceTagOf(element) === scope,
    );
    return [
      ...(own
        ? []
        : appendToArray(
            constraints,
            `{ sourceTag: '${scope}', onlyDependOnLibsWithTags: ['scope:core', '${scope}'] }`,
          )),
      ...appendToArray(apiAllowed, `'${scope}'`),
    ];
  });
  updateJson(tree, TSCONFIG_BASE, (json) => {
    const paths: Record<string, string[]> = (json.compilerOptions.paths ??= {});
    paths[importPath] = [`./libs/${n.fileName}/src/index.ts`];
    paths[`${importPath}/testing`] = [`./libs/${n.fileName}/src/testing.ts`];
    return json;
  });
}

function editSource(
  tree: Tree,
  path: string,
  changesOf: (source: ts.SourceFile) => StringChange[],
): void {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} does not exist: cannot wire the feature into it.`);
  const kind = path.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  tree.write(path, applyChangesToString(text, changesOf(source)));
}

const anchorMissing = (path: string, what: string): Error =>
  new Error(`Cannot wire the feature: ${path} has no ${what}. Add it by hand, or restore it.`);

function findAll<T extends ts.Node>(root: ts.Node, is: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node): void => {
    if (is(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The array literals assigned to properties called `name` anywhere under `root`. */
function findPropertyArrays(root: ts.Node, name: string): ts.ArrayLiteralExpression[] {
  return findAll(root, ts.isPropertyAssignment)
    .filter((property) => property.name.getText() === name)
    .map((property) => property.initializer)
    .filter(ts.isArrayLiteralExpression);
}

function arrayOfVariable(
  source: ts.SourceFile,
  name: string,
): ts.ArrayLiteralExpression | undefined {
  const declaration = findAll(source, ts.isVariableDeclaration).find(
    (node) => node.name.getText() === name,
  );
  const initializer = declaration?.initializer;
  return initializer && ts.isArrayLiteralExpression(initializer) ? initializer : undefined;
}

function sourceTagOf(object: ts.ObjectLiteralExpression): string | undefined {
  const property = object.properties.find(
    (candidate): candidate is ts.PropertyAssignment =>
      ts.isPropertyAssignment(candidate) && candidate.name.getText() === 'sourceTag',
  );
  return property && ts.isStringLiteral(property.initializer)
    ? property.initializer.text
    : undefined;
}

/** Appends an element unless one with the same text is there already. */
function appendToArray(array: ts.ArrayLiteralExpression, text: string): StringChange[] {
  return appendTo(array.elements, array.elements.pos, text);
}

function appendArgument(call: ts.CallExpression, text: string): StringChange[] {
  return appendTo(call.arguments, call.arguments.pos, text);
}

function appendTo(list: ts.NodeArray<ts.Node>, emptyAt: number, text: string): StringChange[] {
  if (list.some((node) => node.getText() === text)) return [];
  const last = list[list.length - 1];
  return last
    ? [{ type: ChangeType.Insert, index: last.getEnd(), text: `, ${text}` }]
    : [{ type: ChangeType.Insert, index: emptyAt, text }];
}

/** `import * as name from 'module';` after the last library import, unless it is there already. */
function addNamespaceImport(source: ts.SourceFile, name: string, module: string): StringChange[] {
  const imports = source.statements.filter(ts.isImportDeclaration);
  const already = imports.some(
    (declaration) =>
      ts.isStringLiteral(declaration.moduleSpecifier) &&
      declaration.moduleSpecifier.text === module,
  );
  return already ? [] : insertImport(imports, `import * as ${name} from '${module}';`);
}

/** `import { name } from 'module';` after the last library import, unless it is there already. */
function addNamedImport(source: ts.SourceFile, name: string, module: string): StringChange[] {
  const imports = source.statements.filter(ts.isImportDeclaration);
  const already = imports.some(
    (declaration) =>
      ts.isStringLiteral(declaration.moduleSpecifier) &&
      declaration.moduleSpecifier.text === module &&
      declaration.importClause?.namedBindings?.getText().includes(name),
  );
  if (already) return [];
  return insertImport(imports, `import { ${name} } from '${module}';`);
}

function insertImport(imports: ts.ImportDeclaration[], statement: string): StringChange[] {
  // Next to the other libraries' imports, so the composition reads as one list.
  const libraries = imports.filter((declaration) =>
    declaration.moduleSpecifier.getText().slice(1).startsWith('@task-api/'),
  );
  const last = libraries[libraries.length - 1] ?? imports[imports.length - 1];
  return last
    ? [{ type: ChangeType.Insert, index: last.getEnd(), text: `\n${statement}` }]
    : [{ type: ChangeType.Insert, index: 0, text: `${statement}\n` }];
}
