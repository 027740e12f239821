/**
 * The base class of every Podium widget: language, messages, the API address, loading JSON
 * with its states (and the notice for a page that may not embed), the live region, the
 * heading level, events and define-once registration. A widget is a thin class on top of
 * this one that implements `load()` and `renderContent()`.
 *
 * Lit without decorators (see the architecture brief): properties are declared in
 * `static properties` and typed with `declare`, and defaults are set in the constructor so
 * no class field shadows Lit's accessors.
 */
import { html, nothing, ReactiveElement, type PropertyDeclarations, type TemplateResult } from './reactive-element.ts';
import { nl as sharedNl, type Texts as SharedTexts } from './messages.ts';
import type { Locale, LocalizedText } from '../../shared/contracts/localized-text.ts';
import { intlLocale, timeZone } from '../../shared/format.ts';

export type { Locale, LocalizedText };
/** One language's messages: key → text with `{name}` placeholders. */
export type MessageTable = Record<string, string>;
export type Messages = Record<Locale, MessageTable>;
/** What a host may pass to override messages: any subset, per language. */
export type MessageOverrides = Partial<Record<Locale, MessageTable>>;
export type MessageParams = Record<string, string | number>;
/** The keys of the texts every widget has. */
export type SharedKey = keyof SharedTexts;
/** Where loading the widget's data stands; anything but `ready` shows a notice. */
export type LoadState = 'loading' | 'ready' | 'error' | 'offline' | 'not-found' | 'cors-refused';

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
      console.warn('[podium] messages attribute: not JSON, ignored');
      return undefined;
    }
  },
};

/** Every connected widget, so message overrides set later still reach rendered widgets. */
const connected = new Set<PodiumElement>();

/**
 * Tables a widget class loads after its first render, per language: English (a separate
 * chunk, so a Dutch page never downloads it) and texts needed only once the resident sends.
 * The size budget counts what a page loads before that, so this keeps widgets small.
 */
const loaded = new WeakMap<object, Partial<Record<Locale, MessageTable>>>();
/** The English load of each widget class: pending, or done. */
const englishLoads = new WeakMap<object, Promise<void> | true>();

/** Adds texts that arrived in a lazily loaded chunk; host overrides still win over them. */
export function addMessages(widgetClass: object, locale: Locale, table: MessageTable): void {
  const entry = loaded.get(widgetClass) ?? {};
  entry[locale] = { ...entry[locale], ...table };
  loaded.set(widgetClass, entry);
}

const noticeKeys: Record<Exclude<LoadState, 'loading' | 'ready'>, SharedKey> = {
  error: 'loadFailed',
  offline: 'loadOffline',
  'not-found': 'notFound',
  'cors-refused': 'corsRefused',
};

/**
 * `Key` is the widget's own text keys (`keyof` its Dutch table), so `t` accepts only keys
 * that exist; the shared keys are always allowed.
 */
export class PodiumElement<Key extends string = never> extends ReactiveElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    api: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    messages: { attribute: 'messages', converter: messagesConverter },
    liveText: { state: true },
    loadState: { state: true },
  };

  /**
   * Dutch messages shared by all widgets. Each widget class adds its own `static messages`;
   * lookups go from the element's `messages` property, to the widget class (with a host's
   * `setMessages`), to this class, to the loaded English table, and then to Dutch.
   */
  static messages: MessageOverrides = { nl: sharedNl };

  /** Loads the widget's English table (its own texts and the shared ones): a dynamic import. */
  static loadEnglish: (() => Promise<MessageTable>) | undefined;

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
  /** Where loading the widget's data stands (see `fetchJson`). */
  declare protected loadState: LoadState;

  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The languages the organisation offers, once an answer said so. */
  #languages: Locale[] | undefined;
  #themeRule = '';
  #loadController: AbortController | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.liveText = '';
    this.loadState = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    window.addEventListener('online', this.#onOnline);
    // On the shadow root: moves between two controls inside it never reach the host.
    this.renderRoot.addEventListener('focusin', this.#keepFocusInView);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#announceTimer);
    this.#loadController?.abort();
  }

  #onOnline = (): void => this.online();

  /**
   * WCAG 2.4.11: a host page with a sticky header and no scroll-padding lets the browser
   * scroll a focused control under that header (typically on Shift+Tab). After each focus
   * move, if something else covers the control's centre, bring it to the middle.
   */
  #keepFocusInView = (): void => {
    const focused = this.shadowRoot?.activeElement;
    if (!(focused instanceof HTMLElement)) return;
    requestAnimationFrame(() => {
      const box = focused.getBoundingClientRect();
      const hit = this.shadowRoot?.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (hit && hit !== focused && !focused.contains(hit) && hit.closest('label') !== focused.closest('label'))
        focused.scrollIntoView({ block: 'center' });
    });
  };

  /** The connection is back: a load that failed offline is tried again. */
  protected online(): void {
    if (this.loadState === 'offline') this.load();
  }

  /**
   * The retry button: loads again, and if that fails too, puts focus back on the button
   * (the loading notice replaced it meanwhile), so a keyboard user can simply try again.
   */
  #retry = async (): Promise<void> => {
    await this.load();
    if (this.loadState === 'error' || this.loadState === 'offline') void this.focusInside('[part="notice"] button');
  };

  /** (Re)loads the widget's data, usually through `fetchJson`. */
  protected load(): void | Promise<void> {}

  /**
   * GETs JSON from Podium's API: the data, or undefined with `loadState` set to what explains
   * why (404, offline, refused by CORS, other error). On success the caller stores the data
   * and sets `loadState = 'ready'` in the same task, so no render sees one without the other.
   * Requests carry no cookies; a newer call aborts an older one.
   */
  protected async fetchJson<T>(path: string): Promise<T | undefined> {
    this.#loadController?.abort();
    const controller = new AbortController();
    this.#loadController = controller;
    this.loadState = 'loading';
    const url = this.apiUrl(path);
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        // Published content carries both languages, so no Accept-Language here.
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      if (response.status === 404) {
        this.loadState = 'not-found';
        return undefined;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.#applyOrganisation(response.headers);
      return (await response.json()) as T;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      // A TypeError while the server does answer a no-cors request: this origin is refused.
      this.loadState = !navigator.onLine
        ? 'offline'
        : error instanceof TypeError && (await reachableWithoutCors(url))
          ? 'cors-refused'
          : 'error';
      console.error(`[podium] ${this.loadState}: ${location.origin} → ${this.apiBase}`, error);
      return undefined;
    }
  }

  /**
   * The notice for every load state but `ready`. After an error, and offline (which also
   * retries by itself when the connection returns), a button tries again.
   */
  protected renderLoadState(): TemplateResult {
    const state = this.loadState;
    if (state === 'loading' || state === 'ready') return html`<p part="notice">${this.message('loading')}</p>`;
    return html`<div class="panel error" part="notice">
      <p>${this.message(noticeKeys[state])}</p>
      ${
        state === 'error' || state === 'offline'
          ? html`<button class="button secondary" part="button" type="button" @click=${this.#retry}>
              ${this.message('retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /**
   * The language the widget speaks: its own `lang`, else the closest ancestor's, else Dutch;
   * Dutch too when the organisation offers no other (the `Podium-Languages` header).
   * Only read, never written: a widget must not change the host page's language.
   */
  get locale(): Locale {
    const wanted = toLocale(this.getAttribute('lang')) ?? toLocale(ancestorLang(this)) ?? 'nl';
    return this.#languages && !this.#languages.includes(wanted) ? 'nl' : wanted;
  }

  /**
   * Takes the organisation's languages and house colours from an answer's headers. The
   * colours become private properties on the shadow root's host rule: an embedding page's
   * NL Design System tokens still win over them (styles.ts).
   */
  #applyOrganisation(headers: Headers): void {
    const languages = headers.get('Podium-Languages');
    if (languages) {
      const offered = languages.split(',').flatMap((l) => toLocale(l) ?? []);
      if (offered.join() !== this.#languages?.join()) {
        this.#languages = offered;
        this.requestUpdate();
      }
    }
    const theme = headers.get('Podium-Theme') ?? '';
    const rule = theme
      .split(';')
      .map((pair) => pair.trim().split('='))
      .filter(([name, value]) => /^[a-z-]{1,20}$/.test(name ?? '') && /^#[0-9a-f]{6}$/.test(value ?? ''))
      .map(([name, value]) => `--_org-${name}:${value}`)
      .join(';');
    if (rule === this.#themeRule) return;
    this.#themeRule = rule;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule ? `:host{${rule}}` : '');
    const own = (this.constructor as typeof PodiumElement).styles.flat().map((style) => style.styleSheet);
    this.renderRoot.adoptedStyleSheets = [sheet, ...own];
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
  message(key: Key | SharedKey, params?: MessageParams): string {
    let text: string | undefined;
    for (const locale of this.locale === 'nl' ? (['nl'] as const) : ([this.locale, 'nl'] as const)) {
      text =
        this.messages?.[locale]?.[key] ??
        lookup(this.constructor, locale, key) ??
        loaded.get(this.constructor)?.[locale]?.[key];
      if (text !== undefined) break;
    }
    text ??= key;
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

  /** A text in the widget's language: English where translated, else Dutch. */
  text(value: LocalizedText | null | undefined): string {
    if (!value) return '';
    return this.locale === 'en' ? (value.en ?? value.nl) : value.nl;
  }

  /** Like `text`, but Dutch shown in an English widget keeps `lang="nl"` for screen readers. */
  localized(value: LocalizedText | null | undefined): unknown {
    if (!value) return nothing;
    return this.locale === 'en' && !value.en ? html`<span lang="nl">${value.nl}</span>` : this.text(value);
  }

  /** A date (and time) as people in the Netherlands read it, in the widget's language. */
  date(iso: string, withTime = false): string {
    // The API only sends ISO 8601 timestamps, so this does not throw.
    return new Intl.DateTimeFormat(intlLocale[this.locale], {
      dateStyle: 'long',
      timeStyle: withTime ? 'short' : undefined,
      timeZone,
    }).format(new Date(iso));
  }

  /** Dispatches `podium-<name>`: bubbling and composed, so the host page hears it. */
  emit<T>(name: string, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(`podium-${name}`, { detail, bubbles: true, composed: true }));
  }

  /**
   * Focuses an element inside the shadow root after the next render and brings it to the
   * middle of the viewport (so a sticky header on the host page does not cover it).
   */
  async focusInside(selector: string): Promise<void> {
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
  heading(
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

  /**
   * Whether the texts of the widget's language are here. English is fetched on first use;
   * if that fails (offline), the widget speaks Dutch rather than nothing.
   */
  #languageReady(): boolean {
    const ctor = this.constructor as typeof PodiumElement;
    if (this.locale === 'nl' || !ctor.loadEnglish) return true;
    const entry = englishLoads.get(ctor);
    if (entry) return entry === true;
    const done = (): void => {
      englishLoads.set(ctor, true);
      for (const element of connected) if (element.constructor === ctor) element.requestUpdate();
    };
    englishLoads.set(
      ctor,
      ctor
        .loadEnglish()
        .then((table) => addMessages(ctor, 'en', table))
        .then(done, done),
    );
    return false;
  }

  /**
   * Settles once the widget shows what it has in its own language: while the English texts
   * are still on their way the content is left out, and an update that finished meanwhile
   * would let a caller (a host page, a test) look at a widget that is about to change.
   */
  override get updateComplete(): Promise<boolean> {
    return super.updateComplete.then(async (done) => {
      const entry = englishLoads.get(this.constructor);
      if (entry === undefined || entry === true || this.locale === 'nl') return done;
      await entry;
      return super.updateComplete;
    });
  }

  protected override render(): TemplateResult {
    // tabindex=-1 on the wrapper: with delegatesFocus, a click on plain text in the widget
    // would otherwise move focus (and scroll) to the first field; now the click lands here.
    return html`<div class="podium" lang=${this.locale} tabindex="-1">
      ${this.#languageReady() ? this.renderContent() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.liveText}</div>
    </div>`;
  }
}

function lookup(start: unknown, locale: Locale, key: string): string | undefined {
  for (let ctor = start; ctor && ctor !== ReactiveElement; ctor = Object.getPrototypeOf(ctor)) {
    if (!Object.hasOwn(ctor, 'messages')) continue;
    const text = (ctor as typeof PodiumElement).messages[locale]?.[key];
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The server answers at all (an opaque no-cors response), so a failed CORS fetch was refused. */
async function reachableWithoutCors(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers a widget once. A second copy of the bundle on the same page (another CMS block,
 * another version) warns instead of throwing, and the first definition stays in charge.
 */
export function definePodiumElement(tag: `podium-${string}`, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== element)
      console.warn(`[podium] <${tag}> is already defined (a second copy of the widgets?); the first one stays.`);
    return;
  }
  customElements.define(tag, element);
}
