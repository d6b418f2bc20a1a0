import { ChangeType, StringChange, Tree, applyChangesToString, updateJson } from '@nx/devkit';
import * as ts from 'typescript';
import { FeatureNames } from './feature-names';

/**
 * The edits outside the new library: the apps' lists of feature manifests (the API's, and the
 * worker's, whose webhooks carry the task view every feature shapes) name it, and the
 * TypeScript aliases name its two entry points. Nothing else of the app changes: its imports,
 * entities, migrations, features table and OpenAPI document follow from the list, and the
 * boundary rules are written by project type. Source files are edited through their syntax
 * tree, so formatting and the order of the existing entries do not matter; an anchor that
 * cannot be found is an error naming the file, never a silent skip.
 */
export const APP_FEATURES = 'apps/api/src/features.ts';
export const WORKER_FEATURES = 'apps/worker/src/features.ts';
const FEATURE_LISTS = [APP_FEATURES, WORKER_FEATURES];
export const TSCONFIG_BASE = 'tsconfig.base.json';

export function wireFeature(tree: Tree, n: FeatureNames): void {
  const importPath = `@task-api/${n.fileName}`;
  for (const list of FEATURE_LISTS) {
    editSource(tree, list, (source) => {
      const features = arrayOfVariable(source, 'features');
      if (!features) throw anchorMissing(list, '`export const features = [...]`');
      return [
        ...addNamedImport(source, `${n.propertyName}Feature`, importPath),
        ...appendToArray(features, `${n.propertyName}Feature`),
      ];
    });
  }
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

/** Appends an element unless one with the same text is there already. */
function appendToArray(array: ts.ArrayLiteralExpression, text: string): StringChange[] {
  return appendTo(array.elements, array.elements.pos, text);
}

function appendTo(list: ts.NodeArray<ts.Node>, emptyAt: number, text: string): StringChange[] {
  if (list.some((node) => node.getText() === text)) return [];
  const last = list[list.length - 1];
  return last
    ? [{ type: ChangeType.Insert, index: last.getEnd(), text: `, ${text}` }]
    : [{ type: ChangeType.Insert, index: emptyAt, text }];
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
