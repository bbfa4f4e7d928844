import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.local/**', '.nx/**', 'libs/contracts/src/grpc/generated/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      // Module boundaries: services never import each other; contracts stay framework-free; the
      // testing lib is for tests and tools only.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', '@grpc/*', 'pg', 'express'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', '@grpc/*', 'pg'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts', 'type:util'] },
            { sourceTag: 'scope:case-intake', onlyDependOnLibsWithTags: ['scope:case-intake', 'scope:shared'] },
            { sourceTag: 'scope:triage', onlyDependOnLibsWithTags: ['scope:triage', 'scope:shared'] },
            { sourceTag: 'scope:statistics', onlyDependOnLibsWithTags: ['scope:statistics', 'scope:shared'] },
            { sourceTag: 'scope:employer-outreach', onlyDependOnLibsWithTags: ['scope:employer-outreach', 'scope:shared'] },
            { sourceTag: 'scope:collaboration', onlyDependOnLibsWithTags: ['scope:collaboration', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Import across folders through a @syfo/* alias.' }] }],
    },
  },
  {
    // Apps may use the testing lib, but only from their tests.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '{apps,libs}/*/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] }],
    },
  },
);
