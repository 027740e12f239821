/**
 * The small part of LitElement the widgets use, on top of lit-html: reactive properties
 * (`static properties`, attributes with converters, internal state), one batched render
 * per microtask into an open shadow root, `willUpdate`, `updateComplete` and adopted
 * style sheets from `css```.
 *
 * Why not LitElement: its ReactiveElement brings features no widget uses (controllers,
 * reflection, decorators' metadata, style fallbacks for browsers without constructable
 * style sheets, dev-mode hooks), about 2.7 KB gzipped of the 12 KB that <podium-submit>
 * may weigh before the resident sends. Templates stay lit-html, so nothing else changes.
 * Constructable style sheets are required (every browser since 2023); they are also what
 * lets the widgets run under a strict Content-Security-Policy without `unsafe-inline`.
 */
import { render } from 'lit/html.js';

export { html, nothing, type TemplateResult } from 'lit/html.js';

/** A style sheet written with `css```: its text, and one shared CSSStyleSheet made on first use. */
export type CSSResult = { readonly cssText: string; readonly styleSheet: CSSStyleSheet };

/** Tagged template for a widget's CSS; interpolations must themselves be `css` results. */
export function css(strings: TemplateStringsArray, ...values: CSSResult[]): CSSResult {
  const cssText = strings.reduce((text, part, index) => text + values[index - 1]!.cssText + part);
  let sheet: CSSStyleSheet | undefined;
  return {
    cssText,
    get styleSheet() {
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(cssText);
      return sheet;
    },
  };
}

export type PropertyDeclaration = {
  /** How an attribute's text becomes the value; String when absent. */
  type?: typeof String | typeof Number;
  /** The attribute's name (default: the property's name in lower case); state has none. */
  attribute?: string;
  converter?: { fromAttribute(value: string | null): unknown };
  /** Internal: re-renders when it changes, never read from an attribute. */
  state?: boolean;
};
export type PropertyDeclarations = Record<string, PropertyDeclaration>;
/** The properties changed since the last render, with their previous values. */
export type PropertyValues<T = unknown> = Map<keyof T | PropertyKey, unknown>;

type ReactiveClass = typeof ReactiveElement;

/** Every reactive property of a class and its ancestors, found once per class. */
const declarations = new WeakMap<ReactiveClass, Map<string, PropertyDeclaration>>();

function declarationsOf(ctor: ReactiveClass): Map<string, PropertyDeclaration> {
  let all = declarations.get(ctor);
  if (all) return all;
  const parent = Object.getPrototypeOf(ctor) as ReactiveClass;
  all = new Map(
    parent.prototype instanceof ReactiveElement || parent === ReactiveElement ? declarationsOf(parent) : [],
  );
  if (Object.hasOwn(ctor, 'properties')) {
    for (const [name, declaration] of Object.entries(ctor.properties)) {
      all.set(name, declaration);
      Object.defineProperty(ctor.prototype, name, {
        get(this: ReactiveElement) {
          return this.reactiveValues.get(name);
        },
        set(this: ReactiveElement, value: unknown) {
          const old = this.reactiveValues.get(name);
          if (Object.is(old, value)) return;
          this.reactiveValues.set(name, value);
          this.requestUpdate(name, old);
        },
        configurable: true,
      });
    }
  }
  declarations.set(ctor, all);
  return all;
}

const attributeOf = (name: string, declaration: PropertyDeclaration) =>
  declaration.state ? undefined : (declaration.attribute ?? name.toLowerCase());

export class ReactiveElement extends HTMLElement {
  static properties: PropertyDeclarations = {};
  static styles: CSSResult[] = [];
  static shadowRootOptions: ShadowRootInit = { mode: 'open' };

  static get observedAttributes(): string[] {
    return [...declarationsOf(this)].flatMap(([name, declaration]) => attributeOf(name, declaration) ?? []);
  }

  /** The open shadow root everything renders into. */
  readonly renderRoot: ShadowRoot;
  hasUpdated = false;
  /** @internal Current values of the reactive properties. */
  readonly reactiveValues = new Map<string, unknown>();

  #changed: PropertyValues = new Map();
  #pending = false;
  #update: Promise<unknown> = Promise.resolve();
  #enable!: () => void;
  /** Nothing renders before the element is first connected (as with LitElement). */
  #enabled = new Promise<void>((resolve) => (this.#enable = resolve));
  /** Values a host set before the tag was defined: applied after the constructor's defaults. */
  #early: Map<string, unknown> | undefined;

  constructor() {
    super();
    const ctor = this.constructor as ReactiveClass;
    for (const name of declarationsOf(ctor).keys()) {
      if (!Object.hasOwn(this, name)) continue;
      (this.#early ??= new Map()).set(name, (this as Record<string, unknown>)[name]);
      delete (this as Record<string, unknown>)[name];
    }
    this.renderRoot = this.attachShadow(ctor.shadowRootOptions);
    this.renderRoot.adoptedStyleSheets = ctor.styles.flat().map((style) => style.styleSheet);
    this.requestUpdate();
  }

  connectedCallback(): void {
    this.#enable();
  }

  disconnectedCallback(): void {}

  attributeChangedCallback(attribute: string, old: string | null, value: string | null): void {
    if (old === value) return;
    for (const [name, declaration] of declarationsOf(this.constructor as ReactiveClass)) {
      if (attributeOf(name, declaration) !== attribute) continue;
      (this as Record<string, unknown>)[name] = declaration.converter
        ? declaration.converter.fromAttribute(value)
        : declaration.type === Number && value !== null
          ? Number(value)
          : value;
    }
  }

  /** Schedules one render for everything changed in this task; `name` records what changed. */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, old);
    if (this.#pending) return;
    this.#pending = true;
    this.#update = this.#enabled.then(() => this.#performUpdate());
  }

  /** Resolves once no render is pending any more. */
  get updateComplete(): Promise<boolean> {
    return this.#update.then(() => (this.#pending ? this.updateComplete : true));
  }

  #performUpdate(): void {
    if (this.#early) for (const [name, value] of this.#early) (this as Record<string, unknown>)[name] = value;
    this.#early = undefined;
    try {
      // Changes made in willUpdate land in this render, as in Lit.
      this.willUpdate(this.#changed);
      render(this.render(), this.renderRoot, { host: this });
      this.hasUpdated = true;
    } finally {
      this.#changed = new Map();
      this.#pending = false;
    }
  }

  /** Runs before each render with the properties that changed; may set more of them. */
  protected willUpdate(_changed: PropertyValues): void {}

  protected render(): unknown {
    return undefined;
  }
}
