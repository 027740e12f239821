/**
 * <podium-submit consultation="fietsroute-stationsstraat">: the input form of one
 * consultation, for embedding on a municipality's own pages.
 *
 * Data flow: GET {api}/api/consultations/{slug} → form → POST
 * {api}/api/consultations/{slug}/submissions (JSON, Idempotency-Key) → follow-up code.
 * Offline, the input waits in localStorage and is sent with the same key when the
 * connection is back, so it is stored once however often it is retried.
 *
 * This module renders the form; what happens from the moment the resident presses send
 * (checking, sending, the error summary, the confirmation) lives in send.ts, loaded then.
 * A page that only shows the form loads less; if that load fails because the resident is
 * offline, the input is saved here and send.ts is loaded when the connection is back.
 */
import {
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from '../shared/reactive-element.ts';
import type { Consultation, Question, SubmissionReceipt } from '../../shared/contracts/public-content.ts';
import { PodiumElement } from '../shared/podium-element.ts';
import { solveFrom } from '../shared/proof-of-work.ts';
import { baseStyles } from '../shared/styles.ts';
import type * as SendModule from './send.ts';
import { formStyles } from './styles.ts';
import { nl, type Texts } from './messages.ts';
import type { Texts as SendTexts } from './send-messages.ts';
import type { FieldMessage as FieldError } from '../../shared/contracts/field-error.ts';

export type SubmitState = 'idle' | 'submitting' | 'offline' | 'submitted';
type AnswerValue = string | string[] | number;
/** Form values as typed: scale answers stay strings until they are sent. */
export type Values = Record<string, string | string[]>;
/** `field` is an API field path (`answers.<key>`, `name`, `email`, `consent`) or '' for the form. */
export type { FieldError };
type Sender = typeof SendModule;

export type SubmissionBody = {
  answers: Record<string, AnswerValue>;
  name?: string;
  email?: string;
  consent: boolean;
  language: 'nl' | 'en';
  channel: 'widget';
};
/** What waits in localStorage while the resident is offline. */
export type PendingSubmission = { key: string; body: SubmissionBody; savedAt: string };
export type SubmittedDetail = { code: string; consultation: string };

/** localStorage key of the input waiting to be sent for one consultation. */
export const pendingKey = (slug: string): string => `podium-submit:pending:${slug}`;

/**
 * The input form of one consultation.
 *
 * @attr consultation - Slug of the consultation, e.g. `fietsroute-stationsstraat`.
 * @attr api - Podium's address; default: where the widget bundle was loaded from.
 * @attr lang - `nl` or `en`; default: the closest ancestor's `lang`, else Dutch.
 * @attr heading-level - Level (1–6) of the widget's heading; default 2.
 * @attr messages - JSON with text overrides: `{"nl":{"submit":"…"}}`.
 * @fires podium-submitted - After the API accepted the input; detail `{ code, consultation }`.
 * @csspart heading - The consultation title (and other headings).
 * @csspart form - The form.
 * @csspart field - Each question or personal-data field.
 * @csspart error-summary - The list of errors that takes focus.
 * @csspart error - A message next to a field.
 * @csspart button - The send button.
 * @csspart notice - Loading, closed, offline and error notices.
 * @csspart confirmation - The panel with the follow-up code.
 * @csspart code - The follow-up code.
 */
export class PodiumSubmit extends PodiumElement<keyof Texts | keyof SendTexts> {
  static override messages = { nl };
  static override loadEnglish = async () => (await import('./messages-en.ts')).en;

  static override properties: PropertyDeclarations = {
    consultation: { type: String },
    submitState: { state: true },
    data: { state: true },
    values: { state: true },
    errors: { state: true },
    receipt: { state: true },
  };

  static override styles = [
    baseStyles,
    formStyles,
    css`
      .intro p:last-child {
        margin-block-end: 0;
      }
    `,
  ];

  /** Slug of the consultation. */
  declare consultation: string;
  /** @internal State shared with send.ts (a separate chunk, so these cannot be #private). */
  declare submitState: SubmitState;
  /** @internal */
  declare data: Consultation | undefined;
  /** @internal */
  declare values: Values;
  /** @internal */
  declare errors: FieldError[];
  /** @internal */
  declare receipt: SubmissionReceipt | undefined;
  /** @internal The key of the current attempt: reused while the same body is retried. */
  attempt: { key: string; json: string } | undefined;
  /** @internal In-memory copy of the stored pending input, for when localStorage is blocked. */
  pending: PendingSubmission | undefined;
  /** @internal send.ts, once loaded. */
  sender: Sender | undefined;
  /**
   * @internal The proof of work for the next send, solved in the background from the
   * resident's first touch of the form; send.ts takes it (or sends without, see there).
   */
  proof: Promise<string | undefined> | undefined;

  constructor() {
    super();
    this.consultation = '';
    this.submitState = 'idle';
    this.values = {};
    this.errors = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consultation') || changed.has('api')) void this.load();
  }

  protected override async load(): Promise<void> {
    this.submitState = 'idle';
    this.errors = [];
    this.receipt = undefined;
    const data = await this.fetchJson<Consultation>(
      `/api/consultations/${encodeURIComponent(this.consultation.trim())}`,
    );
    if (!data) return;
    this.data = data;
    this.loadState = 'ready';
    // Input left from an earlier visit (offline at the time) is shown again and sent.
    if (data.status === 'open' && this.#hasStored()) void this.#withSender((send) => send.resume(this));
  }

  protected override online(): void {
    super.online();
    const pending = this.pending;
    if (this.submitState === 'offline' && pending) void this.#withSender((send) => send.submit(this, pending));
  }

  /** Loads send.ts and runs `work` with it; false when it could not be loaded (offline). */
  async #withSender(work: (send: Sender) => unknown): Promise<boolean> {
    try {
      this.sender ??= await import('./send.ts');
    } catch {
      return false;
    }
    await this.sender.ready(this);
    await work(this.sender);
    return true;
  }

  #hasStored(): boolean {
    try {
      return localStorage.getItem(pendingKey(this.consultation)) !== null;
    } catch {
      return false;
    }
  }

  /** @internal Saves input that waits to be sent: in localStorage, and in memory. */
  storePending(entry: PendingSubmission): void {
    this.pending = entry;
    try {
      localStorage.setItem(pendingKey(this.consultation), JSON.stringify(entry));
    } catch {
      // Storage blocked (privacy settings): the input still waits in memory while the page is open.
    }
  }

  // ---- form values --------------------------------------------------------------------

  #setValue(key: string, value: string | string[]): void {
    this.values = { ...this.values, [key]: value };
  }

  #string(key: string): string {
    const value = this.values[key];
    return typeof value === 'string' ? value : '';
  }

  #list(key: string): string[] {
    const value = this.values[key];
    return Array.isArray(value) ? value : [];
  }

  /** What is sent: empty answers left out, scale answers as numbers. */
  #body(): SubmissionBody {
    // Keys are question keys: a null-prototype object, so a key `__proto__` is just a key.
    const answers: Record<string, AnswerValue> = Object.create(null);
    for (const question of this.data?.questions ?? []) {
      if (question.kind === 'multiple_choice') {
        const chosen = this.#list(question.key);
        if (chosen.length) answers[question.key] = chosen;
      } else {
        const value = this.#string(question.key).trim();
        if (value) answers[question.key] = question.kind === 'scale' ? Number(value) : value;
      }
    }
    const body: SubmissionBody = {
      answers,
      consent: this.#string('consent') === 'yes',
      language: this.locale,
      channel: 'widget',
    };
    const name = this.#string('name').trim();
    const email = this.#string('email').trim();
    if (name) body.name = name;
    if (email) body.email = email;
    return body;
  }

  /** @internal Starts solving a proof of work, unless one is on its way already. */
  startProof = (): void => {
    this.proof ??= solveFrom(this.apiBase);
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.submitState === 'submitting') return;
    const body = this.#body();
    // One key per attempt: the same body sent again (a retry) keeps its key.
    const json = JSON.stringify(body);
    if (this.attempt?.json !== json) this.attempt = { key: newIdempotencyKey(), json };
    const entry: PendingSubmission = { key: this.attempt.key, body, savedAt: new Date().toISOString() };
    if (await this.#withSender((send) => send.submit(this, entry))) return;
    // send.ts could not load: offline before the first send. Nothing is lost: the input
    // waits, and is checked and sent when the connection is back.
    this.storePending(entry);
    this.submitState = 'offline';
    this.announce(this.message('offline'));
  };

  // ---- rendering ----------------------------------------------------------------------

  /** @internal The id prefix of a field's hint and error: `answer-<key>` or `field-<name>`. */
  fieldId(field: string): string {
    return field.startsWith('answers.') ? `answer-${field.slice(8)}` : `field-${field}`;
  }

  /** @internal */
  errorFor(field: string): FieldError | undefined {
    return this.errors.find((error) => error.field === field);
  }

  #describedBy(field: string, hasHint: boolean): string | typeof nothing {
    const id = this.fieldId(field);
    const ids = [hasHint ? `${id}-hint` : '', this.errorFor(field) ? `${id}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  protected override renderContent(): unknown {
    return this.loadState === 'ready' ? this.#renderConsultation(this.data!) : this.renderLoadState();
  }

  #renderConsultation(consultation: Consultation): TemplateResult {
    let body: unknown;
    if (this.submitState === 'submitted' && this.receipt && this.sender)
      body = this.sender.renderConfirmation(this, consultation, this.receipt);
    else if (consultation.status === 'open') body = this.#renderForm(consultation);
    else
      body = html`<p class="panel" part="notice">
        ${
          consultation.status === 'upcoming'
            ? this.message('upcoming', { date: this.date(consultation.opensAt) })
            : this.message('closed')
        }
      </p>`;
    return html`${this.heading(this.localized(consultation.title))}
      <p>${this.localized(consultation.summary)}</p>
      ${body}`;
  }

  #renderForm(consultation: Consultation): TemplateResult {
    const busy = this.submitState === 'submitting';
    return html`<form part="form" novalidate @submit=${this.#onSubmit} @focusin=${this.startProof}>
      ${this.errors.length && this.sender ? this.sender.renderErrorSummary(this) : nothing}
      <div class="intro">
        <p>${this.message('howWeAnswer', { days: consultation.responseDays })}</p>
        <p>${this.message(consultation.moderation === 'pre' ? 'moderationPre' : 'moderationPost')}</p>
        <p>${this.message('closesAt', { date: this.date(consultation.closesAt, true) })}</p>
      </div>
      ${consultation.questions.map((question) => this.#renderQuestion(question))} ${this.#renderAboutYou()}
      ${this.submitState === 'offline' ? html`<p class="panel" part="notice">${this.message('offline')}</p>` : nothing}
      <div>
        <button class="button" part="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${this.message('submit')}
        </button>
      </div>
    </form>`;
  }

  /** A field's error (from send.ts: errors exist only once the resident has sent). */
  #renderFieldError(field: string): unknown {
    return this.errorFor(field) && this.sender ? this.sender.renderFieldError(this, field) : nothing;
  }

  #optional(): TemplateResult {
    return html` <span class="optional">${this.message('optional')}</span>`;
  }
  #renderQuestion(question: Question): TemplateResult {
    const field = `answers.${question.key}`;
    const id = `answer-${question.key}`;
    const invalid = this.errorFor(field) ? 'true' : nothing;
    const label = html`${this.localized(question.prompt)}${question.required ? nothing : this.#optional()}`;
    const hintText = [
      this.text(question.hint),
      question.maxLength ? this.message('maxLength', { max: question.maxLength }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const hint = hintText ? html`<p class="hint" id="${id}-hint">${hintText}</p>` : nothing;
    const describedBy = this.#describedBy(field, Boolean(hintText));

    if (question.kind === 'open_text') {
      const value = this.#string(question.key);
      return html`<div class="field" part="field">
        <label for=${id}>${label}</label>
        ${hint} ${this.#renderFieldError(field)}
        <textarea
          id=${id}
          name=${field}
          rows="6"
          part="input"
          aria-required=${question.required ? 'true' : 'false'}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${value}
          @input=${(event: Event) => this.#setValue(question.key, (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${question.maxLength ? html`<p class="count">${this.message('count', { count: value.length, max: question.maxLength })}</p>` : nothing}
      </div>`;
    }

    type Choice = { value: string; label: unknown };
    let choices: Choice[];
    if (question.kind === 'scale') {
      const min = question.scaleMin ?? 1;
      const max = question.scaleMax ?? 5;
      choices = [];
      for (let n = min; n <= max; n++) {
        const end = n === min ? question.scaleMinLabel : n === max ? question.scaleMaxLabel : null;
        choices.push({ value: String(n), label: end ? html`${n} – ${this.localized(end)}` : String(n) });
      }
    } else {
      choices = (question.options ?? []).map((option) => ({
        value: option.value,
        label: this.localized(option.label),
      }));
    }
    const multiple = question.kind === 'multiple_choice';
    const selected = multiple ? this.#list(question.key) : [this.#string(question.key)];
    const onChange = (event: Event): void => {
      const input = event.target as HTMLInputElement;
      if (!multiple) return this.#setValue(question.key, input.value);
      const rest = this.#list(question.key).filter((value) => value !== input.value);
      this.#setValue(question.key, input.checked ? [...rest, input.value] : rest);
    };
    return html`<fieldset class="field" part="field" aria-describedby=${describedBy}>
      <legend>${label}</legend>
      ${hint} ${this.#renderFieldError(field)}
      <div class="options">
        ${choices.map(
          (choice, index) =>
            html`<label class="choice">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                id="${id}-${index}"
                name=${field}
                value=${choice.value}
                aria-invalid=${invalid}
                .checked=${selected.includes(choice.value)}
                @change=${onChange}
              />
              <span>${choice.label}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderAboutYou(): TemplateResult {
    const input = (field: 'name' | 'email', type: string, hint: string) =>
      html`<div class="field" part="field">
        <label for="field-${field}">${this.message(field)}${this.#optional()}</label>
        ${hint ? html`<p class="hint" id="field-${field}-hint">${hint}</p>` : nothing} ${this.#renderFieldError(field)}
        <input
          id="field-${field}"
          name=${field}
          type=${type}
          part="input"
          autocomplete=${field}
          spellcheck="false"
          aria-invalid=${this.errorFor(field) ? 'true' : nothing}
          aria-describedby=${this.#describedBy(field, Boolean(hint))}
          .value=${this.#string(field)}
          @input=${(event: Event) => this.#setValue(field, (event.target as HTMLInputElement).value)}
        />
      </div>`;
    return html`<fieldset class="group">
      <legend>${this.message('aboutYou')}${this.#optional()}</legend>
      <p class="hint">${this.message('aboutYouHint')}</p>
      <div class="stack">
        ${input('name', 'text', '')} ${input('email', 'email', this.message('emailHint'))}
        <div class="field" part="field">
          ${this.#renderFieldError('consent')}
          <label class="choice">
            <input
              type="checkbox"
              id="field-consent"
              name="consent"
              value="yes"
              aria-invalid=${this.errorFor('consent') ? 'true' : nothing}
              aria-describedby=${this.#describedBy('consent', true)}
              .checked=${this.#string('consent') === 'yes'}
              @change=${(event: Event) => this.#setValue('consent', (event.target as HTMLInputElement).checked ? 'yes' : '')}
            />
            <span>${this.message('consent')}</span>
          </label>
          <p class="hint" id="field-consent-hint">${this.message('consentHint')}</p>
        </div>
      </div>
    </fieldset>`;
  }
}

/** A UUID; `crypto.randomUUID` only exists in secure contexts, so plain-http hosts get a v4 by hand. */
function newIdempotencyKey(): string {
  return (
    crypto.randomUUID?.() ??
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (Number(c) ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (Number(c) / 4)))).toString(16),
    )
  );
}
