import nx from '@nx/eslint-plugin';

/**
 * The rules of independence (SPEC §1), enforced by project type, so a new feature adds no line
 * here: the foundation (core) depends on nothing, a feature on the foundation only (never on
 * another feature), the app on both. A violation fails `npm run lint`.
 */
const depConstraints = [
  { sourceTag: 'type:foundation', onlyDependOnLibsWithTags: ['type:foundation'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:foundation'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:foundation', 'type:feature'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['type:foundation'] },
  {
    sourceTag: 'scope:bench',
    onlyDependOnLibsWithTags: ['type:app', 'type:foundation', 'type:feature'],
  },
];

export default [
  { ignores: ['**/node_modules', '**/dist', '.nx', 'tmp', 'coverage', 'artifacts', '.data'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          checkDynamicDependenciesExceptions: [],
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
