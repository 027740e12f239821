/**
 * What <podium-submit> does from the moment the resident presses send: check the input, send
 * it with its Idempotency-Key, keep it while offline, and show the error summary or the
 * confirmation. A separate chunk, loaded on the first send (or to resume stored input), so
 * a page that shows the form loads less (see widgets/README.md, "Size").
 */
import { css, html, nothing, type TemplateResult } from '../shared/reactive-element.ts';
import type { Consultation, Problem, Question, SubmissionReceipt } from '../../shared/contracts/public-content.ts';
import { addMessages } from '../shared/podium-element.ts';
import { isEmailAddress } from '../../shared/contracts/email.ts';
// Types only: a value import of the entry would make the bundler split it into a facade.
import type { FieldError, PendingSubmission, PodiumSubmit, SubmittedDetail, Values } from './podium-submit.ts';

/** The localStorage key of pending input; the same as `pendingKey` in podium-submit.ts. */
const storageKey = (element: PodiumSubmit): string => `podium-submit:pending:${element.consultation}`;
import { nl as sendNl } from './send-messages.ts';

const TIMEOUT_MS = 30_000;
/** How long a send waits for a proof of work still being solved before going without. */
const PROOF_WAIT_MS = 3_000;

/**
 * Styles of what only appears once the resident sends: errors and the confirmation. They
 * arrive with this chunk and are added to the widget's adopted style sheets.
 */
const sendStyles = css`
  .field-error {
    color: var(--_error);
    font-weight: 700;
    margin: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_invalid);
    border-inline-start-width: 0.375em;
  }
  /* A checkbox or radio cannot show a thicker border: it gets an outline instead. */
  .choice input[aria-invalid='true'] {
    outline: 0.125em solid var(--_invalid);
    outline-offset: 0.0625em;
  }
  .choice input[aria-invalid='true']:focus-visible {
    outline: var(--_focus);
    outline-offset: var(--utrecht-focus-outline-offset, 0.125em);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary li + li {
    margin-block-start: 0.25em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .panel.success {
    border-color: var(--utrecht-alert-ok-border-color, #1e6b36);
  }
  .code {
    display: inline-block;
    font-family: var(--podium-code-font-family, ui-monospace, 'Cascadia Mono', Consolas, monospace);
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.15em;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border-color: CanvasText;
    }
  }
`;

let englishLoaded: Promise<void> | undefined;

/** Registers the texts of this chunk (and, for an English widget, their translation). */
export async function ready(element: PodiumSubmit): Promise<void> {
  addMessages(element.constructor, 'nl', sendNl);
  const root = element.renderRoot as ShadowRoot;
  const sheet = sendStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  if (element.locale !== 'en') return;
  englishLoaded ??= import('./send-messages-en.ts').then(
    (module) => addMessages(element.constructor, 'en', module.en),
    () => undefined, // offline: these texts stay Dutch rather than missing
  );
  await englishLoaded;
}

/** Checks the input; sends it when it is complete, else shows what to fix. */
export async function submit(element: PodiumSubmit, entry: PendingSubmission): Promise<void> {
  const errors = validate(element, entry);
  if (errors.length) {
    element.submitState = 'idle';
    showErrors(element, errors);
    return;
  }
  await send(element, entry);
}

/** Input stored on an earlier visit (offline then) is shown again and sent. */
export async function resume(element: PodiumSubmit): Promise<void> {
  const entry = readStored(element);
  if (!entry) return;
  const { answers, name, email, consent } = entry.body;
  const values: Values = {};
  for (const [key, value] of Object.entries(answers)) values[key] = Array.isArray(value) ? value : String(value);
  values.name = name ?? '';
  values.email = email ?? '';
  values.consent = consent ? 'yes' : '';
  element.values = values;
  element.attempt = { key: entry.key, json: JSON.stringify(entry.body) };
  element.pending = entry;
  if (navigator.onLine) await submit(element, entry);
  else {
    element.submitState = 'offline';
    element.announce(element.message('offline'));
  }
}

function validate(element: PodiumSubmit, { body }: PendingSubmission): FieldError[] {
  const errors: FieldError[] = [];
  const questions = element.data?.questions ?? [];
  for (const question of questions) {
    const field = `answers.${question.key}`;
    const value = body.answers[question.key];
    if (value === undefined) {
      if (question.required)
        errors.push({
          field,
          message: element.message(
            question.kind === 'open_text'
              ? 'required'
              : question.kind === 'multiple_choice'
                ? 'requiredChoices'
                : 'requiredChoice',
          ),
        });
    } else if (typeof value === 'string' && question.maxLength && value.length > question.maxLength) {
      errors.push({ field, message: element.message('tooLong', { max: question.maxLength, actual: value.length }) });
    }
  }
  if (!errors.length && !Object.keys(body.answers).length)
    errors.push({
      field: questions[0] ? `answers.${questions[0].key}` : '',
      message: element.message('emptySubmission'),
    });
  if (body.email && !isEmailAddress(body.email))
    errors.push({ field: 'email', message: element.message('invalidEmail') });
  if (body.email && !body.consent) errors.push({ field: 'consent', message: element.message('consentRequired') });
  return errors;
}

async function send(element: PodiumSubmit, entry: PendingSubmission, fresh = false): Promise<void> {
  const slug = element.consultation;
  element.submitState = 'submitting';
  element.errors = [];
  element.announce(element.message('submitting'));
  // The proof of work travels beside the stored body, never in it: each one counts once.
  element.startProof();
  const altcha = await Promise.race([element.proof, new Promise<undefined>((go) => setTimeout(go, PROOF_WAIT_MS))]);
  let response: Response;
  try {
    response = await fetch(element.apiUrl(`/api/consultations/${encodeURIComponent(slug)}/submissions`), {
      method: 'POST',
      credentials: 'omit',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': element.locale,
        'Idempotency-Key': entry.key,
      },
      body: JSON.stringify(altcha ? { ...entry.body, altcha } : entry.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    element.storePending(entry);
    element.attempt = { key: entry.key, json: JSON.stringify(entry.body) };
    if (!navigator.onLine) {
      element.submitState = 'offline';
      element.announce(element.message('offline'));
    } else {
      element.submitState = 'idle';
      showErrors(element, [{ field: '', message: element.message('networkFailed') }]);
    }
    return;
  }

  // Any answer from the server ends this solution's use; the next send solves a new one.
  element.proof = undefined;
  if (response.ok) {
    element.receipt = (await response.json()) as SubmissionReceipt;
    clearPending(element);
    element.values = {};
    element.submitState = 'submitted';
    element.announce('');
    void element.focusInside('#confirmation-title');
    element.emit<SubmittedDetail>('submitted', { code: element.receipt.code, consultation: slug });
    return;
  }

  const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
  // A solution that expired while the input waited offline (or was refused otherwise):
  // once more with a new one, so the resident never has to press send again for it.
  if (!fresh && problem?.type?.includes('/proof-of-work-')) return send(element, entry, true);
  // The server answered: a 4xx will not get better by retrying the same body; a 5xx may.
  if (response.status < 500) clearPending(element);
  element.submitState = 'idle';
  const fieldErrors = (problem?.errors ?? []).map(({ field, message }) => ({
    field: knownField(element, field) ? field : '',
    message,
  }));
  showErrors(
    element,
    fieldErrors.length
      ? fieldErrors
      : [{ field: '', message: problem?.detail ?? problem?.title ?? element.message('submitFailed') }],
  );
}

/** The stored pending input, if any and well-formed (and storage can be read). */
function readStored(element: PodiumSubmit): PendingSubmission | undefined {
  try {
    const raw = localStorage.getItem(storageKey(element));
    const entry = raw ? (JSON.parse(raw) as PendingSubmission) : undefined;
    return entry && typeof entry.key === 'string' && entry.body?.answers ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the pending input: it was stored, or refused for good. */
function clearPending(element: PodiumSubmit): void {
  element.pending = undefined;
  element.attempt = undefined;
  try {
    localStorage.removeItem(storageKey(element));
  } catch {
    // Nothing stored, nothing to clear.
  }
}

function showErrors(element: PodiumSubmit, errors: FieldError[]): void {
  element.errors = errors;
  element.announce('');
  void element.focusInside('.error-summary');
}

function question(element: PodiumSubmit, field: string): Question | undefined {
  return field.startsWith('answers.') ? element.data?.questions.find((q) => q.key === field.slice(8)) : undefined;
}

function knownField(element: PodiumSubmit, field: string): boolean {
  return field === 'name' || field === 'email' || field === 'consent' || question(element, field) !== undefined;
}

/** The id an error links to: the control itself, or the first control of a group. */
function controlId(element: PodiumSubmit, field: string): string {
  const found = question(element, field);
  return found && found.kind !== 'open_text' ? `answer-${found.key}-0` : element.fieldId(field);
}

function focusField(element: PodiumSubmit, event: Event, field: string): void {
  event.preventDefault();
  const control = element.renderRoot.querySelector<HTMLElement>(`#${controlId(element, field)}`);
  if (!control) return;
  control.focus({ preventScroll: true });
  // Show the question with its control: the legend of a group, else the label.
  const context =
    control.closest('fieldset')?.querySelector('legend') ??
    element.renderRoot.querySelector(`label[for="${control.id}"]`) ??
    control;
  context.scrollIntoView?.({ block: 'center', inline: 'nearest' });
}

/** The texts that name the fields outside the questions, in the error summary. */
const fieldLabels = { name: 'name', email: 'email', consent: 'consentShort' } as const;

export function renderErrorSummary(element: PodiumSubmit): TemplateResult {
  const label = (field: string): string => {
    const found = question(element, field);
    if (found) return element.text(found.prompt);
    return Object.hasOwn(fieldLabels, field) ? element.message(fieldLabels[field as keyof typeof fieldLabels]) : field;
  };
  return html`<div class="panel error error-summary" part="error-summary" tabindex="-1">
    ${element.heading(element.message('errorSummaryTitle'), { level: element.level + 1, part: 'error-summary-heading' })}
    <ul>
      ${element.errors.map(({ field, message }) =>
        field
          ? html`<li>
              <a href="#${controlId(element, field)}" @click=${(event: Event) => focusField(element, event, field)}
                >${label(field)}: ${message}</a
              >
            </li>`
          : html`<li>${message}</li>`,
      )}
    </ul>
  </div>`;
}

export function renderFieldError(element: PodiumSubmit, field: string): TemplateResult {
  return html`<p class="field-error" part="error" id="${element.fieldId(field)}-error">
    <span class="visually-hidden">${element.message('errorPrefix')}</span> ${element.errorFor(field)?.message}
  </p>`;
}

export function renderConfirmation(
  element: PodiumSubmit,
  consultation: Consultation,
  receipt: SubmissionReceipt,
): TemplateResult {
  const followUp = new URL(receipt.followUpUrl, element.apiBase + '/').href;
  return html`<div class="panel success" part="confirmation">
    ${element.heading(element.message('thanks'), { level: element.level + 1, id: 'confirmation-title', focusable: true })}
    <p>${element.message('yourCode')}<br /><strong class="code" part="code">${receipt.code}</strong></p>
    <p>${element.message('keepCode')}</p>
    <p>${element.message('answerDue', { date: element.date(receipt.answerDueAt) })}</p>
    ${consultation.moderation === 'pre' ? html`<p>${element.message('moderationPre')}</p>` : nothing}
    <p><a href=${followUp}>${element.message('followUpLink')}</a></p>
  </div>`;
}
