/**
 * The escape-by-default HTML kit: the core (`html`, `raw`, `attrs`…) and its components.
 * Read README.md in this folder for the rules.
 */
export { attrs, html, idRefs, join, nothing, raw, withMarkup, type Html, type Renderable } from './core.ts';
export * from './components/index.ts';
