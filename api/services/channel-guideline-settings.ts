/**
 * Channel guidelines as an administrator maintains them (settings page and staff API): per
 * channel its name, the posting hours posters schedule announcements within, whether
 * residents may reply, and which department moderates. The response promise is shown with
 * them but set in the office calendar (services/office-hours/settings.ts), whose save moves
 * the due time of every waiting item with it: one place to change it, one recomputation.
 *
 * Channels themselves are not made or removed here: the portal and the widget are always
 * there, and a social-media account's guidelines come with the account. Each channel has its
 * own `version`; a save is one transaction (`UPDATE … WHERE version = expected`), refused on
 * an older version with who saved since and what they changed, and audited with the fields
 * before and after.
 *
 * The portal does not print the guidelines: residents read them live from
 * `/api/channels`, so a save needs no rebuild.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channelGuidelines, departments, type LocalizedText, type PostingHours } from '../db/schema.ts';
import { changesSinceVersion } from './audit-log.ts';
import { recordAudit } from './audit.ts';
import { changedFields } from './consultation-authoring.ts';

export type ChannelGuidelineRow = {
  id: string;
  key: string;
  channel: 'portal' | 'widget' | 'social';
  platform: string | null;
  name: LocalizedText;
  responseDays: number;
  /** Set instead of `responseDays` for channels that answer within the day. */
  responseHours: number | null;
  repliesAllowed: boolean;
  moderatedByDepartmentId: string | null;
  postingHours: PostingHours;
  /** Webcare's answers to posts on this channel wait for a colleague's approval (services/moderation/answer-approval.ts). */
  answersNeedApproval: boolean;
  /** Announcements on this channel wait for a second person's approval (services/announcements/compose.ts). */
  announcementsNeedApproval: boolean;
  version: number;
};

export type DepartmentChoice = { id: string; name: LocalizedText };

/**
 * What a save sets: every editable part of one channel's guidelines. The two approvals may be
 * left out (callers from before they existed): they stay as they are.
 */
export type ChannelGuidelineInput = {
  name: LocalizedText;
  repliesAllowed: boolean;
  moderatedByDepartmentId: string | null;
  postingHours: PostingHours;
  answersNeedApproval?: boolean | undefined;
  announcementsNeedApproval?: boolean | undefined;
};

/** The parts of a guideline a save can change, as the audit log and a stale refusal name them. */
export type GuidelineField =
  | 'name'
  | 'repliesAllowed'
  | 'moderatedByDepartmentId'
  | 'postingHours'
  | 'answersNeedApproval'
  | 'announcementsNeedApproval';

export type GuidelineProblemCode =
  | 'name_required'
  | 'name_too_long'
  | 'time_format'
  | 'time_order'
  | 'time_half'
  | 'weekday_range'
  | 'weekday_missing'
  | 'hours_overlap'
  | 'unknown_department';

/**
 * What is wrong with one part of the input. `field` is `name.nl`, `name.en`,
 * `moderatedByDepartmentId`, or `postingHours.<span>.days|from|to`.
 */
export type GuidelineProblem = { field: string; code: GuidelineProblemCode };

export type ChannelGuidelineChangeSeen = { by: string | null; at: Date; fields: GuidelineField[] };

export type ChannelGuidelineSaveResult =
  | { kind: 'saved'; version: number; changed: boolean; fields: GuidelineField[] }
  | { kind: 'invalid'; problems: GuidelineProblem[] }
  | { kind: 'stale'; version: number; changes: ChannelGuidelineChangeSeen[] }
  | { kind: 'not_found' };

export const MAX_NAME = 120;
const GUIDELINE_CHANGED = 'channel_guideline.changed' as const;
const MAX_CHANGES = 5;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The rules of a guideline, before anything is stored: a Dutch name of at most 120
 * characters, posting hours as `HH:MM` with the end after the start, on weekdays
 * 1 (Monday) to 7, without two periods of one day overlapping. `departmentIds` are the
 * organisation's departments.
 *
 * @example
 * guidelineProblems({ …, postingHours: [{ days: [1], from: '17:00', to: '09:00' }] }, [])
 * // [{ field: 'postingHours.0.to', code: 'time_order' }]
 */
export function guidelineProblems(input: ChannelGuidelineInput, departmentIds: readonly string[]): GuidelineProblem[] {
  const problems: GuidelineProblem[] = [];
  if (!input.name.nl.trim()) problems.push({ field: 'name.nl', code: 'name_required' });
  else if (input.name.nl.trim().length > MAX_NAME) problems.push({ field: 'name.nl', code: 'name_too_long' });
  if ((input.name.en ?? '').trim().length > MAX_NAME) problems.push({ field: 'name.en', code: 'name_too_long' });
  if (input.moderatedByDepartmentId !== null && !departmentIds.includes(input.moderatedByDepartmentId))
    problems.push({ field: 'moderatedByDepartmentId', code: 'unknown_department' });
  const wellFormed: Array<{ day: number; from: number; to: number }> = [];
  input.postingHours.forEach((span, i) => {
    const at = `postingHours.${i}`;
    if (span.days.length === 0) problems.push({ field: `${at}.days`, code: 'weekday_missing' });
    else if (span.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      problems.push({ field: `${at}.days`, code: 'weekday_range' });
    const from = TIME.test(span.from);
    const to = TIME.test(span.to);
    if (!span.from && !span.to) {
      problems.push({ field: `${at}.from`, code: 'time_format' });
      return;
    }
    if (span.from && !from) problems.push({ field: `${at}.from`, code: 'time_format' });
    if (span.to && !to) problems.push({ field: `${at}.to`, code: 'time_format' });
    if (!span.from) problems.push({ field: `${at}.from`, code: 'time_half' });
    if (!span.to) problems.push({ field: `${at}.to`, code: 'time_half' });
    if (!from || !to) return;
    if (minutesOf(span.to) <= minutesOf(span.from)) {
      problems.push({ field: `${at}.to`, code: 'time_order' });
      return;
    }
    for (const day of new Set(span.days)) {
      const clash = wellFormed.find((o) => o.day === day && o.from < minutesOf(span.to) && minutesOf(span.from) < o.to);
      if (clash) {
        problems.push({ field: `${at}.from`, code: 'hours_overlap' });
        return;
      }
    }
    for (const day of new Set(span.days)) wellFormed.push({ day, from: minutesOf(span.from), to: minutesOf(span.to) });
  });
  return problems;
}

/**
 * Posting hours with one period per weekday, as the settings page edits them, folded into
 * as few spans as there are distinct periods (Monday to Friday 09:00–17:00 is one span).
 *
 * @example
 * hoursFromWeek([{ day: 1, from: '09:00', to: '17:00' }, { day: 2, from: '09:00', to: '17:00' }])
 * // [{ days: [1, 2], from: '09:00', to: '17:00' }]
 */
export function hoursFromWeek(week: ReadonlyArray<{ day: number; from: string; to: string }>): PostingHours {
  const spans: PostingHours = [];
  for (const { day, from, to } of [...week].sort((a, b) => a.day - b.day)) {
    const same = spans.find((s) => s.from === from && s.to === to);
    if (same) same.days.push(day);
    else spans.push({ days: [day], from, to });
  }
  return spans;
}

/** The first period of each weekday (1–7) in posting hours, for the settings page. */
export function weekFromHours(hours: PostingHours): Map<number, { from: string; to: string }> {
  const week = new Map<number, { from: string; to: string }>();
  for (const span of hours) for (const day of span.days) if (!week.has(day)) week.set(day, span);
  return week;
}

export async function listGuidelinesForSettings(
  db: Db,
  organisationId: string,
): Promise<{ guidelines: ChannelGuidelineRow[]; departments: DepartmentChoice[] }> {
  const rows = await db
    .select({
      id: channelGuidelines.id,
      key: channelGuidelines.key,
      channel: channelGuidelines.channel,
      platform: channelGuidelines.platform,
      name: channelGuidelines.name,
      responseDays: channelGuidelines.responseDays,
      responseHours: channelGuidelines.responseHours,
      repliesAllowed: channelGuidelines.repliesAllowed,
      moderatedByDepartmentId: channelGuidelines.moderatedByDepartmentId,
      postingHours: channelGuidelines.postingHours,
      answersNeedApproval: channelGuidelines.answersNeedApproval,
      announcementsNeedApproval: channelGuidelines.announcementsNeedApproval,
      version: channelGuidelines.version,
    })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    // Portal and widget first, then the social-media accounts.
    .orderBy(sql`${channelGuidelines.channel} = 'social'`, asc(channelGuidelines.key));
  const departmentRows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.slug));
  return { guidelines: rows, departments: departmentRows };
}

/** Thrown inside a save's transaction to end it with a result and write nothing. */
class Refusal extends Error {
  readonly result: ChannelGuidelineSaveResult;
  constructor(result: ChannelGuidelineSaveResult) {
    super(result.kind);
    this.result = result;
  }
}

const stored = (text: LocalizedText): LocalizedText =>
  text.en?.trim() ? { nl: text.nl.trim(), en: text.en.trim() } : { nl: text.nl.trim() };

/** The editable parts of a stored guideline, in a shape whose JSON compares equal for equal values. */
function comparable(row: Required<ChannelGuidelineInput>): Record<GuidelineField, unknown> {
  return {
    name: row.name.en ? { nl: row.name.nl, en: row.name.en } : { nl: row.name.nl },
    repliesAllowed: row.repliesAllowed,
    moderatedByDepartmentId: row.moderatedByDepartmentId,
    postingHours: row.postingHours.map((s) => ({ days: [...s.days].sort(), from: s.from, to: s.to })),
    answersNeedApproval: row.answersNeedApproval,
    announcementsNeedApproval: row.announcementsNeedApproval,
  };
}

export async function saveChannelGuideline(
  db: Db,
  params: {
    organisationId: string;
    actorId: string;
    id: string;
    expectedVersion: number;
    input: ChannelGuidelineInput;
    now: Date;
  },
): Promise<ChannelGuidelineSaveResult> {
  const { organisationId, id, now } = params;
  const departmentIds = (
    await db.select({ id: departments.id }).from(departments).where(eq(departments.organisationId, organisationId))
  ).map((d) => d.id);
  const problems = guidelineProblems(params.input, departmentIds);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const input: ChannelGuidelineInput = {
    ...params.input,
    name: stored(params.input.name),
    postingHours: params.input.postingHours.map((s) => ({ days: [...new Set(s.days)].sort(), from: s.from, to: s.to })),
  };
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(channelGuidelines)
        .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.id, id)))
        .for('update');
      if (!current) throw new Refusal({ kind: 'not_found' });
      if (current.version !== params.expectedVersion)
        throw new Refusal({ kind: 'stale', version: current.version, changes: [] });
      const wanted = {
        ...input,
        answersNeedApproval: input.answersNeedApproval ?? current.answersNeedApproval,
        announcementsNeedApproval: input.announcementsNeedApproval ?? current.announcementsNeedApproval,
      };
      const diff = changedFields(comparable(current), comparable(wanted));
      const fields = diff.fields as GuidelineField[];
      if (fields.length === 0) return { kind: 'saved', version: current.version, changed: false, fields } as const;
      const [row] = await tx
        .update(channelGuidelines)
        .set({
          name: input.name,
          repliesAllowed: input.repliesAllowed,
          moderatedByDepartmentId: input.moderatedByDepartmentId,
          postingHours: input.postingHours,
          answersNeedApproval: wanted.answersNeedApproval,
          announcementsNeedApproval: wanted.announcementsNeedApproval,
          version: sql`${channelGuidelines.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(channelGuidelines.id, id), eq(channelGuidelines.version, params.expectedVersion)))
        .returning({ version: channelGuidelines.version });
      if (!row) throw new Refusal({ kind: 'stale', version: current.version, changes: [] });
      await recordAudit(tx, {
        organisationId,
        actorType: 'staff',
        actorId: params.actorId,
        at: now,
        action: GUIDELINE_CHANGED,
        subjectType: 'channel_guideline',
        subjectId: current.key,
        details: {
          version: row.version,
          key: current.key,
          name: input.name,
          fields,
          before: diff.before,
          after: diff.after,
        },
      });
      return { kind: 'saved', version: row.version, changed: true, fields } as const;
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.result.kind !== 'stale') return error.result;
    const [key] = await db
      .select({ key: channelGuidelines.key })
      .from(channelGuidelines)
      .where(eq(channelGuidelines.id, id));
    const changes = await changesSinceVersion(db, {
      organisationId,
      action: GUIDELINE_CHANGED,
      subjectType: 'channel_guideline',
      subjectId: key?.key ?? '',
      since: params.expectedVersion,
      limit: MAX_CHANGES,
    });
    return {
      kind: 'stale',
      version: error.result.version,
      changes: changes.map((c) => ({
        by: c.by,
        at: c.at,
        fields: Array.isArray(c.details['fields']) ? (c.details['fields'] as GuidelineField[]) : [],
      })),
    };
  }
}
