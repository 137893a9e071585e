// Lint: typescript-eslint's recommended rules, a ban on reading process.env outside src/config.ts, and the module
// boundaries of ADR 0003 (platform imports no module; a module imports another only through its index.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** ADR 0003: src/platform/** imports nothing from src/modules/, nor the composition root (src/container.ts). */
export const platformBoundary = {
  files: ['src/platform/**/*.ts', 'src/platform/**/*.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '(^|/)modules(/|$)', message: 'Platform knows no module (ADR 0003): let the composition root (src/container.ts, src/modules/index.ts) pass it in.' },
          {
            regex: '(^|/)container(\\.tsx?)?$',
            message: 'Platform does not import the composition root (ADR 0003): name the ports through PlatformServices (src/platform/services.ts).',
          },
        ],
      },
    ],
  },
};

/**
 * ADR 0003: a module imports another only through its front door, `../<other>/index.ts`. A relative path is
 * ambiguous without the importing file's depth (`../views/x.tsx` is the same module from a subfolder), so there is
 * one block per depth: from src/modules/<m>/<d folders>/file.ts, `../` × (d + 1) reaches src/modules/. Tests may
 * also use another module's `*.test-support.ts` (test helpers are no part of a front door).
 */
const TEST_FILES = ['*.test.ts', '*.test.tsx', '*.test-support.ts'];
const boundary = (depth, allowed) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^(\\.\\./){${depth + 1}}(?!\\.\\./)[^/]+/(?!${allowed}$)`,
          message: 'Import another module only through its index.ts (ADR 0003); export what you need there.',
        },
      ],
    },
  ],
});
export const moduleBoundaries = [0, 1, 2, 3, 4].flatMap((depth) => {
  const dir = `src/modules/*/${'*/'.repeat(depth)}`;
  const tests = TEST_FILES.map((t) => dir + t);
  return [
    { files: [`${dir}*.ts`, `${dir}*.tsx`], ignores: tests, rules: boundary(depth, 'index\\.tsx?') },
    { files: tests, rules: boundary(depth, '(index\\.tsx?|[^/]+\\.test-support\\.ts)') },
  ];
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'test-results/', 'tmp/', 'public/js/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Chinese text legitimately uses the ideographic space (U+3000) in strings, templates and JSX text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/config.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts only.' }],
    },
  },
  platformBoundary,
  ...moduleBoundaries,
  {
    files: ['public/js/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', navigator: 'readonly' } },
  },
);
