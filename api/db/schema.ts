/**
 * Podium's data model.
 *
 * Personal data is kept apart on purpose, so retention, export and erasure can work on
 * whole rows: `submission_contacts` (a resident's name and e-mail), `social_authors`
 * (people on social media) and `staff_users`. Everything else refers to them by id and
 * stays meaningful once they are erased.
 *
 * Keep the SQL to PostgreSQL 15 features: PGlite is PostgreSQL 18, servers may be older.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type {
  SocialLink,
  SocialMedia as SocialMediaContract,
  SocialMention,
  SocialPlaceholder,
} from '../../shared/contracts/social-thread.ts';
import type { Flag } from '../services/screening/types.ts';
import type { ConsultationOpenData } from '../../shared/contracts/open-data.ts';
import type { HolidayRules, WeeklyHours } from '../services/office-hours/calendar.ts';
import type { LocalizedText } from '../../shared/contracts/localized-text.ts';
import type { ThemeTokens } from '../../shared/theme.ts';

/** A sentiment label as stored with an item. */
export type SentimentRecord = {
  label: 'positive' | 'neutral' | 'negative';
  score: number;
  confidence: number;
  method: string;
  at: string;
};

export type { LocalizedText };

/**
 * What automatic screening found in a submission's open answers, per question. The
 * answers stay as the resident gave them; `redacted` is the text that may be published.
 */
export type ScreeningRecord = {
  version: 1;
  screenedAt: string;
  fields: Array<{ question: string; flags: Flag[]; redacted: string }>;
  /** Whether the input came with a valid proof of work (absent on items from before it existed). */
  proofOfWork?: 'verified' | 'missing';
};

export type ChoiceOption = { value: string; label: LocalizedText };

/** A step after the reaction period: 'spring 2027' — 'the council decides'. */
export type ConsultationPhase = { when: LocalizedText; what: LocalizedText };

/** The value of one answer: open text, one choice, several choices or a point on a scale. */
export type AnswerValue = string | string[] | number;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const consultationStatus = pgEnum('consultation_status', ['draft', 'open', 'closed', 'decided']);
export const moderationMode = pgEnum('moderation_mode', ['pre', 'post']);
export const questionKind = pgEnum('question_kind', ['open_text', 'single_choice', 'multiple_choice', 'scale']);
export const channel = pgEnum('channel', ['portal', 'widget', 'social']);
/**
 * The states the inbox's partial indexes hold (every state an item waits in: the inbox's
 * open states and `needs_answer`), as literals: a query can use such an index only when its
 * own states are literals the planner can match (moderation/filter-scope.ts `statesAre`).
 */
const waiting = (state: AnyPgColumn) => sql`${state} in ('new', 'in_review', 'escalated', 'needs_answer')`;

/**
 * A submission that needs (or got) an answer: the predicate of
 * `submissions_needing_answer_per_consultation`, and the condition the insights' response
 * times write, so the planner can prove the index serves them (insights/response-times.ts).
 */
export const needingAnswer = (t: {
  firstResponseAt: AnyPgColumn;
  firstPublishedReplyAt: AnyPgColumn;
  reviewState: AnyPgColumn;
}) =>
  sql`(${t.firstResponseAt} is not null or ${t.firstPublishedReplyAt} is not null or ${t.reviewState} in ('needs_answer', 'answered'))`;

/**
 * A submission that needs an answer and has none yet: `needingAnswer` without a first answer.
 * The predicate of `submissions_awaiting_answer`, written by the insights too.
 */
export const awaitingAnswer = (t: {
  firstResponseAt: AnyPgColumn;
  firstPublishedReplyAt: AnyPgColumn;
  reviewState: AnyPgColumn;
}) =>
  sql`(${t.firstResponseAt} is null and ${t.firstPublishedReplyAt} is null and ${t.reviewState} in ('needs_answer', 'answered'))`;

export const submissionStatus = pgEnum('submission_status', [
  'received',
  'in_moderation',
  'published',
  'rejected',
  'answered',
  // Erased on request (or its text purged): a tombstone without the resident's words.
  'erased',
]);
/**
 * Where an item stands in the staff workflow. The resident-facing `submission_status` is
 * coarser on purpose: residents see received, in moderation, published, rejected, answered, erased.
 */
export const reviewState = pgEnum('review_state', [
  'new',
  'in_review',
  'published',
  'rejected',
  'needs_answer',
  'answered',
  'escalated',
  'erased',
]);
export const locale = pgEnum('locale', ['nl', 'en']);
export const staffRole = pgEnum('staff_role', [
  'administrator',
  'moderator',
  'webcare',
  'analyst',
  'department_member',
  'poster',
]);
export const socialPlatform = pgEnum('social_platform', ['mastodon', 'bluesky', 'x', 'facebook', 'instagram']);
export const actorType = pgEnum('actor_type', ['resident', 'staff', 'system']);

export type SocialAutoPublish = 'own' | 'official' | 'none';
export type SocialAuthorDisplay = 'pseudonym' | 'initials' | 'none';

/** Raw bytes (PostgreSQL `bytea`): announcement images and the organisation's logo stay in the database with their row. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  /** The organisation's name in Dutch, as residents see it in the portal's header. */
  name: text('name').notNull(),
  /** Its name in English, when it has one; null: English pages show the Dutch name. */
  nameEn: text('name_en'),
  /** The languages the portal offers: Dutch always, English when listed (services/organisation-settings.ts). */
  locales: text('locales')
    .array()
    .notNull()
    .default(sql`ARRAY['nl','en']::text[]`),
  /** Origins allowed to embed widgets, e.g. `https://www.gemeente.nl` or `http://localhost:*`. */
  embedOrigins: text('embed_origins')
    .array()
    .notNull()
    .default(sql`ARRAY[]::text[]`),
  contactEmail: text('contact_email'),
  websiteUrl: text('website_url'),
  /** Shown on the contact page: how residents reach the municipality by phone and post. */
  phone: text('phone'),
  postalAddress: text('postal_address'),
  /** The data protection officer (functionaris gegevensbescherming), named in the privacy statement. */
  privacyEmail: text('privacy_email'),
  /** Published input is hidden for review once this many residents reported it. */
  reportThreshold: integer('report_threshold').notNull().default(3),
  /**
   * Mirrored posts published without a moderator: `own` (the municipality's own account),
   * `official` (own and other public bodies' accounts) or `none`. Residents' replies never.
   */
  socialAutoPublish: text('social_auto_publish').$type<SocialAutoPublish>().notNull().default('own'),
  /**
   * How private persons appear in public mirrors: `pseudonym` ("Inwoner A"), `initials`
   * ("Inwoner F.D.") or `none` (name and handle as on the platform, for organisations with a
   * legal basis to publish them).
   */
  socialAuthorDisplay: text('social_author_display').$type<SocialAuthorDisplay>().notNull().default('pseudonym'),
  /**
   * The opening-hours calendar response promises are measured in (api/services/office-hours/):
   * weekly hours (null: Monday to Friday 09:00–17:00), the holiday choices (null: Goede Vrijdag
   * open, Bevrijdingsdag every year), extra closed days as local `YYYY-MM-DD`, and the time zone.
   */
  officeHours: jsonb('office_hours').$type<WeeklyHours>(),
  holidayRules: jsonb('holiday_rules').$type<HolidayRules>(),
  closedDays: text('closed_days')
    .array()
    .notNull()
    .default(sql`ARRAY[]::text[]`),
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  /**
   * Raised by every save of the office-calendar screen (hours, holidays, closed days and the
   * channels' response promises), so a save made on an older screen is refused, not merged.
   */
  calendarVersion: integer('calendar_version').notNull().default(1),
  /** Raised by every save of the role mapping for the identity provider (`sso_role_mappings`). */
  ssoMappingVersion: integer('sso_mapping_version').notNull().default(1),
  /**
   * Every local (password) account must pass a second factor (TOTP) to log in; a colleague
   * without one is sent to set it up right after the password (api/services/auth/second-factor.ts).
   */
  requireSecondFactor: boolean('require_second_factor').notNull().default(false),
  /** Raised by every change of `requireSecondFactor`, so a save on an older page is refused. */
  secondFactorPolicyVersion: integer('second_factor_policy_version').notNull().default(1),
  /**
   * Raised by every save on the house-rules settings page (add, edit, reorder, retire), so a
   * save made on an older page is refused with who changed what since.
   */
  houseRulesVersion: integer('house_rules_version').notNull().default(1),
  /**
   * Raised by every save on the organisation settings page (name, logo, how residents of
   * mirrored threads are shown, auto-publishing of own posts, house colours, languages), so a save on an older page is refused.
   */
  settingsVersion: integer('settings_version').notNull().default(1),
  /**
   * The house colours (shared/theme.ts), checked for WCAG contrast before they are stored;
   * null: Podium's own colours.
   */
  theme: jsonb('theme').$type<ThemeTokens>(),
  /** Raised by every change to the organisation's departments (add, rename, remove). */
  departmentsVersion: integer('departments_version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The organisation's logo, shown in the portal's header (api/services/organisation-settings.ts):
 * PNG or JPEG as uploaded (type checked by content; SVG is refused), with its required
 * alternative text. `sha256` names the bytes in the logo's address, so it can be cached for good.
 */
export const organisationLogos = pgTable('organisation_logos', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  mime: text('mime').notNull(),
  bytes: bytea('bytes').notNull(),
  sha256: text('sha256').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  alt: jsonb('alt').$type<LocalizedText>().notNull(),
  updatedAt: updatedAt(),
});

/**
 * The rules published input is held to. A moderation decision cites one by its code, and
 * the resident's follow-up page shows it.
 */
export const houseRules = pgTable(
  'house_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull().default(0),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    /**
     * Set when an administrator retires the rule. A retired rule is never deleted: decisions
     * that cited it keep showing it to the resident; it is no longer offered for new ones.
     */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('house_rules_organisation_code').on(t.organisationId, t.code)],
);

export type AccessibilityAudit = { title: LocalizedText; by: string; date: string; url: string | null };
export type AccessibilityDeviation = {
  criterion: string;
  description: LocalizedText;
  measure: LocalizedText;
  resolveBy: string | null;
};

/**
 * The toegankelijkheidsverklaring, maintained by an administrator: one per organisation,
 * with the fields of the Dutch model statement.
 */
export const accessibilityStatements = pgTable('accessibility_statements', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** A: fully compliant, B: partially compliant, C: first measures taken, D: none, E: non-compliant. */
  status: text('status').notNull(),
  scope: jsonb('scope').$type<LocalizedText>().notNull(),
  statementDate: timestamp('statement_date', { withTimezone: true }).notNull(),
  audits: jsonb('audits').$type<AccessibilityAudit[]>().notNull().default([]),
  deviations: jsonb('deviations').$type<AccessibilityDeviation[]>().notNull().default([]),
  contactEmail: text('contact_email').notNull(),
  /** Working days within which an accessibility complaint is answered. */
  responseDays: integer('response_days').notNull().default(5),
  /** Raised by every save on the statement's settings page, so a save on an older page is refused. */
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

/**
 * One row that counts changes to published content. Every API process compares it with
 * the version its portal was built from, so a change made through any process leads to
 * one rebuild in each process that serves the portal.
 */
export const contentRevision = pgTable('content_revision', {
  id: integer('id').primaryKey().default(1),
  version: integer('version').notNull().default(0),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One number that changes with every write to what taking in input depends on: the
 * consultations and their questions, the organisation (office hours), channel guidelines,
 * routing rules and the sentiment correction model. Statement triggers on those tables bump
 * it (migration 0021), so every API process may keep what it read for a consultation
 * (api/services/intake-context.ts) and knows by one cheap read when that went stale.
 */
export const intakeRevision = pgTable('intake_revision', {
  id: integer('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
});

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('departments_organisation_slug').on(t.organisationId, t.slug)],
);

export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
    /** Raised by every save of its texts (services/topic-authoring.ts): a save on an older one is refused. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('topics_organisation_slug').on(t.organisationId, t.slug)],
);

export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** Unique across the deployment: web editors put it in the widget's `consultation` attribute. */
    slug: text('slug').notNull().unique(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull(),
    /** Why the municipality asks. */
    background: jsonb('background').$type<LocalizedText>().notNull(),
    /** What happens with the input. */
    afterwards: jsonb('afterwards').$type<LocalizedText>().notNull(),
    whoDecides: jsonb('who_decides').$type<LocalizedText>().notNull(),
    targetGroups: jsonb('target_groups').$type<LocalizedText>(),
    /** Partner departments and organisations involved (the transport operator, public works…). */
    partners: jsonb('partners').$type<LocalizedText>(),
    /** What comes after the reaction period, in order, shown on the portal as a timeline. */
    phases: jsonb('phases').$type<ConsultationPhase[]>().notNull().default([]),
    /** The outcome, once decided. */
    outcome: jsonb('outcome').$type<LocalizedText>(),
    /** Why it was decided so ("you said, we did"). */
    outcomeReasons: jsonb('outcome_reasons').$type<LocalizedText>(),
    /** Themes from the input the outcome answers (sentiment theme keys or staff words). */
    outcomeThemes: jsonb('outcome_themes').$type<string[]>().notNull().default([]),
    outcomePublishedAt: timestamp('outcome_published_at', { withTimezone: true }),
    /**
     * Raised by every change through the workbench: a save made on an older version (a
     * colleague's stale page) is refused with what changed (services/consultation-authoring.ts).
     */
    version: integer('version').notNull().default(1),
    status: consultationStatus('status').notNull().default('draft'),
    moderation: moderationMode('moderation').notNull().default('pre'),
    /** The promised response time, in working days. */
    responseDays: integer('response_days').notNull().default(10),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('consultations_topic').on(t.topicId)],
);

export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    /** Stable name of the question inside its consultation; used as the form field name. */
    key: text('key').notNull(),
    position: integer('position').notNull(),
    kind: questionKind('kind').notNull(),
    prompt: jsonb('prompt').$type<LocalizedText>().notNull(),
    hint: jsonb('hint').$type<LocalizedText>(),
    required: boolean('required').notNull().default(false),
    options: jsonb('options').$type<ChoiceOption[]>(),
    scaleMin: integer('scale_min'),
    scaleMax: integer('scale_max'),
    scaleMinLabel: jsonb('scale_min_label').$type<LocalizedText>(),
    scaleMaxLabel: jsonb('scale_max_label').$type<LocalizedText>(),
    maxLength: integer('max_length'),
  },
  (t) => [uniqueIndex('questions_consultation_key').on(t.consultationId, t.key)],
);

/**
 * Every saved state of a consultation once it left draft: texts and questions as they were,
 * who saved them and when, so a published text keeps its history.
 */
export const consultationRevisions = pgTable(
  'consultation_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consultation_revisions_version').on(t.consultationId, t.version)],
);

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    channel: channel('channel').notNull(),
    language: locale('language').notNull(),
    status: submissionStatus('status').notNull().default('received'),
    /** Read aloud and typed by residents: groups of unambiguous capitals and digits. */
    followUpCode: text('follow_up_code').notNull().unique(),
    /** The client's `Idempotency-Key`; a retry with the same key returns the first result. */
    idempotencyKey: text('idempotency_key').unique(),
    /** SHA-256 of the request body, to refuse the same key with different content. */
    requestHash: text('request_hash'),
    moderationReason: jsonb('moderation_reason').$type<LocalizedText>(),
    /** The house rule a moderation decision cited (its code). */
    moderationRule: text('moderation_rule'),
    reviewState: reviewState('review_state').notNull().default('new'),
    /** Null for items stored before screening existed. */
    screening: jsonb('screening').$type<ScreeningRecord>(),
    /** Computed on arrival, with the method (and version) that made it; a staff correction replaces it. */
    sentiment: jsonb('sentiment').$type<SentimentRecord>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Erased on the resident's request: answers and contact details are gone, this row is the tombstone. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** Webcare routing: the department and/or person who answers it (api/services/webcare/routing.ts). */
    assignedDepartmentId: uuid('assigned_department_id').references(() => departments.id, { onDelete: 'set null' }),
    assignedStaffUserId: uuid('assigned_staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /**
     * Raised by every decision, assignment and answer: a change made on an older version
     * (a colleague's stale page) is refused (api/services/moderation/versions.ts).
     */
    version: integer('version').notNull().default(1),
    /**
     * When the promised response time ends, in office hours (api/services/office-hours/due-times.ts):
     * set on arrival, recomputed for waiting items when a promise or the calendar changes, kept
     * once answered so "answered in time" stays visible.
     */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    /** The first published answer by staff. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /**
     * The earliest `published_at` of its staff replies, kept by triggers on `staff_replies`
     * (migration 0045) in the transaction of every reply written, published or deleted: the
     * insights read it where `first_response_at` is empty instead of looking up the replies of
     * every item (a lookup per item was most of their time at a million items).
     */
    firstPublishedReplyAt: timestamp('first_published_reply_at', { withTimezone: true }),
    /** When it first left the waiting states (published, rejected or answered). */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('submissions_consultation_status').on(t.consultationId, t.status),
    // The inbox sorts by time left with a keyset on (response_due_at, id); the nearly-late check
    // and the overdue view read a range of it.
    index('submissions_due_id').on(t.responseDueAt, t.id),
    index('submissions_review_state').on(t.reviewState, t.createdAt),
    // The inbox pages by (created_at, id): a keyset, not an offset.
    index('submissions_created_id').on(t.createdAt, t.id),
    // Every column the insights read of the items of a period but the label (counted from the
    // day counts): the response times and themes read this index alone, not the wide rows
    // (aggregates.ts; an index-only scan, about twenty times fewer pages at a million items).
    index('submissions_insights').on(
      t.createdAt,
      t.id,
      t.consultationId,
      t.channel,
      t.reviewState,
      t.language,
      t.erasedAt,
      t.firstResponseAt,
      t.firstPublishedReplyAt,
    ),
    // The items that need (or got) an answer, with every column the insights' response times
    // read (the due moment too, for "on time" and "overdue"), per consultation and channel: a
    // consultation's or topic's response times read their items from this index alone, and the
    // whole organisation's figures which consultations' promises apply (`needingAnswer`, which
    // the insights write too, so the planner can prove it; insights/response-times.ts).
    index('submissions_needing_answer_per_consultation')
      .on(t.consultationId, t.channel, t.createdAt, t.firstResponseAt, t.firstPublishedReplyAt, t.responseDueAt)
      .where(sql`${t.erasedAt} is null and ${needingAnswer(t)}`),
    // Answered items by response-time bucket (`response_time_counts`): a percentile reads only
    // the bucket that holds its rank, not every item of the period (insights/response-times.ts).
    index('submissions_answer_times')
      .on(
        sql`podium_response_bucket(podium_response_ms(${t.createdAt}, coalesce(${t.firstResponseAt}, ${t.firstPublishedReplyAt})))`,
        t.createdAt,
        t.consultationId,
        t.channel,
        t.firstResponseAt,
        t.firstPublishedReplyAt,
      )
      .where(
        sql`${t.erasedAt} is null and (${t.firstResponseAt} is not null or ${t.firstPublishedReplyAt} is not null)`,
      ),
    // Items that need an answer and have none yet: the insights' "open" and "overdue", which
    // depend on the moment, so are counted live (a few percent of all items).
    index('submissions_awaiting_answer')
      .on(t.createdAt, t.consultationId, t.channel, t.responseDueAt)
      .where(sql`${t.erasedAt} is null and ${awaitingAnswer(t)}`),
    // The insights' themes read a fixed sample per topic, the items with the lowest hash of
    // their id: per consultation, a range of this index up to a hash bound (aggregates.ts).
    index('submissions_theme_sample').on(t.consultationId, sql`hashtext(${t.id}::text)`, t.createdAt),
    // The inbox lists waiting items only, a few percent of all: read in order from an index of
    // just those, a page costs the same at a million items as at a thousand (the states must
    // be literals in the query for the planner to use it: input-source.ts).
    index('submissions_waiting_created').on(t.createdAt, t.id).where(waiting(t.reviewState)),
    // A consultation's waiting items, for the inbox filtered by consultation.
    index('submissions_waiting_consultation').on(t.consultationId, t.createdAt, t.id).where(waiting(t.reviewState)),
    // By time left; the consultation after the key (it does not change the order) lets the
    // overdue view count a backlog of tens of thousands from the index alone (70 → 30 ms at 53,000).
    index('submissions_waiting_due').on(t.responseDueAt, t.id, t.consultationId).where(waiting(t.reviewState)),
    // Waiting items routed to a department, for a department's inbox (input-source.ts `ofDepartments`).
    index('submissions_waiting_department')
      .on(t.assignedDepartmentId, t.createdAt, t.id)
      .where(sql`${t.assignedDepartmentId} is not null and ${waiting(t.reviewState)}`),
    // Every item routed to a department, waiting or not: the departments page counts them,
    // and removing a department checks them (services/department-settings.ts).
    index('submissions_department')
      .on(t.assignedDepartmentId)
      .where(sql`${t.assignedDepartmentId} is not null`),
    // A consultation's published input, newest first: the portal's served responses pages
    // count it and find a page's first key from this index alone (portal-lists.ts).
    index('submissions_published_consultation')
      .on(t.consultationId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('published', 'answered') and ${t.publishedAt} is not null`),
  ],
);

/**
 * The submissions the insights count, per consultation, Amsterdam day, channel and sentiment
 * label: a roll-up kept by triggers on `submissions` in the same transaction as every insert,
 * update, erasure and delete (migration 0044), so it cannot drift from the rows. Erased items
 * are left out, as the insights leave them out; organisation and topic come from the
 * consultation when read, so moving a consultation to another topic needs no update here.
 * The volume and sentiment figures read this instead of every item of the period
 * (api/services/insights/aggregates.ts); `label` is '' for an item without one.
 * `state` splits what the public sees (migration 0053): `published` as
 * `isPublishedInput` (published-content.ts) counts it, `rejected`, and `other`; the portal's
 * counts per consultation read that instead of the items (a second at 10 million).
 *
 * The rows are changes, summed when read: the triggers only insert (+n for what arrived or
 * moved in, −n for what left), so writers on the same consultation day never wait for each
 * other's rows and cannot deadlock (migration 0056; upserting one row per key did, under
 * concurrent moderation and intake). `foldDayCounts` (services/day-counts.ts) folds a
 * key's rows into one now and then.
 */
export type DayCountState = 'published' | 'rejected' | 'other';
export const submissionDayCounts = pgTable(
  'submission_day_counts',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    channel: channel('channel').notNull(),
    label: text('label').notNull(),
    state: text('state').$type<DayCountState>().notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    index('submission_day_counts_key').on(t.consultationId, t.day, t.channel, t.label, t.state),
    index('submission_day_counts_day').on(t.day),
  ],
);

/**
 * The answered submissions per organisation, Amsterdam day (of arrival), channel and
 * response-time bucket (`podium_response_bucket`, migration 0064: steps of a sixteenth of an
 * octave, about 4.4 %, from a minute to a year): how many, how many had a due moment, how
 * many were answered by it.
 * Kept by statement triggers on `submissions` like `submission_day_counts`, as changes summed
 * when read and folded now and then (services/day-counts.ts): an answer's time changes when
 * its replies are withdrawn or deleted, an item leaves when erased, and the triggers take that
 * in (a consultation moved to another organisation moves its counts: a trigger on consultations).
 * The insights' response times read this instead of every answered item: the counts and
 * "on time" from the sums, an exact percentile from the one bucket that holds its rank
 * (through `submissions_answer_times`; insights/response-times.ts). Not per consultation: at a
 * few dozen items per consultation and day the roll-up would be as long as the items; a
 * consultation's or topic's figures read its items.
 */
export const responseTimeCounts = pgTable(
  'response_time_counts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    channel: channel('channel').notNull(),
    bucket: smallint('bucket').notNull(),
    answered: integer('answered').notNull(),
    promised: integer('promised').notNull(),
    onTime: integer('on_time').notNull(),
    /**
     * Bounds of the response times (ms) the key's rows counted, removed ones included: where
     * they are equal, every item in the bucket took exactly that long, and a percentile needs
     * no read of the items (answers sent a whole number of days later, say).
     */
    minMs: bigint('min_ms', { mode: 'number' }).notNull(),
    maxMs: bigint('max_ms', { mode: 'number' }).notNull(),
  },
  (t) => [index('response_time_counts_key').on(t.organisationId, t.day, t.channel, t.bucket)],
);

export const submissionAnswers = pgTable(
  'submission_answers',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id),
    value: jsonb('value').$type<AnswerValue>().notNull(),
    /**
     * An open answer's `comparisonKey` (screening/spam.ts): the flood check counts the same
     * text sent shortly before through this index instead of reading the recent texts.
     * Goes with the answer when it is erased or purged.
     */
    textKey: text('text_key'),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.questionId] }),
    index('submission_answers_text_key')
      .on(t.textKey)
      .where(sql`${t.textKey} is not null`),
    // Full-text search in the inbox matches either language (api/services/moderation/search.ts).
    index('submission_answers_text_nl').using('gin', sql`to_tsvector('dutch', ${t.value} #>> '{}')`),
    index('submission_answers_text_en').using('gin', sql`to_tsvector('english', ${t.value} #>> '{}')`),
  ],
);

/** Personal data of a resident, kept apart so it can be purged or exported on its own. */
export const submissionContacts = pgTable(
  'submission_contacts',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    name: text('name'),
    email: text('email'),
    /** The resident agreed to be contacted about this input. */
    consentToContact: boolean('consent_to_contact').notNull().default(false),
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
    /** Which wording of the consent text the resident saw. */
    consentVersion: text('consent_version'),
    createdAt: createdAt(),
  },
  (t) => [
    // A resident's contact history (services/moderation/item-context.ts) links input by address,
    // with consent only; a residents'-rights search (services/personal-data.ts) finds every
    // address, with consent or without: one index serves both.
    index('submission_contacts_email').on(sql`lower(${t.email})`),
  ],
);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Raised by every change to the account, its roles or its state: a form on an older version is refused. */
    version: integer('version').notNull().default(1),
    /**
     * The person at the organisation's identity provider (OpenID Connect `iss` and `sub`), once
     * they signed in through it (api/services/auth/oidc.ts); their roles then follow its claims.
     */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_users_oidc_subject').on(t.oidcIssuer, t.oidcSubject)],
);

/**
 * Which Podium role a group or role claim of the identity provider gives (one row per claim
 * value and role; department members per department). Edited by administrators at
 * /beheer/aanmelden-via-organisatie; `organisations.sso_mapping_version` is raised by every save.
 */
export const ssoRoleMappings = pgTable(
  'sso_role_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** A value of the configured claim (PODIUM_OIDC_ROLES_CLAIM), compared exactly: a group name or id. */
    claimValue: text('claim_value').notNull(),
    role: staffRole('role').notNull(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('sso_role_mappings_organisation').on(t.organisationId),
    uniqueIndex('sso_role_mappings_unique').on(t.organisationId, t.claimValue, t.role, t.departmentId),
  ],
);

/**
 * Sign-ins through the identity provider that are under way: the PKCE verifier, state and
 * nonce stay here, keyed by the SHA-256 of a random value in a short-lived cookie, so the
 * answer is accepted only in the browser that started it, once, within ten minutes.
 */
export const oidcSignIns = pgTable('oidc_sign_ins', {
  id: text('id').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  lang: locale('lang').notNull(),
  next: text('next'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/**
 * Single-use invitations to set a password (api/services/auth/colleagues.ts). The token is
 * only in the mail's link; the database keeps its SHA-256, so a leaked database opens no account.
 */
export const staffInvitations = pgTable('staff_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  staffUserId: uuid('staff_user_id')
    .notNull()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const staffRoles = pgTable(
  'staff_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    role: staffRole('role').notNull(),
    /** Set for department members: the department whose routed items they see. */
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('staff_roles_unique').on(t.staffUserId, t.role, t.departmentId)],
);

/**
 * Failed staff log-ins, counted per client address, per account and per account from one
 * known address (api/services/auth/login-throttle.ts). No account is ever locked: a count
 * only makes the next attempt with the same key wait.
 */
export const loginThrottles = pgTable('login_throttles', {
  /** `address:`, `account:`, `pair:` or `code:` and a hash: neither addresses nor e-mail addresses in the clear. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
});

/** Client addresses (hashed) a staff member logged in from; log-ins from them skip the account-wide throttle. */
export const staffLoginAddresses = pgTable(
  'staff_login_addresses',
  {
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    addressHash: text('address_hash').notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffUserId, t.addressHash] })],
);

export const staffSessions = pgTable('staff_sessions', {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: text('id').primaryKey(),
  staffUserId: uuid('staff_user_id')
    .notNull()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  /** Sent back in every staff form; a request without it is refused (CSRF). */
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  /** Slides forward while staff work; the session also ends a fixed time after createdAt. */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Started through the identity provider: logging out also ends the session there. */
  viaOidc: boolean('via_oidc').notNull().default(false),
});

/**
 * A staff member's TOTP second factor (RFC 6238). The shared secret is sealed with
 * PODIUM_SECRET_KEY (api/services/social/secret-box.ts); it counts only once `confirmedAt`
 * is set by a first correct code. `lastStep` is the time step of the last accepted code:
 * no code of that step or an earlier one is accepted again.
 */
export const staffSecondFactors = pgTable('staff_second_factors', {
  staffUserId: uuid('staff_user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Single-use recovery codes, only their hashes; a used code keeps its row with `usedAt`. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_recovery_codes_hash').on(t.staffUserId, t.codeHash)],
);

/**
 * A staff member's passkeys (WebAuthn credentials), a second factor beside TOTP. Only the
 * public key is kept (COSE, base64url); `counter` is the authenticator's signature counter
 * (0 for passkeys that do not count, as synced ones): a lower one than stored is refused.
 */
export const staffPasskeys = pgTable(
  'staff_passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** The credential's id as the browser sends it (base64url). */
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    /** The name its owner gave it ("laptop", "telefoon"), to tell them apart. */
    name: text('name').notNull(),
    /** Whether the passkey may be synced to other devices, and whether it is (as the authenticator said). */
    deviceType: text('device_type').$type<'singleDevice' | 'multiDevice'>().notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_passkeys_credential').on(t.credentialId), index('staff_passkeys_user').on(t.staffUserId)],
);

/**
 * A WebAuthn challenge handed to a browser: single use (deleted when it is answered, right or
 * wrong), short-lived, and bound to what asked for it (`boundTo`: the staff session's id, or
 * the pending log-in's), so a challenge from one browser cannot be answered in another.
 */
export const staffPasskeyChallenges = pgTable(
  'staff_passkey_challenges',
  {
    /** The challenge itself (base64url of 32 random bytes). */
    challenge: text('challenge').primaryKey(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<'register' | 'authenticate'>().notNull(),
    boundTo: text('bound_to').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_passkey_challenges_bound').on(t.boundTo)],
);

/**
 * A log-in halfway: the password was right, the second factor is still to come (`code`) or
 * to be set up (`enrol`). No session exists yet; the token lives only in a cookie of the
 * browser that typed the password, the database keeps its SHA-256. Short-lived.
 */
export const staffPendingLogins = pgTable('staff_pending_logins', {
  id: text('id').primaryKey(),
  staffUserId: uuid('staff_user_id')
    .notNull()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  stage: text('stage').$type<'code' | 'enrol'>().notNull(),
  /** Where to go after the log-in (a checked staff path). */
  next: text('next'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Personal API keys (api/services/auth/api-keys.ts): a script calls the staff JSON API as the
 * person who made the key, with their permissions at that moment. Like sessions, only the
 * SHA-256 of the key is stored; the key itself is shown once when it is made.
 */
export const staffApiKeys = pgTable(
  'staff_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The key's first characters, so people can tell their keys apart; too short to use. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('staff_api_keys_user').on(t.staffUserId)],
);

export const staffReplies = pgTable(
  'staff_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
    socialPostId: uuid('social_post_id').references(() => socialPosts.id, { onDelete: 'cascade' }),
    /** Null once the author's staff account is erased; the reply stays a public record. */
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').references(() => departments.id),
    language: locale('language').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  // An item's replies (published input pages, insights and open data) without reading them all.
  (t) => [
    index('staff_replies_submission').on(t.submissionId),
    index('staff_replies_department')
      .on(t.departmentId)
      .where(sql`${t.departmentId} is not null`),
    index('staff_replies_social_post').on(t.socialPostId),
    // The home page's "recently answered": the newest published replies, read in order.
    index('staff_replies_published')
      .on(t.publishedAt.desc().nullsFirst())
      .where(sql`${t.publishedAt} is not null`),
    // An item's first published answer read from the index alone (services/insights/aggregates.ts).
    index('staff_replies_submission_published')
      .on(t.submissionId, t.publishedAt)
      .where(sql`${t.publishedAt} is not null`),
    index('staff_replies_social_post_published')
      .on(t.socialPostId, t.publishedAt)
      .where(sql`${t.publishedAt} is not null`),
  ],
);

export const answerApprovalState = pgEnum('answer_approval_state', ['awaiting', 'approved', 'returned']);

/**
 * An answer to a mirrored post written where the channel's guidelines ask for four eyes: it
 * waits here, unpublished and not queued for the platform, until a colleague other than its
 * author approves it (then it becomes a `staff_replies` row and goes to the posting outbox as
 * any answer does) or sends it back with a note. At most one waits per post.
 */
export const answerApprovals = pgTable(
  'answer_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    socialPostId: uuid('social_post_id')
      .notNull()
      .references(() => socialPosts.id, { onDelete: 'cascade' }),
    language: locale('language').notNull(),
    body: text('body').notNull(),
    /** Null once the author's staff account is erased. */
    writtenBy: uuid('written_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    state: answerApprovalState('state').notNull().default('awaiting'),
    decidedBy: uuid('decided_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was sent back, for the author. */
    returnNote: text('return_note'),
    /** The published answer it became. */
    staffReplyId: uuid('staff_reply_id').references(() => staffReplies.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('answer_approvals_post').on(t.socialPostId, t.writtenAt),
    uniqueIndex('answer_approvals_one_awaiting')
      .on(t.socialPostId)
      .where(sql`${t.state} = 'awaiting'`),
  ],
);

export const socialThreads = pgTable(
  'social_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    topicId: uuid('topic_id').references(() => topics.id),
    platform: socialPlatform('platform').notNull(),
    externalId: text('external_id').notNull(),
    sourceUrl: text('source_url'),
    title: jsonb('title').$type<LocalizedText>(),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    /** When the next scheduled re-read is due; null for threads imported from JSON (nothing to poll). */
    nextSyncAt: timestamp('next_sync_at', { withTimezone: true }),
    syncIntervalMinutes: integer('sync_interval_minutes').notNull().default(15),
    /** Failed re-reads in a row (back-off grows with it) and the last reason. */
    syncFailures: integer('sync_failures').notNull().default(0),
    lastSyncError: text('last_sync_error'),
    /** The root was deleted at the source: the mirror is emptied and no longer served. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /**
     * The public mirror's pseudonyms, kept for the life of the thread so a deletion or a
     * newly published reply does not shift the letters: a hash of the person's handle in
     * this thread (never the handle) → "A", "B", ….
     */
    pseudonyms: jsonb('pseudonyms')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('social_threads_platform_external').on(t.platform, t.externalId),
    index('social_threads_next_sync').on(t.nextSyncAt),
  ],
);

/** People and accounts on social media: personal data unless `isOfficial`. */
export const socialAuthors = pgTable(
  'social_authors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platform: socialPlatform('platform').notNull(),
    externalId: text('external_id').notNull(),
    handle: text('handle'),
    displayName: text('display_name'),
    url: text('url'),
    /** The municipality's own account. */
    isOwnAccount: boolean('is_own_account').notNull().default(false),
    /** The municipality's own account, or another public body's. */
    isOfficial: boolean('is_official').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('social_authors_platform_external').on(t.platform, t.externalId)],
);

export type SocialMedia = SocialMediaContract;

export const socialPosts = pgTable(
  'social_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => socialThreads.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    parentExternalId: text('parent_external_id'),
    authorId: uuid('author_id').references(() => socialAuthors.id, { onDelete: 'set null' }),
    /** The moderation item this post became. */
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'set null' }),
    url: text('url'),
    /** Reading order in the thread (root 0) and nesting depth, as the importer built them. */
    position: integer('position').notNull().default(0),
    depth: integer('depth').notNull().default(0),
    /** Set when the post stands in for one that is deleted, blocked or unreadable at the source. */
    placeholder: text('placeholder').$type<SocialPlaceholder>(),
    contentHtml: text('content_html').notNull(),
    contentText: text('content_text').notNull(),
    sentiment: jsonb('sentiment').$type<SentimentRecord>(),
    language: text('language'),
    contentWarning: text('content_warning'),
    sensitive: boolean('sensitive').notNull().default(false),
    labels: jsonb('labels').$type<string[]>().notNull().default([]),
    media: jsonb('media').$type<SocialMedia[]>().notNull().default([]),
    links: jsonb('links').$type<SocialLink[]>().notNull().default([]),
    mentions: jsonb('mentions').$type<SocialMention[]>().notNull().default([]),
    hashtags: jsonb('hashtags').$type<string[]>().notNull().default([]),
    /** Null where the platform reports no such figure. */
    replyCount: integer('reply_count'),
    likeCount: integer('like_count'),
    repostCount: integer('repost_count'),
    quoteCount: integer('quote_count'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Hash of what a reader sees; a change on re-sync is an edit. */
    contentHash: text('content_hash'),
    /** The platform's payload as received, for re-processing. */
    raw: jsonb('raw'),
    createdAt: createdAt(),
    /**
     * Where the post stands in moderation: a resident's reply waits (`new`) until a moderator
     * publishes it; own (and, by choice, official) posts are published on import.
     */
    reviewState: reviewState('review_state').notNull().default('new'),
    /** Screening of the plain text, as for portal input (flags and a redacted copy). */
    screening: jsonb('screening').$type<ScreeningRecord>(),
    /** Set while the post is published; cleared by a rejection or an edit awaiting review. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The house rule a rejection cited (its code). */
    moderationRule: text('moderation_rule'),
    /** Webcare routing, as on submissions: the department and/or person who answers it. */
    assignedDepartmentId: uuid('assigned_department_id').references(() => departments.id, { onDelete: 'set null' }),
    assignedStaffUserId: uuid('assigned_staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Raised by every decision, assignment and answer on the post, as `submissions.version`. */
    version: integer('version').notNull().default(1),
    /** As `submissions.response_due_at`: the channel guideline's promise, in office hours. */
    responseDueAt: timestamp('response_due_at', { withTimezone: true }),
    /** When the municipality first answered it (in the mirror on the portal). */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /** When a moderator first decided or answered it. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /**
     * The hashtag or keyword listening heard the post by (api/services/social/listening.ts);
     * null for mentions, replies and imports. The queue marks such posts as heard, not as a mention.
     */
    heardBy: text('heard_by'),
  },
  (t) => [
    index('social_posts_due_id').on(t.responseDueAt, t.id),
    uniqueIndex('social_posts_thread_external').on(t.threadId, t.externalId),
    index('social_posts_thread_position').on(t.threadId, t.position),
    // The posts a public mirror shows, per thread (social/threads.ts readThread and listThreads):
    // most of a large thread may be waiting for moderation.
    index('social_posts_shown')
      .on(t.threadId, t.position)
      .where(sql`${t.publishedAt} is not null and ${t.deletedAt} is null`),
    index('social_posts_review_state').on(t.reviewState, t.createdAt),
    // Waiting posts only, as for submissions: the inbox's first page, a thread's (a consultation's
    // or topic's) and those routed to a department, read in order (moderation/filter-scope.ts).
    index('social_posts_waiting_created').on(t.createdAt, t.id).where(waiting(t.reviewState)),
    index('social_posts_waiting_thread').on(t.threadId, t.createdAt, t.id).where(waiting(t.reviewState)),
    index('social_posts_waiting_department')
      .on(t.assignedDepartmentId, t.createdAt, t.id)
      .where(sql`${t.assignedDepartmentId} is not null and ${waiting(t.reviewState)}`),
    index('social_posts_department')
      .on(t.assignedDepartmentId)
      .where(sql`${t.assignedDepartmentId} is not null`),
    index('social_posts_created_id').on(t.createdAt, t.id),
    // The insights read the posts of a period by when they were posted (services/insights/aggregates.ts).
    index('social_posts_posted').on(t.postedAt),
    // Other posts by the same account: a contact history (services/moderation/item-context.ts).
    index('social_posts_author').on(t.authorId, t.createdAt),
    index('social_posts_text_nl').using('gin', sql`to_tsvector('dutch', ${t.contentText})`),
    index('social_posts_text_en').using('gin', sql`to_tsvector('english', ${t.contentText})`),
  ],
);

/**
 * Staff's free-text notes on one moderation item (a submission or a mirrored social post).
 * Kept apart from the five-year audit log, which records only that a note was added: a note
 * may quote or name the resident, so it lives as long as the item (erasure.ts, retention.ts).
 */
export const itemNotes = pgTable(
  'item_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
    socialPostId: uuid('social_post_id').references(() => socialPosts.id, { onDelete: 'cascade' }),
    /** Null once the author's staff account is erased; the note stays with its item. */
    authorStaffId: uuid('author_staff_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('item_notes_one_item', sql`num_nonnulls(${t.submissionId}, ${t.socialPostId}) = 1`),
    index('item_notes_submission').on(t.submissionId, t.createdAt),
    index('item_notes_social_post').on(t.socialPostId, t.createdAt),
  ],
);

/**
 * Descriptions staff wrote for media that came without one (or with a poor one). Kept apart
 * from the platform's alt text, and shown as added by the municipality.
 */
export const socialMediaDescriptions = pgTable(
  'social_media_descriptions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => socialPosts.id, { onDelete: 'cascade' }),
    /** The media item's URL on the platform: its position may change with an edit, its file does not. */
    mediaUrl: text('media_url').notNull(),
    text: text('text').notNull(),
    language: locale('language').notNull(),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.mediaUrl] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: actorType('actor_type').notNull(),
    /** Staff user id, or null for residents and the system. */
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_subject').on(t.subjectType, t.subjectId),
    index('audit_log_at').on(t.at),
    // The viewer's filters (services/audit-log.ts): an action or its first part (a prefix
    // LIKE, which a pattern-ops index serves in any collation), and a member of staff; at a
    // million items the log holds 2.3 million entries, and an action that occurs rarely was
    // found by reading them all backwards from the newest (1.6 s).
    index('audit_log_action').on(t.action.op('text_pattern_ops'), t.at),
    index('audit_log_actor')
      .on(t.actorId, t.at)
      .where(sql`${t.actorId} is not null`),
  ],
);

/** When a channel is staffed: ISO weekdays (1 = Monday) and local times `HH:MM`. */
export type PostingHours = Array<{ days: number[]; from: string; to: string }>;

/**
 * The guidelines of one channel, as data, so residents see them and the workbench can
 * measure against them: portal, widget, or one social-media account.
 */
export const channelGuidelines = pgTable(
  'channel_guidelines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** `portal`, `widget`, or `<platform>:<account>` such as `mastodon:@demodam@social.example`. */
    key: text('key').notNull(),
    channel: channel('channel').notNull(),
    platform: socialPlatform('platform'),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** The promised response time, in working days. */
    responseDays: integer('response_days').notNull(),
    /**
     * The promise in office hours, for channels that answer within the day (social media:
     * "binnen 4 uur"); when set it replaces `response_days` for this channel's items.
     */
    responseHours: integer('response_hours'),
    repliesAllowed: boolean('replies_allowed').notNull().default(true),
    /** The department whose moderators handle this channel; null: the central desk. */
    moderatedByDepartmentId: uuid('moderated_by_department_id').references(() => departments.id, {
      onDelete: 'set null',
    }),
    postingHours: jsonb('posting_hours').$type<PostingHours>().notNull().default([]),
    /** Announcements on this channel need a second person's approval before they go out. */
    announcementsNeedApproval: boolean('announcements_need_approval').notNull().default(false),
    /**
     * Webcare's answers to posts on this channel need a second person's approval before they
     * are published and posted (services/moderation/answer-approval.ts).
     */
    answersNeedApproval: boolean('answers_need_approval').notNull().default(false),
    /** Codes of the house rules that apply here. */
    houseRules: text('house_rules')
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    /** Raised by every save on the settings page or the staff API: a save on an older one is refused. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('channel_guidelines_organisation_key').on(t.organisationId, t.key)],
);

/**
 * A resident's report that published input breaks a house rule. No reporter identity is
 * kept. Reports count towards hiding until a moderator decides on the item (`handledAt`).
 */
export const submissionReports = pgTable(
  'submission_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    /** The code of the house rule the reporter cites, or `other`. */
    reason: text('reason').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [index('submission_reports_submission').on(t.submissionId, t.handledAt)],
);

/**
 * Staff corrections of sentiment labels, per municipality: shown in the agreement figures
 * and used to train that municipality's correction model.
 */
export const sentimentCorrections = pgTable(
  'sentiment_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type').$type<'submission' | 'social_post'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    language: text('language').notNull(),
    /** The text as classified, kept for retraining (input text, already under its own retention). */
    text: text('text').notNull(),
    /** What the method said, and what staff say it is. */
    predicted: text('predicted').$type<SentimentRecord['label']>().notNull(),
    predictedMethod: text('predicted_method').notNull(),
    label: text('label').$type<SentimentRecord['label']>().notNull(),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sentiment_corrections_subject').on(t.subjectType, t.subjectId)],
);

/** The trained correction model per municipality (plain JSON), rebuilt after each correction. */
export const sentimentModels = pgTable('sentiment_models', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  model: jsonb('model').notNull(),
  corrections: integer('corrections').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

/** Kinds of data with a retention period; see `api/services/retention.ts` for what each rule removes. */
export const retentionKind = pgEnum('retention_kind', [
  'contact_details',
  'input_text',
  'social_posts',
  'audit_log',
  'staff_sessions',
]);

/** An organisation's own retention period for one kind of data; without a row the default applies. */
export const retentionPolicies = pgTable(
  'retention_policies',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: retentionKind('kind').notNull(),
    days: integer('days').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind] })],
);

/**
 * Request counters per client and route group, one row per fixed window. Kept in the
 * database so that every API process behind a load balancer counts against one limit.
 * The key holds a hash of the client address, never the address itself.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_start').on(t.windowStart)],
);

/**
 * The open data's last figures (api/services/insights/open-data-cache.ts), so a process that
 * starts serves them at once instead of waiting for a count (21 s at 10 million items), and
 * processes behind one load balancer take up each other's counts. Counts only: small numbers
 * are already withheld, nothing in it names or quotes anyone.
 */
export const openDataFigures = pgTable('open_data_figures', {
  /** What is counted: `consultations`, the only figures kept so far. */
  key: text('key').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  buildMs: doublePrecision('build_ms').notNull(),
  figures: jsonb('figures').$type<ConsultationOpenData[]>().notNull(),
});

/**
 * Periodic jobs that must run once per deployment, not once per API process: a process
 * runs a job only when it moves `next_run_at` forward itself (one conditional UPDATE).
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});

/**
 * Routing rules: new items on a topic (and, when set, from one channel) are assigned to a
 * department and/or a person on arrival. The most specific rule wins (topic and channel
 * over topic alone).
 */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    /** Null: every channel. */
    channel: channel('channel'),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('routing_rules_topic').on(t.organisationId, t.topicId)],
);

/** Answer templates for webcare, per organisation, in Dutch and English, with placeholders like `{consultatie}`. */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reply_templates_organisation').on(t.organisationId)],
);

/**
 * The server's secret for signing proof-of-work challenges, made once when
 * PODIUM_POW_SECRET is not set, so every API process signs and checks with the same key.
 */
export const proofOfWorkSecrets = pgTable('proof_of_work_secrets', {
  id: text('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

/**
 * Proof-of-work solutions already used for a submission, kept until their challenge
 * expires so one solution cannot be sent twice.
 */
export const proofOfWorkSolutions = pgTable(
  'proof_of_work_solutions',
  {
    challenge: text('challenge').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proof_of_work_solutions_expires_at').on(t.expiresAt)],
);

/**
 * Single-use links a resident asks for by e-mail when they lost their follow-up code.
 * Only a hash of the token is stored, so a copy of the database opens no one's input;
 * the address is needed to find the input when the link is used, and rows go once
 * they expire (api/services/email-links.ts).
 */
export const emailLinks = pgTable(
  'email_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    language: text('language').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('email_links_email').on(t.email), index('email_links_expires_at').on(t.expiresAt)],
);

export const outboxState = pgEnum('outbox_state', ['pending', 'sending', 'sent', 'failed']);

/**
 * The durable mail outbox (api/services/notifications/outbox.ts): a message is written in
 * the same transaction as the event that causes it, and a sender loop in every API process
 * claims due rows (`FOR UPDATE SKIP LOCKED`, with a lease), sends them and retries with
 * back-off. A message about a resident's input refers to it, so erasure deletes it
 * (`forgetSubmissionMail`) and the submission's removal cascades.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id').references(() => submissions.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    /** What the message is, e.g. `resident.receipt`, `staff.item_assigned`. */
    kind: text('kind').notNull(),
    locale: locale('locale').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    state: outboxState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** While `sending`: when another process may take it over (the sender died mid-send). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** One message per event: a second enqueue with the same key is ignored. */
    dedupeKey: text('dedupe_key').unique(),
    /** SHA-256 of the one-click unsubscribe token in the message's List-Unsubscribe header. */
    unsubscribeTokenHash: text('unsubscribe_token_hash').unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_messages_due').on(t.state, t.nextAttemptAt),
    index('outbox_messages_submission').on(t.submissionId),
  ],
);

/** Notifications for staff in the workbench (api/services/notifications/staff.ts). */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** One of `NOTIFICATION_KINDS` (services/notifications/preferences.ts): `item_assigned`, `answer_returned`, `weekly_summary`… */
    kind: text('kind').notNull(),
    /** What the texts need: item id, consultation title, due time… (no resident's personal data). */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('staff_notifications_user').on(t.staffUserId, t.createdAt),
    uniqueIndex('staff_notifications_dedupe').on(t.staffUserId, t.dedupeKey),
  ],
);

/** How each person wants to be told, per kind of notification: in the workbench and/or by e-mail. */
export const staffNotificationPreferences = pgTable('staff_notification_preferences', {
  staffUserId: uuid('staff_user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  /** The language of their notification e-mails. */
  language: locale('language').notNull().default('nl'),
  /** Per kind: `{ workbench, email }`; a kind missing here uses the defaults. */
  channels: jsonb('channels').$type<Record<string, { workbench: boolean; email: boolean }>>().notNull().default({}),
  updatedAt: updatedAt(),
});

/**
 * A person's saved inbox views: a filter set (the inbox's query string) under a name they
 * chose, in their own order. Only theirs; gone with their account. The query is checked
 * again each time it is used (api/services/moderation/saved-views.ts), so a view whose
 * filter no longer exists still opens the inbox.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The inbox's list parameters, e.g. `view=mine&sort=newest`; no page cursor. */
    query: text('query').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  // "Fiets" and "fiets" are one name to the person choosing between links.
  (t) => [uniqueIndex('saved_views_name').on(t.staffUserId, sql`lower(${t.name})`)],
);

/**
 * Who has an item open now (presence): one row per person and item, kept alive by the item
 * page's heartbeat and expired by time (api/services/moderation/presence.ts). In the
 * database, not in memory, because several API processes serve the same team.
 */
export const itemPresence = pgTable(
  'item_presence',
  {
    /** A submission or a social post: ids are unique across the queue's sources, so no foreign key. */
    itemId: uuid('item_id').notNull(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.staffUserId] }), index('item_presence_seen').on(t.seenAt)],
);

/**
 * The municipality's connected accounts on social media (api/services/social/accounts.ts):
 * one registry of the official accounts Podium may post as. The access token is sealed
 * with AES-256-GCM under PODIUM_SECRET_KEY (secret-box.ts) and never leaves the service
 * unsealed except to the platform. A revoked account keeps its row (the audit log names
 * it) but loses its token.
 */
export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    platform: socialPlatform('platform').notNull(),
    /** The instance's origin (Mastodon) or the PDS (Bluesky), e.g. https://social.example.nl. */
    instanceUrl: text('instance_url').notNull(),
    /** The platform's id of the account and its handle, as verify_credentials reported them. */
    externalId: text('external_id').notNull(),
    handle: text('handle').notNull(),
    /** `v1.<iv>.<tag>.<ciphertext>` in base64url; null once revoked. */
    tokenSealed: text('token_sealed'),
    /**
     * The Mastodon application the token was issued to through OAuth (mastodon-oauth.ts), whose
     * client credentials revoke it at the instance; null for a pasted token or Bluesky.
     */
    mastodonAppId: uuid('mastodon_app_id').references(() => mastodonApps.id, { onDelete: 'set null' }),
    connectedByStaffUserId: uuid('connected_by_staff_user_id').references(() => staffUsers.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('social_accounts_organisation').on(t.organisationId, t.platform)],
);

/**
 * Podium's application on a Mastodon instance (api/services/social/mastodon-oauth.ts), registered
 * with POST /api/v1/apps the first time an administrator connects an account there and reused
 * after. Its client id and secret are sealed together like tokens (secret-box.ts): with them and
 * a code anyone could finish an authorization as Podium.
 */
export const mastodonApps = pgTable(
  'mastodon_apps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The instance's origin, e.g. https://social.example.nl. */
    instanceUrl: text('instance_url').notNull(),
    /** The redirect URI and scopes it was registered with: another of either needs a new application. */
    redirectUri: text('redirect_uri').notNull(),
    scopes: text('scopes').notNull(),
    /** `{"clientId","clientSecret"}`, sealed. */
    credentialsSealed: text('credentials_sealed').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mastodon_apps_registration').on(t.organisationId, t.instanceUrl, t.redirectUri, t.scopes)],
);

/**
 * An authorization under way at a Mastodon instance: keyed by the SHA-256 of its `state`, bound to
 * the staff session that started it (the callback is accepted in that session only, once), with
 * the PKCE verifier sealed. Ten minutes; unfinished ones go as new ones start.
 */
export const mastodonAuthorizations = pgTable('mastodon_authorizations', {
  id: text('id').primaryKey(),
  appId: uuid('app_id')
    .notNull()
    .references(() => mastodonApps.id, { onDelete: 'cascade' }),
  staffSessionId: text('staff_session_id')
    .notNull()
    .references(() => staffSessions.id, { onDelete: 'cascade' }),
  codeVerifierSealed: text('code_verifier_sealed').notNull(),
  lang: locale('lang').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/**
 * Automatic intake per connected account (api/services/social/intake.ts): where the last
 * poll of the platform's notifications stopped, when the next is due (back-off and the
 * platform's rate-limit reset), and whether the platform refused the credentials (then the
 * account needs an administrator and is not polled again until it is connected anew). Holds
 * no notification: what a notification points to is mirrored into its thread, nothing else.
 */
export const socialAccountIntake = pgTable('social_account_intake', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => socialAccounts.id, { onDelete: 'cascade' }),
  /**
   * Mastodon: the newest notification id taken in; Bluesky: the newest `indexedAt` taken in, or,
   * while a pass left part of a burst unread, that part as JSON `{since, until, newest, cursor}`
   * (intake.ts `intakeStateOf`), read first by the next pass.
   */
  cursor: text('cursor'),
  nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull(),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  /** Failed polls in a row (the back-off grows with it) and the last reason, as a code. */
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  /** Set when the platform refused the token or app password (401): shown to administrators. */
  attentionSince: timestamp('attention_since', { withTimezone: true }),
  /** Bluesky: the session's tokens, sealed like the app password, so a poll need not log in each time. */
  sessionSealed: text('session_sealed'),
});

/**
 * Where listening for one term stands. Mastodon: the newest status id taken in. Bluesky: the
 * newest `indexedAt` taken in; or, when a pass stopped before it had read back that far (its
 * page cap, a rate limit), what is still to read: the posts from `since` up to and including
 * `until`, after which the cursor becomes `newest`.
 */
export type ListeningCursor = string | { since: string; until: string; newest: string };

/**
 * Opt-in listening per connected account (api/services/social/listening.ts): the hashtags
 * (Mastodon, Bluesky) and keywords (Bluesky) of the municipality's topics whose public posts
 * the intake also takes in. Off until an administrator switches it on; `version` is raised by
 * every save (optimistic locking). Per term a cursor (ListeningCursor); what was posted before
 * listening was switched on (`enabled_at`) is not taken in.
 */
export const socialListening = pgTable('social_listening', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => socialAccounts.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  terms: jsonb('terms').$type<string[]>().notNull().default([]),
  cursors: jsonb('cursors')
    .$type<Record<string, ListeningCursor>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
  updatedByStaffUserId: uuid('updated_by_staff_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
});

/**
 * Answers on their way to the platform (api/services/social/posting.ts), the mail outbox's
 * pattern: written in the answer's transaction, claimed with `FOR UPDATE SKIP LOCKED` and a
 * lease, retried with back-off. One job per staff reply, so an answer is posted once.
 */
export const socialPostings = pgTable(
  'social_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffReplyId: uuid('staff_reply_id')
      .notNull()
      .unique()
      .references(() => staffReplies.id, { onDelete: 'cascade' }),
    socialPostId: uuid('social_post_id')
      .notNull()
      .references(() => socialPosts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    state: outboxState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** Why the last attempt failed, as a code staff see explained (`token_expired`, `too_long`…). */
    lastError: text('last_error'),
    /** The platform's id and address of what was posted. */
    externalId: text('external_id'),
    url: text('url'),
    /**
     * Bluesky: the record key the answer is created under, chosen and stored before the first
     * attempt, so a retry after a lost answer finds the post instead of posting it twice.
     */
    blueskyRkey: text('bluesky_rkey'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('social_postings_due').on(t.state, t.nextAttemptAt)],
);

/**
 * Staff corrections of the automatic themes on the insights pages, per municipality and theme
 * key (api/services/themes/: the key depends only on the words, so a correction holds in every
 * period): a name of their own, and/or "merge into" another theme's key. `version` is raised
 * by every save, so a change made on a colleague's stale page is refused.
 */
export const themeCorrections = pgTable(
  'theme_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    themeKey: text('theme_key').notNull(),
    /** The name staff gave; Dutch required when named, English falls back on it. */
    label: jsonb('label').$type<LocalizedText>(),
    /** The key of the theme this one is counted under. */
    mergeInto: text('merge_into'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('theme_corrections_key').on(t.organisationId, t.themeKey)],
);

/**
 * Visits to portal pages and downloads, counted by the server from its own requests
 * (api/services/reach/): per Amsterdam day and path, nothing else. No cookie, no address, no
 * user agent, no referrer is stored; bots and failed or non-GET requests are not counted.
 * Each process adds its batch with an additive upsert, so processes add up.
 */
export const pageVisits = pgTable(
  'page_visits',
  {
    day: date('day', { mode: 'string' }).notNull(),
    /** The path without its query string (a page of the built portal, or a download). */
    path: text('path').notNull(),
    /** `page` (an HTML page of the portal) or `download` (an archive or document). */
    kind: text('kind').notNull(),
    visits: bigint('visits', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.path] })],
);

/**
 * Widget loads per embedding site: the widgets' requests to the public API carry the
 * embedding page's Origin (only origins an organisation allowed are counted). `widget` is
 * what the request read (`consultation`: podium-consultation and podium-submit, which read
 * the same; `answers`; `thread`), `subject` the consultation's slug or the thread's id.
 */
export const widgetViews = pgTable(
  'widget_views',
  {
    day: date('day', { mode: 'string' }).notNull(),
    origin: text('origin').notNull(),
    widget: text('widget').notNull(),
    subject: text('subject').notNull(),
    views: bigint('views', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.origin, t.widget, t.subject] })],
);

/**
 * The platform's counts of a mirrored post at a sync, kept only when they changed since the
 * post's previous snapshot: likes, reposts, replies and quotes over time (null where the
 * platform reports no such figure).
 */
export const socialPostMetrics = pgTable(
  'social_post_metrics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => socialPosts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    replies: integer('replies'),
    likes: integer('likes'),
    reposts: integer('reposts'),
    quotes: integer('quotes'),
  },
  (t) => [index('social_post_metrics_post_at').on(t.postId, t.at)],
);

export const announcementKind = pgEnum('announcement_kind', [
  'roadworks',
  'timetable_change',
  'delay',
  'consultation_opens',
  'consultation_closes',
  'consultation_outcome',
]);

export const announcementState = pgEnum('announcement_state', [
  'draft',
  'awaiting_approval',
  'scheduled',
  'published',
  'deleted',
]);

/**
 * An announcement by the municipality's posters (api/services/announcements/): one text,
 * posted at `scheduled_at` to each chosen connected account (`announcement_postings`) and
 * published on the portal at /nieuws/<slug>/. `version` is raised by every change, so a
 * change made on a stale page is refused. A deleted announcement keeps its row (the audit
 * log names it) but leaves the portal and, through its postings, the platforms.
 */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    kind: announcementKind('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** BCP 47 tag of the text, e.g. `nl`; the portal and the platforms get it. */
    language: text('language').notNull(),
    contentWarning: text('content_warning'),
    /** Ids of the connected accounts it goes to. */
    accountIds: uuid('account_ids')
      .array()
      .notNull()
      .default(sql`ARRAY[]::uuid[]`),
    state: announcementState('state').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Who asked for it to be scheduled: the approver must be someone else. */
    submittedBy: uuid('submitted_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('announcements_slug').on(t.organisationId, t.slug),
    index('announcements_due').on(t.state, t.scheduledAt),
  ],
);

/** An image of an announcement, with its required alternative text. */
export const announcementImages = pgTable(
  'announcement_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    mime: text('mime').notNull(),
    bytes: bytea('bytes').notNull(),
    description: text('description').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('announcement_images_announcement').on(t.announcementId, t.position)],
);

/**
 * An image of a consultation (api/services/consultation-images.ts), with its required
 * alternative text in Dutch and English. Stored in the database so both the embedded and the
 * server database carry it; served at `/api/consultation-images/<sha256>.<ext>` (the bytes'
 * own hash, so the address never changes meaning and may be cached for good) once the
 * consultation is public. Width and height let the portal reserve the space before it loads.
 */
export const consultationImages = pgTable(
  'consultation_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    mime: text('mime').notNull(),
    bytes: bytea('bytes').notNull(),
    /** Hex SHA-256 of `bytes`. */
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** The name of the uploaded file: an alternative text may not merely repeat it. */
    fileName: text('file_name').notNull(),
    alt: jsonb('alt').$type<{ nl: string; en: string }>().notNull(),
    caption: jsonb('caption').$type<LocalizedText>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('consultation_images_consultation').on(t.consultationId, t.position),
    index('consultation_images_sha256').on(t.sha256),
  ],
);

/**
 * An announcement on its way to one account (api/services/announcements/outbox.ts), the
 * outbox's pattern: claimed with `FOR UPDATE SKIP LOCKED` and a lease, retried with back-off.
 * `action` is what is still to be done there: publish, carry an edit, or remove.
 */
export const announcementPostings = pgTable(
  'announcement_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    action: text('action').$type<'publish' | 'edit' | 'remove'>().notNull().default('publish'),
    state: outboxState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    externalId: text('external_id'),
    url: text('url'),
    /**
     * Bluesky: the record key the post (or an edit's new post) is created under, chosen and
     * stored before its first attempt; cleared when an edit is queued, which needs a new post.
     */
    blueskyRkey: text('bluesky_rkey'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('announcement_postings_account').on(t.announcementId, t.accountId),
    index('announcement_postings_due').on(t.state, t.nextAttemptAt),
  ],
);

/**
 * Where staff posted an announcement by hand on a platform Podium does not post on (X,
 * Facebook, Instagram): the post's address, and the mirrored thread made for it so
 * residents' replies can be imported from the platform's export file.
 */
export const announcementCopies = pgTable(
  'announcement_copies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    platform: socialPlatform('platform').notNull(),
    url: text('url').notNull(),
    /** The post's id on the platform (X status id, Facebook post id, Instagram shortcode). */
    externalId: text('external_id').notNull(),
    threadId: uuid('thread_id').references(() => socialThreads.id, { onDelete: 'set null' }),
    recordedBy: uuid('recorded_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('announcement_copies_platform').on(t.announcementId, t.platform),
    uniqueIndex('announcement_copies_post').on(t.platform, t.externalId),
  ],
);
