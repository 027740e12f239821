/**
 * The office-calendar screen (administrators): opening hours, holidays, extra closed days and
 * the response promise per channel, saved at once. The form is checked here; the service
 * (services/office-hours/settings.ts) saves it in one transaction on the version the page was
 * opened on, writes the audit log and gives waiting items their new due time.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import type { HolidayRules, OpeningSpan, WeeklyHours } from '../../services/office-hours/calendar.ts';
import { minutesOf } from '../../services/office-hours/calendar.ts';
import type { ResponsePromise } from '../../services/office-hours/due-times.ts';
import {
  CLOSED_DAYS_MAX,
  loadCalendarSettings,
  PROMISE_MAX,
  saveCalendarSettings,
  type CalendarSettings,
} from '../../services/office-hours/settings.ts';
import { pick } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { formatDateTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { calendarPaths } from './paths.ts';
import * as calendarTexts from './texts.ts';
import { renderCalendarPage, WEEK_ORDER, type CalendarFormValues, type DayValues, type FormError } from './view.ts';

const MAX_FIELD = 100;
const LIBERATION = ['every_year', 'lustrum', 'never'] as const;

/** The stored settings as the form shows them. */
function valuesOf(settings: CalendarSettings, lang: Locale): CalendarFormValues {
  const day = (spans: readonly OpeningSpan[] | undefined): DayValues => ({
    from: spans?.[0]?.from ?? '',
    to: spans?.[0]?.to ?? '',
    from2: spans?.[1]?.from ?? '',
    to2: spans?.[1]?.to ?? '',
  });
  return {
    version: String(settings.version),
    days: {
      0: day(settings.weekly[0]),
      1: day(settings.weekly[1]),
      2: day(settings.weekly[2]),
      3: day(settings.weekly[3]),
      4: day(settings.weekly[4]),
      5: day(settings.weekly[5]),
      6: day(settings.weekly[6]),
    },
    goodFriday: settings.holidays.goodFriday,
    liberationDay: settings.holidays.liberationDay,
    closedDays: settings.closedDays.join('\n'),
    promises: settings.promises.map((p) => ({
      id: p.id,
      name: pick(p.name, lang) || p.key,
      unit: p.promise.unit,
      amount: String(p.promise.amount),
    })),
  };
}

/** `9:00`, `09.00` and `0900` are what people type for 09:00. */
function normalTime(raw: string): string | undefined {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(raw.trim());
  if (!match) return undefined;
  const time = `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return minutesOf(time) === undefined ? undefined : time;
}

/** A real calendar date as `YYYY-MM-DD`, from `YYYY-MM-DD` or the Dutch `DD-MM-YYYY`. */
function normalDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dutch
      ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || year < 2000 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

type Checked = {
  values: CalendarFormValues;
  errors: FieldError[];
  version: number | undefined;
  weekly: WeeklyHours;
  holidays: HolidayRules;
  closedDays: string[];
  promises: Array<{ id: string; promise: ResponsePromise }>;
};

/** Reads and checks the form against the stored settings' channels; every value typed is kept for showing back. */
function checkForm(body: FormBody, lang: Locale, stored: CalendarSettings): Checked {
  const m = textsFor(calendarTexts, lang);
  const text = (name: string) => (field(body, name) ?? '').slice(0, MAX_FIELD);
  const errors: FieldError[] = [];
  const weekly: WeeklyHours = {};
  const days = {} as CalendarFormValues['days'];
  for (const day of WEEK_ORDER) {
    const raw: DayValues = {
      from: text(`d${day}-from`),
      to: text(`d${day}-to`),
      from2: text(`d${day}-from2`),
      to2: text(`d${day}-to2`),
    };
    days[day] = raw;
    const name = m.days[day]!;
    const spans: OpeningSpan[] = [];
    let problem: string | undefined;
    for (const [fromRaw, toRaw] of [
      [raw.from, raw.to],
      [raw.from2, raw.to2],
    ] as const) {
      if (!fromRaw.trim() && !toRaw.trim()) continue;
      if (!fromRaw.trim() || !toRaw.trim()) {
        problem ??= m.errors.pair(name);
        continue;
      }
      const from = normalTime(fromRaw);
      const to = normalTime(toRaw);
      if (!from || !to) {
        problem ??= m.errors.time(name);
        continue;
      }
      if (minutesOf(to)! <= minutesOf(from)!) {
        problem ??= m.errors.order(name);
        continue;
      }
      spans.push({ from, to });
    }
    if (!problem && spans.length === 2 && minutesOf(spans[1]!.from)! < minutesOf(spans[0]!.to)!) {
      problem = m.errors.overlap(name);
    }
    if (problem) errors.push({ field: `d${day}-from`, message: problem });
    else if (spans.length > 0) weekly[day] = spans;
  }
  if (errors.length === 0 && Object.keys(weekly).length === 0) {
    errors.push({ field: 'd1-from', message: m.errors.neverOpen });
  }

  const liberationDay = text('liberation-day');
  const liberation = LIBERATION.find((rule) => rule === liberationDay);
  if (!liberation) errors.push({ field: 'liberation-every_year', message: m.errors.liberation });

  const closedRaw = (field(body, 'closed-days') ?? '').slice(0, 20_000);
  const lines = closedRaw
    .split(/[\r\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const closedDays: string[] = [];
  for (const line of lines) {
    const date = normalDate(line);
    if (!date) {
      errors.push({ field: 'closed-days', message: m.errors.closedDay(line.slice(0, 40)) });
      break;
    }
    closedDays.push(date);
  }
  if (new Set(closedDays).size > CLOSED_DAYS_MAX) {
    errors.push({ field: 'closed-days', message: m.errors.tooManyDays });
  }

  const promises: Checked['promises'] = [];
  const promiseValues = stored.promises.map((p) => {
    const name = pick(p.name, lang) || p.key;
    const unit = text(`unit-${p.id}`);
    const amountRaw = text(`amount-${p.id}`).trim();
    const amount = /^\d{1,4}$/.test(amountRaw) ? Number(amountRaw) : Number.NaN;
    if (unit !== 'working_days' && unit !== 'hours') {
      errors.push({ field: `unit-${p.id}`, message: m.errors.unit(name) });
    } else if (unit === 'working_days' && !(amount >= 1 && amount <= PROMISE_MAX.working_days)) {
      errors.push({ field: `amount-${p.id}`, message: m.errors.days(name) });
    } else if (unit === 'hours' && !(amount >= 1 && amount <= PROMISE_MAX.hours)) {
      errors.push({ field: `amount-${p.id}`, message: m.errors.hours(name) });
    } else {
      promises.push({ id: p.id, promise: { unit, amount } });
    }
    return { id: p.id, name, unit, amount: amountRaw };
  });

  const versionRaw = text('version');
  const version = /^\d{1,9}$/.test(versionRaw) && Number(versionRaw) > 0 ? Number(versionRaw) : undefined;
  return {
    values: {
      version: versionRaw,
      days,
      goodFriday: field(body, 'good-friday') === 'yes',
      liberationDay,
      closedDays: closedRaw,
      promises: promiseValues,
    },
    errors,
    version,
    weekly,
    holidays: { goodFriday: field(body, 'good-friday') === 'yes', liberationDay: liberation ?? 'every_year' },
    closedDays,
    promises,
  };
}

async function showPage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  saved: { recomputed: number } | 'unchanged' | undefined,
) {
  const settings = await loadCalendarSettings(c.get('db'), session.user.organisationId);
  const values = valuesOf(settings, lang);
  return c.html(renderCalendarPage({ lang, session: pageSession(session), values, ...(saved ? { saved } : {}) }));
}

export function calendarRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(calendarPaths.home(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const done = c.req.query('opgeslagen');
      const saved =
        done === 'ongewijzigd'
          ? 'unchanged'
          : done && /^\d{1,9}$/.test(done)
            ? { recomputed: Number(done) }
            : undefined;
      return showPage(c, lang, session, saved);
    });
  }

  app.post(calendarPaths.save, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const db = c.get('db');
    const m = textsFor(calendarTexts, lang).errors;
    const stored = await loadCalendarSettings(db, session.user.organisationId);
    const checked = checkForm(body, lang, stored);
    const refuse = (errors: FormError[], version = checked.values.version) =>
      c.html(
        renderCalendarPage({
          lang,
          session: pageSession(session),
          values: { ...checked.values, version },
          errors,
        }),
        422,
      );
    if (checked.errors.length > 0) return refuse(checked.errors);
    if (checked.version === undefined) {
      // The page carries the version it was opened on; without one, the save is refused and
      // the next one is made on the version shown now.
      return refuse([{ field: 'form', target: 'd1-from', message: m.version }], String(stored.version));
    }
    const result = await saveCalendarSettings(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: checked.version,
      weekly: checked.weekly,
      holidays: checked.holidays,
      closedDays: checked.closedDays,
      promises: checked.promises,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'unknown_channel':
        return refuse([{ field: 'form', target: 'd1-from', message: m.unknownChannel }]);
      case 'stale': {
        const changes = result.changes.map((change) =>
          m.change(change.by, change.parts, formatDateTime(change.at, lang)),
        );
        return refuse(
          [{ field: 'form', target: 'd1-from', message: [m.stale, ...changes].join(' ') }],
          String(result.version),
        );
      }
      case 'saved': {
        // Post/redirect/get: reloading the page after a save does not send it again.
        const done = result.parts.length === 0 ? 'ongewijzigd' : String(result.recomputed);
        return c.redirect(`${calendarPaths.home(lang)}?opgeslagen=${done}`, 303);
      }
    }
  });

  return app;
}
