/**
 * <podium-submit consultation="fietsroute-stationsstraat">: the input form of one
 * consultation, for embedding on a municipality's own pages.
 *
 * Data flow: GET {api}/api/consultations/{slug} → form → POST
 * {api}/api/consultations/{slug}/submissions (JSON, Idempotency-Key) → follow-up code.
 * Offline, the input waits in localStorage and is sent with the same key when the
 * connection is back, so it is stored once however often it is retried.
 */
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Consultation, Problem, Question, SubmissionReceipt } from '../../api/contracts/public-content.ts';
import { PodiumElement } from '../shared/podium-element.ts';
import { baseStyles, formStyles } from '../shared/styles.ts';
import { submitMessages } from './messages.ts';

type LoadState = 'loading' | 'ready' | 'error' | 'offline' | 'not-found' | 'cors-refused';
type SubmitState = 'idle' | 'submitting' | 'offline' | 'submitted';
type LocalizedText = { nl: string; en?: string | undefined };
type AnswerValue = string | string[] | number;
/** Form values as typed: scale answers stay strings until they are sent. */
type Values = Record<string, string | string[]>;
/** `field` is an API field path (`answers.<key>`, `name`, `email`, `consent`) or '' for the form. */
type FieldError = { field: string; message: string };

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TIMEOUT_MS = 30_000;

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
export class PodiumSubmit extends PodiumElement {
  static override messages = submitMessages;

  static override properties: PropertyDeclarations = {
    consultation: { type: String },
    loadState: { state: true },
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
      .code {
        display: inline-block;
        font-family: var(--podium-code-font-family, ui-monospace, 'Cascadia Mono', Consolas, monospace);
        font-size: 1.5em;
        font-weight: 700;
        letter-spacing: 0.15em;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Slug of the consultation. */
  declare consultation: string;
  declare protected loadState: LoadState;
  declare protected submitState: SubmitState;
  declare protected data: Consultation | undefined;
  declare protected values: Values;
  declare protected errors: FieldError[];
  declare protected receipt: SubmissionReceipt | undefined;

  /** The key of the current attempt: reused while the same body is retried. */
  #attempt: { key: string; json: string } | undefined;
  /** In-memory copy of the stored pending input, for when localStorage is blocked. */
  #pending: PendingSubmission | undefined;
  #loadController: AbortController | undefined;

  constructor() {
    super();
    this.consultation = '';
    this.loadState = 'loading';
    this.submitState = 'idle';
    this.values = {};
    this.errors = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#loadController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consultation') || changed.has('api')) void this.#load();
  }

  // ---- loading ------------------------------------------------------------------------

  async #load(): Promise<void> {
    this.#loadController?.abort();
    const controller = new AbortController();
    this.#loadController = controller;
    this.loadState = 'loading';
    this.submitState = 'idle';
    this.errors = [];
    this.receipt = undefined;
    const slug = this.consultation.trim();
    if (!slug) {
      console.warn('[podium] <podium-submit> needs a consultation attribute.');
      this.loadState = 'not-found';
      return;
    }
    const url = this.apiUrl(`/api/consultations/${encodeURIComponent(slug)}`);
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        headers: { Accept: 'application/json', 'Accept-Language': this.locale },
        signal: controller.signal,
      });
      if (response.status === 404) {
        this.loadState = 'not-found';
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.data = (await response.json()) as Consultation;
      this.loadState = 'ready';
      this.#resumePending();
    } catch (error) {
      if (controller.signal.aborted) return;
      if (!navigator.onLine) {
        this.loadState = 'offline';
      } else if (error instanceof TypeError && (await reachableWithoutCors(url))) {
        // The server answers, but not to this origin: the embed origin is not allowed.
        console.error(`[podium] ${location.origin} is not an allowed embed origin of ${this.apiBase}.`);
        this.loadState = 'cors-refused';
      } else {
        console.error('[podium] Loading the consultation failed.', error);
        this.loadState = 'error';
      }
    }
  }

  #onOnline = (): void => {
    if (this.loadState === 'offline') void this.#load();
    else if (this.submitState === 'offline' && this.#pending) void this.#send(this.#pending);
  };

  // ---- offline storage ----------------------------------------------------------------

  #storePending(entry: PendingSubmission): void {
    this.#pending = entry;
    try {
      localStorage.setItem(pendingKey(this.consultation), JSON.stringify(entry));
    } catch {
      // Storage blocked (privacy settings): the input still waits in memory while the page is open.
    }
  }

  #clearPending(): void {
    this.#pending = undefined;
    try {
      localStorage.removeItem(pendingKey(this.consultation));
    } catch {
      // Nothing stored, nothing to clear.
    }
  }

  #readPending(): PendingSubmission | undefined {
    try {
      const raw = localStorage.getItem(pendingKey(this.consultation));
      const entry = raw ? (JSON.parse(raw) as PendingSubmission) : undefined;
      return entry && typeof entry.key === 'string' && entry.body?.answers ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Input left from an earlier visit (offline at the time) is shown again and sent. */
  #resumePending(): void {
    const entry = this.#readPending();
    if (!entry || this.data?.status !== 'open') return;
    this.#pending = entry;
    const { answers, name, email, consent } = entry.body;
    const values: Values = {};
    for (const [key, value] of Object.entries(answers)) values[key] = Array.isArray(value) ? value : String(value);
    values.name = name ?? '';
    values.email = email ?? '';
    values.consent = consent ? 'yes' : '';
    this.values = values;
    if (navigator.onLine) void this.#send(entry);
    else {
      this.submitState = 'offline';
      this.announce(this.t('offline'));
    }
  }

  // ---- form values and validation -----------------------------------------------------

  #text(value: LocalizedText | null | undefined): string {
    if (!value) return '';
    return this.locale === 'en' ? (value.en ?? value.nl) : value.nl;
  }

  /** Localised text; Dutch shown on an English widget keeps `lang="nl"` for screen readers. */
  #localized(value: LocalizedText | null | undefined): unknown {
    if (!value) return nothing;
    return this.locale === 'en' && !value.en ? html`<span lang="nl">${value.nl}</span>` : this.#text(value);
  }

  #date(iso: string, withTime = false): string {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'Europe/Amsterdam' };
    if (withTime) options.timeStyle = 'short';
    try {
      return new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'nl-NL', options).format(new Date(iso));
    } catch {
      return iso;
    }
  }

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

  #body(): SubmissionBody {
    const answers: Record<string, AnswerValue> = {};
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

  #validate(body: SubmissionBody): FieldError[] {
    const errors: FieldError[] = [];
    for (const question of this.data?.questions ?? []) {
      const field = `answers.${question.key}`;
      const value = body.answers[question.key];
      if (value === undefined) {
        if (question.required) {
          const code =
            question.kind === 'open_text'
              ? 'required'
              : question.kind === 'multiple_choice'
                ? 'requiredChoices'
                : 'requiredChoice';
          errors.push({ field, message: this.t(code) });
        }
      } else if (typeof value === 'string' && question.maxLength && value.length > question.maxLength) {
        errors.push({ field, message: this.t('tooLong', { max: question.maxLength, actual: value.length }) });
      }
    }
    if (!errors.length && !Object.keys(body.answers).length) {
      const first = this.data?.questions[0];
      errors.push({ field: first ? `answers.${first.key}` : '', message: this.t('emptySubmission') });
    }
    if (body.email && !EMAIL.test(body.email)) errors.push({ field: 'email', message: this.t('invalidEmail') });
    if (body.email && !body.consent) errors.push({ field: 'consent', message: this.t('consentRequired') });
    return errors;
  }

  // ---- sending ------------------------------------------------------------------------

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.submitState === 'submitting') return;
    const body = this.#body();
    const errors = this.#validate(body);
    if (errors.length) {
      this.#showErrors(errors);
      return;
    }
    // One key per attempt: the same body sent again (a retry) keeps its key.
    const json = JSON.stringify(body);
    if (this.#attempt?.json !== json) this.#attempt = { key: newIdempotencyKey(), json };
    void this.#send({ key: this.#attempt.key, body, savedAt: new Date().toISOString() });
  };

  async #send(entry: PendingSubmission): Promise<void> {
    const slug = this.consultation;
    this.submitState = 'submitting';
    this.errors = [];
    this.announce(this.t('submitting'));
    let response: Response;
    try {
      response = await fetch(this.apiUrl(`/api/consultations/${encodeURIComponent(slug)}/submissions`), {
        method: 'POST',
        credentials: 'omit',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Accept-Language': this.locale,
          'Idempotency-Key': entry.key,
        },
        body: JSON.stringify(entry.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      this.#storePending(entry);
      this.#attempt = { key: entry.key, json: JSON.stringify(entry.body) };
      if (!navigator.onLine) {
        this.submitState = 'offline';
        this.announce(this.t('offline'));
      } else {
        this.submitState = 'idle';
        this.#showErrors([{ field: '', message: this.t('networkFailed') }]);
      }
      return;
    }

    if (response.ok) {
      this.receipt = (await response.json()) as SubmissionReceipt;
      this.#clearPending();
      this.#attempt = undefined;
      this.values = {};
      this.submitState = 'submitted';
      this.announce('');
      void this.focusInside('#confirmation-title');
      this.emit<SubmittedDetail>('submitted', { code: this.receipt.code, consultation: slug });
      return;
    }

    // The server answered: a 4xx will not get better by retrying the same body; a 5xx may.
    if (response.status < 500) {
      this.#clearPending();
      this.#attempt = undefined;
    }
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    this.submitState = 'idle';
    const fieldErrors = (problem?.errors ?? []).map(({ field, message }) => ({
      field: this.#knownField(field) ? field : '',
      message,
    }));
    this.#showErrors(
      fieldErrors.length
        ? fieldErrors
        : [{ field: '', message: problem?.detail ?? problem?.title ?? this.t('submitFailed') }],
    );
  }

  #showErrors(errors: FieldError[]): void {
    this.errors = errors;
    this.announce('');
    void this.focusInside('.error-summary');
  }

  // ---- fields and errors --------------------------------------------------------------

  #question(field: string): Question | undefined {
    return field.startsWith('answers.') ? this.data?.questions.find((q) => q.key === field.slice(8)) : undefined;
  }

  #knownField(field: string): boolean {
    return field === 'name' || field === 'email' || field === 'consent' || this.#question(field) !== undefined;
  }

  /** The id an error links to: the control itself, or the first control of a group. */
  #controlId(field: string): string {
    const question = this.#question(field);
    if (question) return question.kind === 'open_text' ? `answer-${question.key}` : `answer-${question.key}-0`;
    return `field-${field}`;
  }

  /** The id prefix of a field's hint and error. */
  #fieldId(field: string): string {
    const question = this.#question(field);
    return question ? `answer-${question.key}` : `field-${field}`;
  }

  #fieldLabel(field: string): string {
    const question = this.#question(field);
    if (question) return this.#text(question.prompt);
    return field === 'consent' ? this.t('consentShort') : field ? this.t(field) : '';
  }

  #errorFor(field: string): FieldError | undefined {
    return this.errors.find((error) => error.field === field);
  }

  #describedBy(field: string, hasHint: boolean): string | typeof nothing {
    const id = this.#fieldId(field);
    const ids = [hasHint ? `${id}-hint` : '', this.#errorFor(field) ? `${id}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  #focusField(event: Event, field: string): void {
    event.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${this.#controlId(field)}`);
    if (!control) return;
    control.focus({ preventScroll: true });
    // Show the question with its control: the legend of a group, else the label.
    const context =
      control.closest('fieldset')?.querySelector('legend') ??
      this.renderRoot.querySelector(`label[for="${control.id}"]`) ??
      control;
    context.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }

  // ---- rendering ----------------------------------------------------------------------

  protected override renderContent(): unknown {
    switch (this.loadState) {
      case 'loading':
        return html`<p class="loading" part="notice">${this.t('loading')}</p>`;
      case 'not-found':
        return this.#notice(this.t('notFound'));
      case 'cors-refused':
        return this.#notice(this.t('corsRefused'));
      case 'offline':
        return this.#notice(this.t('loadOffline'));
      case 'error':
        return this.#notice(
          this.t('loadFailed'),
          html`<button class="button secondary" part="button" type="button" @click=${() => void this.#load()}>
            ${this.t('retry')}
          </button>`,
        );
      case 'ready':
        return this.#renderConsultation(this.data!);
    }
  }

  #notice(text: string, extra: unknown = nothing): TemplateResult {
    return html`<div class="panel error" part="notice">
      <p>${text}</p>
      ${extra}
    </div>`;
  }

  #renderConsultation(consultation: Consultation): TemplateResult {
    let body: unknown;
    if (this.submitState === 'submitted' && this.receipt) body = this.#renderConfirmation(consultation, this.receipt);
    else if (consultation.status === 'open') body = this.#renderForm(consultation);
    else if (consultation.status === 'upcoming')
      body = html`<p class="panel" part="notice">${this.t('upcoming', { date: this.#date(consultation.opensAt) })}</p>`;
    else body = html`<p class="panel" part="notice">${this.t('closed')}</p>`;
    return html`${this.heading(this.#localized(consultation.title))}
      <p>${this.#localized(consultation.summary)}</p>
      ${body}`;
  }

  #renderConfirmation(consultation: Consultation, receipt: SubmissionReceipt): TemplateResult {
    const followUp = new URL(receipt.followUpUrl, this.apiBase + '/').href;
    return html`<div class="panel success" part="confirmation">
      ${this.heading(this.t('thanks'), { level: this.level + 1, id: 'confirmation-title', focusable: true })}
      <p>${this.t('yourCode')}<br /><strong class="code" part="code">${receipt.code}</strong></p>
      <p>${this.t('keepCode')}</p>
      <p>${this.t('answerDue', { date: this.#date(receipt.answerDueAt) })}</p>
      ${consultation.moderation === 'pre' ? html`<p>${this.t('moderationPre')}</p>` : nothing}
      <p><a href=${followUp}>${this.t('followUpLink')}</a></p>
    </div>`;
  }

  #renderForm(consultation: Consultation): TemplateResult {
    const busy = this.submitState === 'submitting';
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${this.#renderErrorSummary()}
      <div class="intro">
        <p>${this.t('howWeAnswer', { days: consultation.responseDays })}</p>
        <p>${this.t(consultation.moderation === 'pre' ? 'moderationPre' : 'moderationPost')}</p>
        <p>${this.t('closesAt', { date: this.#date(consultation.closesAt, true) })}</p>
      </div>
      ${consultation.questions.map((question) => this.#renderQuestion(question))} ${this.#renderAboutYou()}
      ${this.submitState === 'offline' ? html`<p class="panel" part="notice">${this.t('offline')}</p>` : nothing}
      <div>
        <button class="button" part="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${this.t('submit')}
        </button>
      </div>
    </form>`;
  }

  #renderErrorSummary(): unknown {
    if (!this.errors.length) return nothing;
    return html`<div class="panel error error-summary" part="error-summary" tabindex="-1">
      ${this.heading(this.t('errorSummaryTitle'), { level: this.level + 1, part: 'error-summary-heading' })}
      <ul>
        ${this.errors.map(({ field, message }) =>
          field
            ? html`<li>
                <a href="#${this.#controlId(field)}" @click=${(event: Event) => this.#focusField(event, field)}
                  >${this.#fieldLabel(field)}: ${message}</a
                >
              </li>`
            : html`<li>${message}</li>`,
        )}
      </ul>
    </div>`;
  }

  #renderFieldError(field: string): unknown {
    const error = this.#errorFor(field);
    if (!error) return nothing;
    return html`<p class="field-error" part="error" id="${this.#fieldId(field)}-error">
      <span class="visually-hidden">${this.t('errorPrefix')}</span> ${error.message}
    </p>`;
  }

  #renderQuestion(question: Question): TemplateResult {
    const field = `answers.${question.key}`;
    const id = `answer-${question.key}`;
    const invalid = this.#errorFor(field) ? 'true' : nothing;
    const label = html`${this.#localized(question.prompt)}${question.required ? nothing : html` <span class="optional">${this.t('optional')}</span>`}`;
    const hintText = [
      this.#text(question.hint),
      question.maxLength ? this.t('maxLength', { max: question.maxLength }) : '',
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
        ${question.maxLength ? html`<p class="count">${this.t('count', { count: value.length, max: question.maxLength })}</p>` : nothing}
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
        choices.push({ value: String(n), label: end ? html`${n} – ${this.#localized(end)}` : String(n) });
      }
    } else {
      choices = (question.options ?? []).map((option) => ({
        value: option.value,
        label: this.#localized(option.label),
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
        <label for="field-${field}">${this.t(field)} <span class="optional">${this.t('optional')}</span></label>
        ${hint ? html`<p class="hint" id="field-${field}-hint">${hint}</p>` : nothing} ${this.#renderFieldError(field)}
        <input
          id="field-${field}"
          name=${field}
          type=${type}
          part="input"
          autocomplete=${field}
          spellcheck="false"
          aria-invalid=${this.#errorFor(field) ? 'true' : nothing}
          aria-describedby=${this.#describedBy(field, Boolean(hint))}
          .value=${this.#string(field)}
          @input=${(event: Event) => this.#setValue(field, (event.target as HTMLInputElement).value)}
        />
      </div>`;
    return html`<fieldset class="group">
      <legend>${this.t('aboutYou')} <span class="optional">${this.t('optional')}</span></legend>
      <p class="hint">${this.t('aboutYouHint')}</p>
      <div class="stack">
        ${input('name', 'text', '')} ${input('email', 'email', this.t('emailHint'))}
        <div class="field" part="field">
          ${this.#renderFieldError('consent')}
          <label class="choice">
            <input
              type="checkbox"
              id="field-consent"
              name="consent"
              value="yes"
              aria-invalid=${this.#errorFor('consent') ? 'true' : nothing}
              aria-describedby=${this.#describedBy('consent', true)}
              .checked=${this.#string('consent') === 'yes'}
              @change=${(event: Event) => this.#setValue('consent', (event.target as HTMLInputElement).checked ? 'yes' : '')}
            />
            <span>${this.t('consent')}</span>
          </label>
          <p class="hint" id="field-consent-hint">${this.t('consentHint')}</p>
        </div>
      </div>
    </fieldset>`;
  }
}

/** The server answers at all (an opaque no-cors response), so a failed CORS fetch was refused. */
async function reachableWithoutCors(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/** A UUID; `crypto.randomUUID` only exists on https pages, so plain-http hosts get a v4 by hand. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
