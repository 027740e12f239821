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
              let text = kind === 'css' ? minifyCss(element.value.raw) : element.value.raw.replace(/\s+/g, ' ');
              if (index === 0) text = text.trimStart();
              if (index === all.length - 1) text = text.trimEnd();
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
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}');
}

export default defineConfig({
  plugins: [minifyLitTemplates()],
  root,
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
        // Lit in its own chunk, shared by every widget and cached once. (The base class joins
        // an automatic shared chunk as soon as a second widget uses it.)
        codeSplitting: {
          groups: [{ name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ }],
        },
      },
    },
  },
});
