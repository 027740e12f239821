/**
 * Progressive enhancement of the consultation form. The form works without it; with it:
 * 1. a hidden `idempotency_key` so a double submit (or a retried post) is stored once,
 * 2. a second submit while the first is on its way is ignored,
 * 3. textareas with data-maxlength get a character count, announced politely,
 * 4. a proof of work (spam protection without a puzzle) is solved in the background from
 *    the first touch of the form and sent as `altcha`; without it the input still goes.
 * Loaded as an external module (strict CSP: no inline script).
 */
import { textsFor } from '../../shared/i18n.ts';
import * as formScriptTexts from '../../shared/texts/form-script.ts';
import { solveFrom } from '../../widgets/shared/proof-of-work.ts';

const lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
const m = textsFor(formScriptTexts, lang);

/** crypto.randomUUID needs a secure context; fall back to getRandomValues elsewhere (RFC 9562 v4). */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function enhanceSubmit(form: HTMLFormElement): void {
  const key = document.createElement('input');
  key.type = 'hidden';
  key.name = 'idempotency_key';
  key.value = uuid();
  form.append(key);

  let submitting = false;
  form.addEventListener('submit', (event) => {
    if (submitting) {
      event.preventDefault();
      return;
    }
    submitting = true;
    // aria-disabled, not disabled: the button keeps focus and stays in the tab order.
    for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')) {
      button.setAttribute('aria-disabled', 'true');
      if (button.dataset.submittingText) button.textContent = button.dataset.submittingText;
    }
  });
  // Coming back through the back/forward cache: allow sending again, with the same key.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    submitting = false;
    for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')) {
      button.removeAttribute('aria-disabled');
      button.textContent = m.submit;
    }
  });
}

/** How long a send waits for a proof of work still being solved before going without. */
const PROOF_WAIT_MS = 3_000;

/**
 * Solves the proof of work once the resident starts on the form (focus inside it), so it is
 * ready long before they send. Registered after enhanceSubmit: a double submit is stopped
 * there first. A send before the solution is ready waits for it, briefly, then goes anyway.
 */
function enhanceProofOfWork(form: HTMLFormElement): void {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'altcha';
  form.append(field);
  let solving: Promise<void> | undefined;
  let settled = false;
  const start = () => {
    solving ??= solveFrom(location.origin).then((solution) => {
      field.value = solution ?? '';
      settled = true;
    });
    return solving;
  };
  form.addEventListener('focusin', () => void start());
  form.addEventListener('submit', (event) => {
    if (settled || event.defaultPrevented) return;
    event.preventDefault();
    const wait = new Promise<void>((resolve) => setTimeout(resolve, PROOF_WAIT_MS));
    // form.submit() fires no second submit event; the button already says it is sending.
    void Promise.race([start(), wait]).then(() => form.submit());
  });
  // Back through the back/forward cache: the solution was used; solve a new one.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    field.value = '';
    solving = undefined;
    settled = false;
  });
}

/**
 * Character count, after the GOV.UK pattern: a visible count that follows every key, and
 * a live region that speaks only once typing pauses, so screen readers are not flooded.
 * https://design-system.service.gov.uk/components/character-count/
 */
function enhanceCounter(textarea: HTMLTextAreaElement): void {
  const max = Number(textarea.dataset.maxlength);
  if (!Number.isInteger(max) || max <= 0) return;

  const visible = document.createElement('p');
  visible.className = 'podium-character-count';
  visible.setAttribute('aria-hidden', 'true');
  const live = document.createElement('p');
  live.className = 'podium-visually-hidden';
  live.setAttribute('aria-live', 'polite');
  textarea.after(visible, live);

  const message = () => {
    const left = max - textarea.value.length;
    return left >= 0 ? m.charactersLeft(left) : m.charactersTooMany(-left);
  };
  const update = () => {
    visible.textContent = message();
    visible.classList.toggle('podium-character-count--over', textarea.value.length > max);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  textarea.addEventListener('input', () => {
    update();
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = message();
    }, 1000);
  });
  update();
}

/**
 * Error summary links: focus the field and scroll its label or legend into view, which a
 * plain fragment link does not do (the label would sit above the top of the screen).
 */
function enhanceErrorSummary(summary: HTMLElement): void {
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
    const field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!(field instanceof HTMLElement)) return;
    event.preventDefault();
    const caption =
      field.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    (caption ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
  if (document.activeElement !== summary) summary.focus();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.podium-form[method="post"]')) {
  enhanceSubmit(form);
  enhanceProofOfWork(form);
  for (const textarea of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-maxlength]'))
    enhanceCounter(textarea);
}
const summary = document.getElementById('podium-error-summary');
if (summary) enhanceErrorSummary(summary);
