// ESLint: typescript-eslint strict type-checked rules plus the layering of docs/architecture.md,
// enforced with no-restricted-imports so the linter, not memory, keeps the layers apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeAndDrivers = [
  { group: ['node:*'], message: 'format/ and model/ are pure: no Node built-ins.' },
  {
    group: ['better-sqlite3', 'pg', 'kysely', '@nats-io/*', 'hono', 'react', 'commander'],
    message: 'format/ and model/ are pure: no drivers or frameworks.',
  },
];
const layer = (folder, forbidden, extra = []) => ({
  files: [`src/${folder}/**/*.ts`],
  // Tests beside the code may read files and load the directory; the layering binds the code itself.
  ignores: ['**/*.test.ts', '**/*.contract.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...extra,
          ...forbidden.map((f) => ({
            group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`],
            message: `${folder}/ may not import ${f}/ (see docs/architecture.md).`,
          })),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', '.tmp/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  layer(
    'format',
    ['model', 'directory', 'store', 'transport', 'service', 'api', 'server', 'cli', 'web'],
    nodeAndDrivers,
  ),
  layer(
    'model',
    ['directory', 'store', 'transport', 'service', 'api', 'server', 'cli', 'web'],
    nodeAndDrivers,
  ),
  layer('directory', ['store', 'transport', 'service', 'api', 'server', 'cli', 'web']),
  layer('store', ['directory', 'transport', 'service', 'api', 'server', 'cli', 'web']),
  layer('service', ['api', 'server', 'cli', 'web']),
  layer('cli', ['store', 'transport', 'server', 'web']),
);
