/**
 * The base class of every Podium widget: language, messages, the API address, the live
 * region, the heading level, events and define-once registration. A widget is a thin class
 * on top of this one that implements `renderContent()`.
 *
 * Lit without decorators (see the architecture brief): properties are declared in
 * `static properties` and typed with `declare`, and defaults are set in the constructor so
 * no class field shadows Lit's accessors.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';

export type Locale = 'nl' | 'en';
/** One language's messages: key → text with `{name}` placeholders. */
export type MessageTable = Record<string, string>;
export type Messages = Record<Locale, MessageTable>;
/** What a host may pass to override messages: any subset, per language. */
export type MessageOverrides = Partial<Record<Locale, MessageTable>>;
export type MessageParams = Record<string, string | number>;

/** The bundle is served from `<podium>/widgets/`, so one level up is Podium's own address. */
const defaultApiBase = new URL(/* @vite-ignore */ '..', import.meta.url).href.replace(/\/$/, '');

/** Primary language subtag if Podium speaks it: `en-GB` → `en`, `fr` → undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return primary === 'nl' || primary === 'en' ? primary : undefined;
}

/** The `lang` of the closest ancestor, crossing shadow roots (a widget may sit in another). */
function ancestorLang(element: Element): string | null {
  let current: Element | null = element.parentElement ?? hostOf(element);
  while (current) {
    const found = current.closest('[lang]');
    if (found) return found.getAttribute('lang');
    current = hostOf(current);
  }
  return null;
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Parses the `messages` attribute (JSON); bad JSON is reported and ignored, never thrown. */
const messagesConverter = {
  fromAttribute(value: string | null): MessageOverrides | undefined {
    if (!value) return undefined;
    try {
      return JSON.parse(value) as MessageOverrides;
    } catch {
      console.warn('[podium] The messages attribute is not valid JSON; it is ignored.');
      return undefined;
    }
  },
};

/** Every connected widget, so message overrides set later still reach rendered widgets. */
const connected = new Set<PodiumElement>();

export class PodiumElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    mode: 'open',
    delegatesFocus: true,
  };

  static override properties: PropertyDeclarations = {
    api: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    messages: { attribute: 'messages', converter: messagesConverter },
    liveText: { state: true },
  };

  /**
   * Messages shared by all widgets. Each widget class adds its own `static messages`;
   * lookups go from the element's `messages` property, to the widget class, to this class,
   * and from the resolved language to Dutch.
   */
  static messages: MessageOverrides = {
    nl: { errorPrefix: 'Fout:' },
    en: { errorPrefix: 'Error:' },
  };

  /**
   * Overrides messages for every element of this class, including ones already on the page.
   *
   * @example
   * customElements.whenDefined('podium-submit').then((cls) =>
   *   cls.setMessages({ nl: { submit: 'Verstuur mijn reactie' } }));
   */
  static setMessages(overrides: MessageOverrides): void {
    // Copy first, so overriding a subclass never changes the messages of its base class.
    const own: MessageOverrides = Object.hasOwn(this, 'messages') ? this.messages : {};
    this.messages = {
      nl: { ...own.nl, ...overrides.nl },
      en: { ...own.en, ...overrides.en },
    };
    for (const element of connected) if (element instanceof this) element.requestUpdate();
  }

  static override get observedAttributes(): string[] {
    // The native `lang` stays native (no Lit accessor); we only re-render when it changes.
    return [...super.observedAttributes, 'lang'];
  }

  /** Podium's address, e.g. `https://inspraak.demodam.nl`. Default: where this bundle came from. */
  declare api: string | undefined;
  /** Level (1–6) of the widget's main heading, so it fits the host page's outline. */
  declare headingLevel: number;
  /** Message overrides for this element only: `{ nl: {...}, en: {...} }` (attribute: JSON). */
  declare messages: MessageOverrides | undefined;
  /** Text of the polite live region; set through `announce()`. */
  declare protected liveText: string;

  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.liveText = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    clearTimeout(this.#announceTimer);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /**
   * The language the widget speaks: its own `lang`, else the closest ancestor's, else Dutch.
   * Only read, never written: a widget must not change the host page's language.
   */
  get locale(): Locale {
    return toLocale(this.getAttribute('lang')) ?? toLocale(ancestorLang(this)) ?? 'nl';
  }

  /** Podium's base address without a trailing slash. */
  get apiBase(): string {
    const configured = this.api?.trim();
    if (!configured) return defaultApiBase;
    try {
      return new URL(configured, document.baseURI).href.replace(/\/$/, '');
    } catch {
      return defaultApiBase;
    }
  }

  /** A full URL for an API path such as `/api/consultations/x`. */
  apiUrl(path: string): string {
    return this.apiBase + path;
  }

  /** The heading level, clamped to 1–6 whatever the attribute says. */
  get level(): number {
    const level = Math.round(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 2;
  }

  /** A message in the widget's language, with `{name}` placeholders filled in. */
  t(key: string, params?: MessageParams): string {
    const locale = this.locale;
    const text =
      this.messages?.[locale]?.[key] ??
      lookup(this.constructor, locale, key) ??
      lookup(this.constructor, 'nl', key) ??
      key;
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
  }

  /**
   * Says `text` through the widget's polite live region (WCAG 4.1.3). Never moves focus.
   * The region is emptied first so the same text twice is announced twice.
   */
  announce(text: string): void {
    clearTimeout(this.#announceTimer);
    this.liveText = '';
    this.#announceTimer = setTimeout(() => {
      this.liveText = text;
    }, 100);
  }

  /** Dispatches `podium-<name>`: bubbling and composed, so the host page hears it. */
  protected emit<T>(name: string, detail: T): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(`podium-${name}`, { detail, bubbles: true, composed: true, cancelable: false }),
    );
  }

  /**
   * Focuses an element inside the shadow root after the next render and brings it to the
   * middle of the viewport (so a sticky header on the host page does not cover it).
   */
  protected async focusInside(selector: string): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }

  /**
   * A heading at `level` (default: the host's level) with `role="heading"`, so the host
   * picks the level without a tag per level.
   */
  protected heading(
    content: unknown,
    options: { level?: number; id?: string; focusable?: boolean; part?: string } = {},
  ): TemplateResult {
    const level = Math.min(6, options.level ?? this.level);
    return html`<div
      role="heading"
      aria-level=${level}
      class="heading heading-${Math.min(level - this.level + 1, 3)}"
      id=${options.id ?? nothing}
      tabindex=${options.focusable ? '-1' : nothing}
      part=${options.part ?? 'heading'}
    >
      ${content}
    </div>`;
  }

  /** What the widget shows; the base class adds the language wrapper and the live region. */
  protected renderContent(): unknown {
    return '';
  }

  protected override render(): TemplateResult {
    // tabindex=-1 on the wrapper: with delegatesFocus, a click on plain text in the widget
    // would otherwise move focus (and scroll) to the first field; now the click lands here.
    return html`<div class="podium" lang=${this.locale} tabindex="-1">
      ${this.renderContent()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.liveText}</div>
    </div>`;
  }
}

function lookup(start: unknown, locale: Locale, key: string): string | undefined {
  for (let ctor = start; ctor && ctor !== LitElement; ctor = Object.getPrototypeOf(ctor)) {
    if (!Object.hasOwn(ctor, 'messages')) continue;
    const text = (ctor as typeof PodiumElement).messages[locale]?.[key];
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * Registers a widget once. A second copy of the bundle on the same page (another CMS block,
 * another version) warns instead of throwing, and the first definition stays in charge.
 */
export function definePodiumElement(tag: `podium-${string}`, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== element)
      console.warn(
        `[podium] <${tag}> is already defined, probably by a second copy of the Podium widgets; the first one is used.`,
      );
    return;
  }
  customElements.define(tag, element);
}
