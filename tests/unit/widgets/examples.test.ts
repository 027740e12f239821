/**
 * The examples files document what the widgets really do: the custom properties listed for
 * web editors are exactly the ones the widgets' CSS reads, every listed part exists in the
 * widget's source, and every widget file has an examples file on the embed page.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { customProperties, widgetExamples } from '../../../widgets/examples.ts';

const widgetsDir = fileURLToPath(new URL('../../../widgets/', import.meta.url));
const sources = (dir: string) =>
  readdirSync(join(widgetsDir, dir))
    .filter((file) => file.endsWith('.ts') && file !== 'examples.ts')
    .map((file) => readFileSync(join(widgetsDir, dir, file), 'utf8'))
    .join('\n');

describe('widget examples files', () => {
  it('list exactly the public custom properties the widgets read', () => {
    const all = ['shared', ...widgetExamples.map((w) => w.tag)].map(sources).join('\n');
    const read = new Set([...all.matchAll(/var\((--(?:utrecht|podium)-[a-z-]+)/g)].map((m) => m[1]!));
    assert.deepEqual([...read].sort(), customProperties.map((p) => p.name).sort());
  });

  it('name only parts that the widget renders', () => {
    for (const widget of widgetExamples) {
      const source = sources(widget.tag) + sources('shared');
      for (const part of widget.parts) {
        // part="x" in a template, part: 'x' as an option, or the base class's default ?? 'x'.
        const rendered = new RegExp(`(part=|part: |\\?\\? )["'\`]${part.name}["'\`]`).test(source);
        assert.ok(rendered, `${widget.tag} renders part ${part.name}`);
      }
    }
  });

  it('cover every widget folder, each with the load states and a ready state', () => {
    const folders = readdirSync(widgetsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('podium-'))
      .map((entry) => entry.name);
    assert.deepEqual(widgetExamples.map((w) => w.tag).sort(), folders.sort());
    for (const widget of widgetExamples) {
      const states = widget.states.map((s) => s.state);
      for (const state of ['loading', 'error', 'not-allowed', 'ready'] as const)
        assert.ok(states.includes(state), `${widget.tag} documents ${state}`);
      assert.equal(widget.script, `${widget.tag}.js`);
    }
  });
});
