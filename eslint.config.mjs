import nx from '@nx/eslint-plugin';

/**
 * The rules of independence (SPEC §1), enforced: core depends on nothing, each feature on core
 * only (never on another feature), the app on everything. A violation fails `npm run lint`.
 */
const depConstraints = [
  { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:tags', onlyDependOnLibsWithTags: ['scope:core', 'scope:tags'] },
  { sourceTag: 'scope:reminders', onlyDependOnLibsWithTags: ['scope:core', 'scope:reminders'] },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: ['scope:api', 'scope:core', 'scope:tags', 'scope:reminders'],
  },
  {
    sourceTag: 'scope:worker',
    onlyDependOnLibsWithTags: ['scope:worker', 'scope:core', 'scope:tags', 'scope:reminders'],
  },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:core'] },
  {
    sourceTag: 'scope:bench',
    onlyDependOnLibsWithTags: [
      'scope:bench',
      'scope:api',
      'scope:core',
      'scope:tags',
      'scope:reminders',
    ],
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
