/**
 * Library build of the widgets: one ES module per widget in dist/widgets/, with Lit and the
 * shared base class in shared chunks next to them (so `new URL('..', import.meta.url)` in
 * every chunk points at Podium's root). Build: `npx vite build --config widgets/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One entry per widget: name → source. The name is the file name in dist/widgets/. */
const entries = {
  'podium-submit': fileURLToPath(new URL('./podium-submit/index.ts', import.meta.url)),
  'podium-consultation': fileURLToPath(new URL('./podium-consultation/index.ts', import.meta.url)),
  'podium-answers': fileURLToPath(new URL('./podium-answers/index.ts', import.meta.url)),
  'podium-thread': fileURLToPath(new URL('./podium-thread/index.ts', import.meta.url)),
};

/**
 * Collapses the whitespace of Lit's html`` and css`` templates (and CSS comments), which the
 * JS minifier leaves alone: about a fifth of a widget's weight. Safe for our templates: they
 * hold no <pre> and no whitespace-sensitive text.
 */
function minifyLitTemplates(): Plugin {
  return {
    name: 'podium:minify-lit-templates',
    transform(code, id) {
      if (!/[\\/]widgets[\\/].*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as Record<string, unknown>;
        if (n.type === 'TaggedTemplateExpression') {
          const { tag, quasi } = n as unknown as TaggedTemplate;
          const kind = tag.type === 'Identifier' ? tag.name : undefined;
          if (kind === 'html' || kind === 'css') {
            quasi.quasis.forEach((element, index, all) => {
              if (code.slice(element.start, element.end) !== element.value.raw) return;
              const raw = element.value.raw;
              // Line breaks are formatting (prettier's), so whitespace with one goes where it
              // touches a tag or an expression; a space on one line may be content
              // (`text <span>`) and stays.
              let text =
                kind === 'css'
                  ? minifyCss(raw)
                  : raw
                      .replace(/>\s*\n\s*</g, '><')
                      .replace(/^\s*\n\s*(?=<|$)/, '')
                      .replace(/(^|>)\s*\n\s*$/, '$1')
                      .replace(/\s+/g, ' ');
              if (index === 0 && /^\s*\n/.test(raw)) text = text.trimStart();
              if (index === all.length - 1 && /\n\s*$/.test(raw)) text = text.trimEnd();
              edits.push({ start: element.start, end: element.end, text });
            });
          }
        }
        for (const key in n) if (key !== 'type') visit(n[key]);
      };
      visit(this.parse(code));
      if (!edits.length) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start))
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}

type TaggedTemplate = {
  tag: { type: string; name?: string };
  quasi: { quasis: { start: number; end: number; value: { raw: string } }[] };
};

function minifyCss(source: string): string {
  return (
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // After a colon only: `a :focus` (a descendant) never occurs in our CSS, `a: b` often.
      .replace(/: /g, ':')
      .replace(/ !important/g, '!important')
      .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
      .replace(/;}/g, '}')
  );
}

export default defineConfig({
  plugins: [minifyLitTemplates()],
  root,
  // `npx podium build` gives every build a private cache (api/build/builds.ts).
  ...(process.env.PODIUM_BUILD_CACHE_DIR ? { cacheDir: `${process.env.PODIUM_BUILD_CACHE_DIR}/vite` } : {}),
  publicDir: false,
  logLevel: 'warn',
  build: {
    // `npx podium build` passes its own output directory; the default suits a plain vite build.
    outDir: process.env.PODIUM_WIDGETS_OUT_DIR ?? fileURLToPath(new URL('../dist/widgets', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No data: URLs or inline workers, so a strict Content-Security-Policy has nothing to refuse.
    assetsInlineLimit: 0,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      output: {
        // Vite 8 does not minify library output unless asked.
        minify: true,
        chunkFileNames: 'chunks-[name]-[hash].js',
        // Lit and the base class in one chunk, shared by every widget and cached once. One
        // file rather than two: one request less, and gzip compresses the pair better.
        codeSplitting: {
          groups: [
            {
              name: 'podium',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|widgets[\\/]shared[\\/](podium-element|reactive-element|messages|styles)\.ts/,
            },
          ],
        },
      },
    },
  },
});
