// One lint configuration for the whole repository. Astro templates are checked by
// `astro check`; formatting is prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Route modules: the public API's and each staff screen group's. They are composed in
 *  api/app.ts and api/staff/workbench.ts, never by importing one another. */
const ROUTE_MODULES = ['api/routes/**', 'api/staff/*/routes.ts'];

/**
 * The layers of the house, one direction only: site, widgets and api build on the shared
 * kernel (shared/); in api, routes → services → db, and HTTP middleware neither renders
 * pages nor knows the staff workbench. Paths are resolved, so `../../http/x.ts` and
 * `api/http/x.ts` are the same file to these rules.
 */
const LAYERS = [
  {
    target: 'api/services/**',
    from: ['api/staff/**', 'api/routes/**', 'api/views/**', 'api/http/**', 'site/**'],
    message: 'Services hold the rules: they never import routes, views, HTTP middleware or the site.',
  },
  {
    target: 'api/http/**',
    from: ['api/views/**', 'api/staff/**'],
    message: 'HTTP middleware renders no pages and does not know the staff workbench.',
  },
  {
    target: 'shared/**',
    from: ['api/**', 'site/**', 'widgets/**'],
    message: 'The shared kernel imports nothing from the code that uses it.',
  },
  {
    target: 'widgets/**',
    from: ['site/**', 'api/**'],
    message:
      'Widgets ship alone: they use the public API over HTTP and the shared kernel, not the site or the API code.',
  },
  ...ROUTE_MODULES.map((target) => ({
    target,
    from: ROUTE_MODULES,
    // A module may of course be the target and the source of the same glob; it is another module that is refused.
    message: 'A route module does not import another: compose them in api/app.ts or api/staff/workbench.ts.',
  })),
];

// User-facing text lives in texts modules (one shape: `nl` and `en`, read with textsFor from
// shared/i18n.ts), never in a `lang === 'en' ? '…' : '…'` in code. Paths ('/en/…') and
// language codes ('en', 'nl-NL') are not texts, so they are let through.
const languageTest =
  ':matches([test.left.name=/^(lang|language|locale)$/], [test.left.property.name=/^(lang|language|locale)$/])' +
  '[test.operator=/^[!=]==?$/][test.right.value=/^(nl|en)$/]';
const isText = (side) => [
  `[${side}.type='Literal'][${side}.value=/^(?!\\x2F)(?![a-z]{2}(-[A-Z]{2})?$)/]`,
  `[${side}.type='TemplateLiteral'][${side}.quasis.0.value.raw=/^(?!\\x2F)/]`,
];
// The same through a flag: `const en = lang === 'en'; … en ? 'Archive' : 'Archief'`.
const languageFlag = "[test.type='Identifier'][test.name=/^(en|english|isEnglish)$/]";
const inlineLanguageTernary = {
  selector: `ConditionalExpression:matches(${languageTest}, ${languageFlag}):matches(${['consequent', 'alternate'].flatMap(isText).join(', ')})`,
  message: 'Put user-facing text in a texts module (nl and en) and read it with textsFor, not in a language ternary.',
};
const textsModules = ['**/texts.ts', 'shared/texts/**', '**/messages*.ts', '**/send-messages*.ts'];
// The HTML kit (shared/html/README.md): markup is written with its `html` templates and
// components, which escape every interpolation; nobody escapes by hand.
const manualEscaping = [
  {
    selector: "CallExpression[callee.name='escapeHtml']",
    message: 'Write markup with the html template of shared/html, which escapes for you; never escape by hand.',
  },
  {
    selector: ':matches(FunctionDeclaration, VariableDeclarator)[id.name=/^escape(Html|Xml)?$/i]',
    message: 'Podium has one escape function, inside shared/html.',
  },
];
const kitInternals = {
  patterns: [
    {
      group: ['**/html/core.ts'],
      message: 'The core is internal to shared/html: import the kit from shared/html/index.ts.',
    },
    {
      group: ['**/render/html.ts', '**/render/index.ts'],
      importNames: ['escapeHtml'],
      message: 'escapeHtml is internal to shared/html: write an html template or use a component instead.',
    },
  ],
  paths: [],
};
// A tag in a string or template: `<p>`, `<a href`, `</div>`, `<!doctype`. Routes, services
// and middleware hold no markup: views and the kit's components do. The tag names are
// listed so that placeholders in help texts (`<command>`, `Podium <noreply@…>`) pass.
const tags =
  'a|abbr|article|aside|b|blockquote|body|br|button|caption|code|dd|del|details|div|dl|dt|em|fieldset|figure|' +
  'footer|form|h[1-6]|head|header|hr|html|i|img|input|label|legend|li|link|main|meta|nav|ol|option|p|pre|s|' +
  'script|section|select|small|span|strong|style|summary|svg|table|tbody|td|textarea|th|thead|time|title|tr|u|ul';
const tagPattern = `/(<\\/?(${tags})([\\s>/]|$))|<!doctype/i`;
const htmlLiterals = [
  {
    selector: `Literal[value=${tagPattern}]`,
    message: 'No HTML here: render it in a view (api/views or the feature folder) with the HTML kit (shared/html).',
  },
  {
    selector: `TemplateElement[value.raw=${tagPattern}]`,
    message: 'No HTML here: render it in a view (api/views or the feature folder) with the HTML kit (shared/html).',
  },
];

/**
 * Outside text as a key or a value (issue 13). Two small local rules:
 *
 * `podium/prototype-lookup` catches the shapes of the "constructor" bug, where a key that
 * came from outside (an answer, a word, a platform's field, a query parameter) is looked up
 * in an ordinary object and finds Object.prototype's `constructor`, `toString`, `__proto__`:
 * - a lookup table written as `const T: Record<string, …> = { … }`: use a Map (or
 *   Object.create(null)), or key the Record by a union type that the input was checked against;
 * - `key in object` with a key that is not a literal: use Map#has or Object.hasOwn;
 * - `o.hasOwnProperty(k)` and `Object.prototype.hasOwnProperty.call`: use Object.hasOwn.
 * It cannot see a lookup `object[key]` into an object from elsewhere (JSON.parse, a query,
 * a Record typed by a union but fed unchecked text): that needs types; services read such
 * objects with Object.hasOwn or turn them into a Map at the edge.
 *
 * `podium/input-text` makes every string schema the one that makes text well-formed
 * (shared/contracts/input-text.ts: no lone surrogate, no NUL): it refuses `z.string()` in
 * the API and the shared contracts. It cannot see text read without zod (c.req.query(),
 * parseBody); those doors use `wellFormed` from shared/contracts/text.ts.
 */
const outsideText = {
  rules: {
    'prototype-lookup': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const report = (node, message) => context.report({ node, message });
        return {
          VariableDeclarator(node) {
            const type = node.id.typeAnnotation?.typeAnnotation;
            if (
              node.init?.type === 'ObjectExpression' &&
              type?.type === 'TSTypeReference' &&
              type.typeName?.name === 'Record' &&
              type.typeArguments?.params?.[0]?.type === 'TSStringKeyword'
            ) {
              report(
                node,
                'A lookup table keyed by any string finds Object.prototype ("constructor"): use a Map, Object.create(null), or a Record keyed by a union type.',
              );
            }
          },
          BinaryExpression(node) {
            if (node.operator === 'in' && node.left.type !== 'Literal' && node.left.type !== 'PrivateIdentifier') {
              report(node, '`key in object` also finds inherited keys ("constructor"): use Map#has or Object.hasOwn.');
            }
          },
          MemberExpression(node) {
            if (!node.computed && node.property.name === 'hasOwnProperty') {
              report(node, 'Use Object.hasOwn(object, key) instead of hasOwnProperty.');
            }
          },
        };
      },
    },
    'input-text': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return {
          CallExpression(node) {
            const callee = node.callee;
            if (
              callee.type === 'MemberExpression' &&
              !callee.computed &&
              callee.object.type === 'Identifier' &&
              callee.object.name === 'z' &&
              callee.property.name === 'string'
            ) {
              context.report({
                node,
                message:
                  'Text from outside goes through InputText (shared/contracts/input-text.ts), which removes NUL and lone surrogates before anything stores it.',
              });
            }
          },
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      '.astro/',
      '.podium-test/',
      'test-results/',
      'playwright-report/',
      '**/*.astro',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['api/**/*.ts', 'shared/**/*.ts', 'site/**/*.ts', 'widgets/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs'] })],
    },
    rules: {
      // Type-only imports do not count: they vanish at run time (a deliberate lazy-chunk cycle in widgets relies on it).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERS, basePath: import.meta.dirname }],
    },
  },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    // Tests spell out the expected words in both languages.
    ignores: [...textsModules, 'tests/**'],
    rules: { 'no-restricted-syntax': ['error', inlineLanguageTernary] },
  },
  // Later blocks replace a rule's whole setting for their files (flat config does not merge
  // options), so each block lists every selector that applies to its files.
  {
    files: ['api/**/*.ts', 'site/**/*.ts', 'shared/**/*.ts', 'widgets/**/*.ts'],
    ignores: [...textsModules, 'tests/**', 'shared/html/**'],
    rules: {
      'no-restricted-syntax': ['error', inlineLanguageTernary, ...manualEscaping],
      'no-restricted-imports': ['error', kitInternals],
    },
  },
  {
    files: ['api/routes/**/*.ts', 'api/services/**/*.ts', 'api/http/**/*.ts', 'api/*.ts'],
    // The demo thread imitates a Mastodon payload: that HTML is the platform's input, not Podium's markup.
    ignores: [...textsModules, 'api/services/seed-thread.ts'],
    rules: { 'no-restricted-syntax': ['error', inlineLanguageTernary, ...manualEscaping, ...htmlLiterals] },
  },
  {
    files: ['api/**/*.ts', 'shared/**/*.ts', 'widgets/**/*.ts', 'site/**/*.ts'],
    plugins: { podium: outsideText },
    rules: { 'podium/prototype-lookup': 'error' },
  },
  {
    files: ['api/**/*.ts', 'shared/**/*.ts'],
    // The environment is the operator's, not outside text; input-text.ts defines the one string schema.
    ignores: ['api/config.ts', 'shared/contracts/input-text.ts'],
    plugins: { podium: outsideText },
    rules: { 'podium/input-text': 'error' },
  },
);
