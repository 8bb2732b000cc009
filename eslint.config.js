// ESLint finds bugs; Prettier owns layout (eslint-config-prettier, last, turns off every style rule).
// Type-aware rules need TypeScript's JS API: `typescript` here is the TypeScript 6 API package
// (@typescript/typescript6), while `tsc` comes from TypeScript 7 (@typescript/native); see package.json.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'var/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node,
      parserOptions: {
        // vitest.config.ts sits outside tsconfig.json's include; type it with a default project.
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      // A disable that no longer suppresses anything hides nothing but still reads as a warning sign.
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // The bot's output goes through pino (structured, token-free) or an interaction reply; the CLI and
      // the benchmarks are the programs whose job is to print (see the override below).
      'no-console': 'error',
      // `_name` marks a parameter kept for a signature (handler, callback); anything else unused is dead code.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // A switch over a union (outcome kinds, custom-id verbs) must name every member: adding a kind
      // then fails lint at each place that has to handle it. A `default:` still counts as handling.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // An async function without `await` is how a handler or a test double meets a Promise-returning interface;
      // the bugs this rule hints at (a forgotten await) are caught by no-floating-promises and await-thenable.
      '@typescript-eslint/require-await': 'off',
      // A `let` read by a handler registered before its one assignment (src/main.ts `bot`) is deliberate:
      // as a const, a read before the assignment would throw instead of seeing undefined.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/cli/**', 'test/bench/**'],
    rules: {
      // Command-line programs: printing is their output.
      'no-console': 'off',
    },
  },
  {
    files: ['test/**/*.test.ts'],
    rules: {
      // Vitest types its asymmetric matchers (expect.any, objectContaining, stringContaining) as `any`, so
      // every `toEqual({ id: expect.any(String) })` would count as an unsafe assignment or return.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['test/emulator/**'],
    rules: {
      // The emulator checks raw JSON (`unknown`) the way Discord does: it coerces values with String() to
      // measure and quote them and compares wire numbers with discord-api-types enums, on purpose.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['**/*.js'],
    // Plain JS (this config) has no types to check.
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
