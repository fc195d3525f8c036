// ESLint 9 flat config: TypeScript (typescript-eslint), React (jsx-runtime), and the Office
// add-in rules of eslint-plugin-office-addins (load before read, sync before read, no sync in loops).
// `npm run lint`. Formatting is not linted (no prettier rule): the code base has its own style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

// The layers of DESIGN.md, checked on every import of src/ (no-restricted-imports sees the path as
// written, so each folder depth gets its own regular expressions; test/lint-boundaries.test.ts
// lints a forbidden and an allowed import in each layer, so a boundary cannot quietly go away):
// - src/core imports only itself, zod and src/i18n;
// - src/hosts never imports a front end (taskpane, commands, cli, preview) nor the fake Excel (src/testing);
// - nothing in src/ imports test/.
const FRONT_ENDS = ['taskpane', 'commands', 'cli', 'preview'];
const DEPTHS = [1, 2, 3, 4];
/** `src/` seen from a file `depth` folders below it, as the start of a relative path. */
const toSrc = (depth) => `(\\.\\./){${depth}}`;
const noTest = (depth) => ({ regex: `^${toSrc(depth)}\\.\\./test(/|$)`, message: 'src/ never imports test/: move what it needs into src/ (src/testing for test helpers).' });
function layerBoundaries(layer, restrictions) {
  return DEPTHS.map((depth) => ({
    files: [`src/${layer ? `${layer}/` : '*/'}${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTest(depth), ...restrictions(depth)] }] },
  }));
}
const boundaries = [
  ...layerBoundaries(null, () => []),
  ...layerBoundaries('core', (depth) => [
    { regex: `^${toSrc(depth)}(?!(core|i18n)(/|$))`, message: 'src/core imports only itself, zod and src/i18n (DESIGN.md: the pure pipeline).' },
    { regex: '^(?!\\.|zod(/|$))', message: 'src/core imports no package but zod (DESIGN.md: no Office.js, no Node, no DOM).' },
  ]),
  ...layerBoundaries('hosts', (depth) => [
    { regex: `^${toSrc(depth)}(${FRONT_ENDS.join('|')})(/|$)`, message: 'A host adapter never imports a front end (taskpane, commands, cli, preview): it translates, it never decides.' },
    { regex: `^${toSrc(depth)}testing(/|$)`, message: 'A host adapter never imports src/testing (the fake Excel is for tests and the preview).' },
  ]),
];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'test-results/**', 'node_modules/**', 'schemas/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    // Registered everywhere, so a file may name its rules in an eslint-disable comment.
    plugins: { 'office-addins': officeAddins },
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The Office.js habits, where Office.js is called. Not on the xlsx host or tests that drive
    // ExcelJS, whose load-free API the rules' heuristics would misread.
    files: ['src/hosts/office/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/preview/**/*.{ts,tsx}', 'test/hosts/office/**/*.ts'],
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/preview/**/*.tsx', 'test/taskpane/**/*.tsx'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    plugins: { react },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      'react/no-danger': 'error',
      'react/prop-types': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'bin/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // `{ ...base, key: value }` gives each object a hidden class of its own in Node 20's V8, and the
    // core's readers of such objects then stay on their slowest path: src/core/objects.ts withProps.
    files: ['src/core/**/*.ts', 'src/hosts/xlsx/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ObjectExpression[properties.0.type='SpreadElement'][properties.length>1]", message: 'A spread followed by more properties: use withProps (src/core/objects.ts) or build the object whole.' },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  ...boundaries,
);
