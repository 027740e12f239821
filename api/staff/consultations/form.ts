/**
 * The edit form of a consultation as the browser sends it: read into the fields exactly as
 * typed (so a refused or rearranged form comes back with nothing lost), the question
 * builder's buttons applied without JavaScript, and the fields turned into the service's
 * input. Field names are also the ids of their controls, so an error links to its field.
 */
import type { z } from 'zod';
import { timeZone } from '../../../shared/format.ts';
import type { ConsultationInput } from '../../services/consultation-authoring.ts';
import { field, type FormBody } from '../kit/guards.ts';

export type Pair = { nl: string; en: string };
export type OptionForm = { value: string; label: Pair };
export type QuestionForm = {
  key: string;
  kind: string;
  prompt: Pair;
  hint: Pair;
  required: boolean;
  options: OptionForm[];
  scaleMin: string;
  scaleMax: string;
  scaleMinLabel: Pair;
  scaleMaxLabel: Pair;
  maxLength: string;
};
export type PhaseForm = { when: Pair; what: Pair };
export type EditForm = {
  topic: string;
  title: Pair;
  summary: Pair;
  background: Pair;
  afterwards: Pair;
  whoDecides: Pair;
  targetGroups: Pair;
  partners: Pair;
  phases: PhaseForm[];
  moderation: string;
  responseDays: string;
  opensAt: string;
  closesAt: string;
  questions: QuestionForm[];
};

export const TEXT_FIELDS = [
  'title',
  'summary',
  'background',
  'afterwards',
  'whoDecides',
  'targetGroups',
  'partners',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const QUESTION_KINDS = ['open_text', 'single_choice', 'multiple_choice', 'scale'] as const;
const MAX_ROWS = 40;

const pair = (body: FormBody, name: string): Pair => ({
  nl: field(body, `${name}-nl`) ?? '',
  en: field(body, `${name}-en`) ?? '',
});

export function readEditForm(body: FormBody): EditForm {
  const questions: QuestionForm[] = [];
  for (let i = 0; i < MAX_ROWS && field(body, `q${i}-key`) !== undefined; i++) {
    const options: OptionForm[] = [];
    for (let j = 0; j < MAX_ROWS && field(body, `q${i}-o${j}-value`) !== undefined; j++) {
      options.push({ value: field(body, `q${i}-o${j}-value`) ?? '', label: pair(body, `q${i}-o${j}`) });
    }
    questions.push({
      key: field(body, `q${i}-key`) ?? '',
      kind: field(body, `q${i}-kind`) ?? '',
      prompt: pair(body, `q${i}-prompt`),
      hint: pair(body, `q${i}-hint`),
      required: field(body, `q${i}-required`) === 'yes',
      options,
      scaleMin: field(body, `q${i}-scaleMin`) ?? '',
      scaleMax: field(body, `q${i}-scaleMax`) ?? '',
      scaleMinLabel: pair(body, `q${i}-scaleMinLabel`),
      scaleMaxLabel: pair(body, `q${i}-scaleMaxLabel`),
      maxLength: field(body, `q${i}-maxLength`) ?? '',
    });
  }
  const phases: PhaseForm[] = [];
  for (let i = 0; i < MAX_ROWS && field(body, `p${i}-when-nl`) !== undefined; i++) {
    phases.push({ when: pair(body, `p${i}-when`), what: pair(body, `p${i}-what`) });
  }
  return {
    topic: field(body, 'topic') ?? '',
    title: pair(body, 'title'),
    summary: pair(body, 'summary'),
    background: pair(body, 'background'),
    afterwards: pair(body, 'afterwards'),
    whoDecides: pair(body, 'whoDecides'),
    targetGroups: pair(body, 'targetGroups'),
    partners: pair(body, 'partners'),
    phases,
    moderation: field(body, 'moderation') ?? '',
    responseDays: field(body, 'responseDays') ?? '',
    opensAt: field(body, 'opensAt') ?? '',
    closesAt: field(body, 'closesAt') ?? '',
    questions,
  };
}

const num = (value: number | null) => (value === null ? '' : String(value));

export function formOf(input: ConsultationInput): EditForm {
  return {
    ...input,
    phases: input.phases.map((p) => ({ when: { ...p.when }, what: { ...p.what } })),
    responseDays: String(input.responseDays),
    opensAt: toLocalInput(input.opensAt),
    closesAt: toLocalInput(input.closesAt),
    questions: input.questions.map((q) => ({
      ...q,
      options: q.options.map((o) => ({ value: o.value, label: { ...o.label } })),
      scaleMin: num(q.scaleMin),
      scaleMax: num(q.scaleMax),
      maxLength: num(q.maxLength),
    })),
  };
}

/** A number field: empty is none; anything else that is no whole number stays wrong for zod to report. */
const intOrNull = (value: string) => (value.trim() === '' ? null : /^-?\d+$/.test(value.trim()) ? Number(value) : NaN);

/** The fields as the service's input (unchecked: the caller parses it with ConsultationInput). */
export function inputOfForm(form: EditForm): Record<string, unknown> {
  return {
    ...form,
    responseDays: intOrNull(form.responseDays) ?? NaN,
    opensAt: fromLocalInput(form.opensAt) ?? 'invalid',
    closesAt: fromLocalInput(form.closesAt) ?? 'invalid',
    questions: form.questions.map((q) => ({
      ...q,
      scaleMin: intOrNull(q.scaleMin),
      scaleMax: intOrNull(q.scaleMax),
      maxLength: intOrNull(q.maxLength),
    })),
  };
}

/** The id of the control a zod issue (or a readiness problem) belongs to. */
export function fieldIdOf(path: ReadonlyArray<PropertyKey>, form: EditForm): string {
  const [head, i, sub, j, , lang] = path.map(String);
  if (head === 'questions') {
    if (i === undefined) return 'add-kind';
    if (sub === 'options' && j !== undefined) return `q${i}-o${j}-${lang ?? 'nl'}`;
    if (sub && ['prompt', 'hint', 'scaleMinLabel', 'scaleMaxLabel'].includes(sub)) return `q${i}-${sub}-${j ?? 'nl'}`;
    if (sub && ['scaleMin', 'scaleMax', 'maxLength'].includes(sub)) return `q${i}-${sub}`;
    return firstFieldOfQuestion(Number(i), form);
  }
  if (head === 'phases') return i === undefined ? 'add-phase' : `p${i}-${sub ?? 'when'}-${j ?? 'nl'}`;
  if (head && (TEXT_FIELDS as readonly string[]).includes(head)) return `${head}-${i ?? 'nl'}`;
  if (head === 'moderation') return 'moderation-pre';
  return head ?? 'title-nl';
}

function firstFieldOfQuestion(index: number, form: EditForm): string {
  return form.questions[index] ? `q${index}-prompt-nl` : 'add-kind';
}

/** A readiness problem (`title`, `questions.<key>`) as the id of its control. */
export function problemFieldId(problem: string, form: EditForm): string {
  if (problem.startsWith('questions.')) {
    const index = form.questions.findIndex((q) => q.key === problem.slice('questions.'.length));
    return firstFieldOfQuestion(index, form);
  }
  if (problem === 'questions') return 'add-kind';
  if (problem === 'closesAt') return 'closesAt';
  return `${problem}-nl`;
}

export type IssueLike = Pick<z.core.$ZodIssue, 'path' | 'code'>;

// ---- the builder's buttons -----------------------------------------------------------------------

export type BuilderStep =
  | { kind: 'moved'; from: number; to: number; focus: string }
  | { kind: 'added'; n: number; focus: string }
  | { kind: 'removed'; n: number; focus: string }
  | { kind: 'option_added'; focus: string }
  | { kind: 'option_removed'; focus: string }
  | { kind: 'phase_added'; focus: string }
  | { kind: 'phase_removed'; focus: string };

const emptyPair = (): Pair => ({ nl: '', en: '' });

function freeName(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/**
 * Applies one of the builder's buttons (`action` is the pressed button's value) to the form;
 * nothing is saved. Undefined when the action is none of them.
 */
export function applyBuilderAction(
  form: EditForm,
  action: string,
  newKind: string | undefined,
): BuilderStep | undefined {
  const qs = form.questions;
  let match = /^q(\d+)-(up|down|remove|add-option)$/.exec(action);
  if (match) {
    const i = Number(match[1]);
    if (!qs[i]) return undefined;
    const verb = match[2];
    if (verb === 'up' || verb === 'down') {
      const j = verb === 'up' ? i - 1 : i + 1;
      if (!qs[j]) return undefined;
      [qs[i], qs[j]] = [qs[j]!, qs[i]!];
      // Focus follows the question to its new place, on the same button (or the other when at an end).
      const edge = (verb === 'up' && j === 0) || (verb === 'down' && j === qs.length - 1);
      return { kind: 'moved', from: i + 1, to: j + 1, focus: `q${j}-${edge ? (verb === 'up' ? 'down' : 'up') : verb}` };
    }
    if (verb === 'remove') {
      qs.splice(i, 1);
      return {
        kind: 'removed',
        n: i + 1,
        focus: qs.length === 0 ? 'add-kind' : `q${Math.min(i, qs.length - 1)}-prompt-nl`,
      };
    }
    const q = qs[i]!;
    if (q.options.length >= 20) return undefined;
    q.options.push({
      value: freeName(
        'keuze',
        q.options.map((o) => o.value),
      ),
      label: emptyPair(),
    });
    return { kind: 'option_added', focus: `q${i}-o${q.options.length - 1}-nl` };
  }
  match = /^q(\d+)-o(\d+)-remove$/.exec(action);
  if (match) {
    const q = qs[Number(match[1])];
    const j = Number(match[2]);
    if (!q?.options[j]) return undefined;
    q.options.splice(j, 1);
    return { kind: 'option_removed', focus: `q${match[1]}-add-option` };
  }
  if (action === 'add-question') {
    if (qs.length >= MAX_ROWS) return undefined;
    const kind = (QUESTION_KINDS as readonly string[]).includes(newKind ?? '') ? newKind! : 'open_text';
    const choice = kind === 'single_choice' || kind === 'multiple_choice';
    qs.push({
      key: freeName(
        'vraag',
        qs.map((q) => q.key),
      ),
      kind,
      prompt: emptyPair(),
      hint: emptyPair(),
      required: false,
      options: choice
        ? [
            { value: 'keuze-1', label: emptyPair() },
            { value: 'keuze-2', label: emptyPair() },
          ]
        : [],
      scaleMin: kind === 'scale' ? '1' : '',
      scaleMax: kind === 'scale' ? '5' : '',
      scaleMinLabel: emptyPair(),
      scaleMaxLabel: emptyPair(),
      maxLength: kind === 'open_text' ? '2000' : '',
    });
    return { kind: 'added', n: qs.length, focus: `q${qs.length - 1}-prompt-nl` };
  }
  if (action === 'add-phase') {
    if (form.phases.length >= 10) return undefined;
    form.phases.push({ when: emptyPair(), what: emptyPair() });
    return { kind: 'phase_added', focus: `p${form.phases.length - 1}-when-nl` };
  }
  match = /^p(\d+)-remove$/.exec(action);
  if (match) {
    const i = Number(match[1]);
    if (!form.phases[i]) return undefined;
    form.phases.splice(i, 1);
    return { kind: 'phase_removed', focus: 'add-phase' };
  }
  return undefined;
}

// ---- dates in the municipality's time zone -------------------------------------------------------

function zoneParts(date: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** `2027-01-31T17:00` as the municipality's clock shows the moment (for `datetime-local`). */
export function toLocalInput(date: Date): string {
  const p = zoneParts(date);
  return `${p.y}-${p.m}-${p.d}T${p.h}:${p.min}`;
}

/** The moment a `datetime-local` value (or `2027-01-31 17:00`) means on the municipality's clock. */
export function fromLocalInput(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  // The zone's offset at that moment, found by reading the guess back; twice across a DST change.
  let guess = wall;
  for (let round = 0; round < 2; round++) {
    const p = zoneParts(new Date(guess));
    const shown = Date.UTC(Number(p.y), Number(p.m) - 1, Number(p.d), Number(p.h), Number(p.min));
    guess += wall - shown;
  }
  return new Date(guess);
}
