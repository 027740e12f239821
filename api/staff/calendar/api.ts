/**
 * The office calendar as JSON (`/api/staff/office-calendar`; administrators, as its page):
 * opening hours, holidays, extra closed days and each channel's response promise, saved at
 * once on the version seen by services/office-hours/settings.ts, which also gives waiting
 * items their new due time. A well-formed schedule is `weeklyHoursProblem`'s to judge, the
 * bounds of a promise and of the closed days are the service's constants, as on the page.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { invalidFields, problem } from '../../http/problem.ts';
import { minutesOf, weeklyHoursProblem, type WeeklyHours } from '../../services/office-hours/calendar.ts';
import {
  CLOSED_DAYS_MAX,
  loadCalendarSettings,
  PROMISE_MAX,
  saveCalendarSettings,
  type CalendarSettings,
} from '../../services/office-hours/settings.ts';
import { problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.calendar.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** The days as the JSON names them, with their place in `WeeklyHours` (0 = Sunday). */
const DAYS = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 0,
} as const;
type DayName = keyof typeof DAYS;
const DAY_NAMES = Object.keys(DAYS) as DayName[];

const Time = InputText.max(5)
  .refine((time) => minutesOf(time) !== undefined, { error: 'calendar_time_format' })
  .openapi({ example: '09:00', description: 'Local time in the organisation’s time zone, `HH:MM`' });
const Span = z.object({ from: Time, to: Time }).strict();
const Day = z
  .array(Span)
  .max(2, { error: 'calendar_two_periods' })
  .openapi({ description: 'At most two periods a day; empty: closed' });
const OpeningHours = z
  .object(Object.fromEntries(DAY_NAMES.map((day) => [day, Day])) as Record<DayName, typeof Day>)
  .strict();

const Holidays = z
  .object({
    goodFriday: z.boolean().openapi({ description: 'Closed on Goede Vrijdag' }),
    liberationDay: z
      .enum(['every_year', 'lustrum', 'never'])
      .openapi({ description: 'Closed on Bevrijdingsdag every year, once in five years, or never' }),
  })
  .strict();

const PromiseInput = z.discriminatedUnion('unit', [
  z.object({
    channelId: z.uuid(),
    unit: z.literal('working_days'),
    amount: z
      .number()
      .int()
      .min(1, { error: 'calendar_promise_range' })
      .max(PROMISE_MAX.working_days, { error: 'calendar_promise_range' }),
  }),
  z.object({
    channelId: z.uuid(),
    unit: z.literal('hours'),
    amount: z
      .number()
      .int()
      .min(1, { error: 'calendar_promise_range' })
      .max(PROMISE_MAX.hours, { error: 'calendar_promise_range' }),
  }),
]);

const CalendarJson = z
  .object({
    version: z.number().int(),
    openingHours: OpeningHours,
    holidays: Holidays,
    closedDays: z.array(z.iso.date()),
    promises: z.array(
      z.object({
        channelId: z.uuid(),
        key: InputText,
        name: z.object({ nl: InputText, en: InputText.optional() }),
        unit: z.enum(['working_days', 'hours']),
        amount: z.number().int(),
      }),
    ),
  })
  .openapi('StaffOfficeCalendar');

const CalendarInput = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    openingHours: OpeningHours,
    holidays: Holidays,
    closedDays: z.array(z.iso.date()).max(CLOSED_DAYS_MAX, { error: 'calendar_too_many_days' }),
    promises: z
      .array(PromiseInput)
      .max(1000)
      .openapi({ description: 'The channels whose promise you set; a channel left out keeps its promise' }),
  })
  .strict()
  .openapi('StaffOfficeCalendarInput');

const readRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/office-calendar',
  tags,
  summary: 'The office calendar with its version, and each channel’s response promise',
  responses: { 200: { description: 'The calendar', content: json(CalendarJson) } },
});

const saveRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/office-calendar',
  tags,
  summary: 'Save the office calendar on the version you saw; waiting items get their new due time',
  description:
    'Refused with 409 when someone saved since (the detail says who changed which part), 422 with a message per field.',
  request: { body: { required: true, content: json(CalendarInput) } },
  responses: {
    200: {
      description: 'Saved (or nothing changed)',
      content: json(
        CalendarJson.extend({
          recomputed: z.number().int().openapi({ description: 'How many waiting items got a new due time' }),
        }),
      ),
    },
    409: { description: 'Changed since your version', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

function calendarJson(settings: CalendarSettings) {
  return {
    version: settings.version,
    openingHours: Object.fromEntries(
      DAY_NAMES.map((day) => [day, (settings.weekly[DAYS[day]] ?? []).map(({ from, to }) => ({ from, to }))]),
    ) as Record<DayName, Array<{ from: string; to: string }>>,
    holidays: settings.holidays,
    closedDays: settings.closedDays,
    promises: settings.promises.map((p) => ({
      channelId: p.id,
      key: p.key,
      name: p.name.en ? { nl: p.name.nl, en: p.name.en } : { nl: p.name.nl },
      ...p.promise,
    })),
  };
}

const SCHEDULE_MESSAGES = {
  bad_time: 'calendar_time_format',
  empty_span: 'calendar_empty_span',
  overlap: 'calendar_overlap',
  never_open: 'calendar_never_open',
} as const;

/** The first thing wrong with the schedule, as a field error: per day, then the week as a whole. */
function scheduleProblem(openingHours: z.infer<typeof OpeningHours>) {
  for (const day of DAY_NAMES) {
    const spans = openingHours[day];
    if (spans.length === 0) continue;
    const problem = weeklyHoursProblem({ [DAYS[day]]: spans });
    if (problem) return { field: `openingHours.${day}`, code: SCHEDULE_MESSAGES[problem] };
  }
  const weekly: WeeklyHours = Object.fromEntries(DAY_NAMES.map((day) => [DAYS[day], openingHours[day]]));
  const problem = weeklyHoursProblem(weekly);
  return problem ? { field: 'openingHours', code: SCHEDULE_MESSAGES[problem] } : undefined;
}

export function calendarApi() {
  const app = staffOpenApi();

  app.openapi(readRoute, async (c) => {
    const settings = await loadCalendarSettings(c.get('db'), c.get('session')!.user.organisationId);
    return c.json(calendarJson(settings), 200);
  });

  app.openapi(saveRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const input = c.req.valid('json');
    const refused = scheduleProblem(input.openingHours);
    if (refused) {
      return invalidFields(c, [refused]) as never;
    }
    const result = await saveCalendarSettings(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: input.version,
      weekly: Object.fromEntries(DAY_NAMES.map((day) => [DAYS[day], input.openingHours[day]])),
      holidays: input.holidays,
      closedDays: input.closedDays,
      promises: input.promises.map(({ channelId, ...promise }) => ({ id: channelId, promise })),
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'unknown_channel':
        return invalidFields(c, [{ field: 'promises', code: 'calendar_unknown_channel' }]) as never;
      case 'stale':
        return problem(c, 409, 'calendar_stale', {
          detail: 'calendar_stale_detail',
          detailParams: {
            version: result.version,
            changes:
              result.changes.map((change) => `${change.parts.join(', ')} (${change.by ?? '-'})`).join('; ') || '-',
          },
        }) as never;
      case 'saved': {
        const settings = await loadCalendarSettings(db, session.user.organisationId);
        return c.json({ ...calendarJson(settings), recomputed: result.recomputed }, 200);
      }
    }
  });

  return app;
}
