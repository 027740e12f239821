/**
 * Shapes of the public, published content: what the public API returns, what the
 * snapshot for the static build holds, and what widgets render. Defined once with zod
 * so the OpenAPI document, the validation and the TypeScript types cannot drift.
 */
import { z } from '@hono/zod-openapi';
import { EMAIL_MAX_LENGTH } from './email.ts';
import { Locale, LocalizedText } from './localized-text.ts';
import { SocialThreadSummary } from './social-thread.ts';
import { InputText } from './input-text.ts';

export { Locale, LocalizedText };

export const ChoiceOption = z.object({ value: InputText, label: LocalizedText }).openapi('ChoiceOption');

export const Question = z
  .object({
    key: InputText.openapi({ description: 'Field name of the answer', example: 'route' }),
    kind: z.enum(['open_text', 'single_choice', 'multiple_choice', 'scale']),
    prompt: LocalizedText,
    hint: LocalizedText.nullable(),
    required: z.boolean(),
    options: z.array(ChoiceOption).nullable(),
    scaleMin: z.number().int().nullable(),
    scaleMax: z.number().int().nullable(),
    scaleMinLabel: LocalizedText.nullable(),
    scaleMaxLabel: LocalizedText.nullable(),
    maxLength: z.number().int().nullable(),
  })
  .openapi('Question');
export type Question = z.infer<typeof Question>;

export const TopicSummary = z
  .object({
    slug: InputText,
    title: LocalizedText,
    description: LocalizedText,
  })
  .openapi('Topic');
export type TopicSummary = z.infer<typeof TopicSummary>;

export const ConsultationStatus = z.enum(['open', 'closed', 'decided', 'upcoming']).openapi('ConsultationStatus', {
  description: 'As the public sees it: upcoming (not yet open), open, closed, or decided (outcome known).',
});
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

/** An image of a consultation, with its alternative text; width and height in pixels. */
export const ConsultationImage = z
  .object({
    url: InputText.openapi({ description: 'Content-addressed: the same address always holds the same bytes' }),
    width: z.number().int(),
    height: z.number().int(),
    alt: LocalizedText.openapi({ description: 'Alternative text (both languages)' }),
    caption: LocalizedText.nullable(),
  })
  .openapi('ConsultationImage');
export type ConsultationImage = z.infer<typeof ConsultationImage>;

export const Consultation = z
  .object({
    slug: InputText.openapi({ example: 'fietsroute-stationsstraat' }),
    topic: InputText.openapi({ description: 'Slug of the topic' }),
    title: LocalizedText,
    summary: LocalizedText,
    background: LocalizedText,
    afterwards: LocalizedText,
    whoDecides: LocalizedText,
    targetGroups: LocalizedText.nullable(),
    outcome: LocalizedText.nullable(),
    /** Why it was decided so, and what was done with the input ("you said, we did"). */
    outcomeReasons: LocalizedText.nullable().optional(),
    /** Themes from the input the outcome answers. */
    outcomeThemes: z.array(InputText).optional(),
    /** Partner departments and organisations involved. */
    partners: LocalizedText.nullable().optional(),
    /** The steps after the reaction period, shown as a timeline. */
    phases: z.array(z.object({ when: LocalizedText, what: LocalizedText })).optional(),
    department: LocalizedText.nullable(),
    status: ConsultationStatus,
    moderation: z.enum(['pre', 'post']),
    responseDays: z.number().int().openapi({ description: 'Promised response time in working days' }),
    opensAt: InputText.openapi({ format: 'date-time' }),
    closesAt: InputText.openapi({ format: 'date-time' }),
    submissionCount: z.number().int(),
    questions: z.array(Question),
    /** Maps, plans and photos that explain what is asked, in order. */
    images: z.array(ConsultationImage).optional(),
  })
  .openapi('Consultation');
export type Consultation = z.infer<typeof Consultation>;

export const PublishedAnswer = z
  .object({ question: InputText, value: z.union([InputText, z.array(InputText), z.number()]) })
  .openapi('PublishedAnswer');

export const StaffReply = z
  .object({
    language: Locale,
    body: InputText,
    department: LocalizedText.nullable(),
    publishedAt: InputText.openapi({ format: 'date-time' }),
  })
  .openapi('StaffReply');

export const PublishedSubmission = z
  .object({
    id: InputText.openapi({ format: 'uuid' }),
    consultation: InputText,
    language: Locale,
    channel: z.enum(['portal', 'widget', 'social']),
    publishedAt: InputText.openapi({ format: 'date-time' }),
    answers: z.array(PublishedAnswer),
    replies: z.array(StaffReply),
  })
  .openapi('PublishedSubmission');
export type PublishedSubmission = z.infer<typeof PublishedSubmission>;

/** One page of published input with the municipality's answers (GET /api/consultations/{slug}/answers). */
export const PublishedAnswersPage = z
  .object({
    consultation: z.object({
      slug: InputText,
      title: LocalizedText,
      questions: z
        .array(Question.pick({ key: true, kind: true, prompt: true, options: true, scaleMin: true, scaleMax: true }))
        .openapi({ description: 'The questions, to show each answer with its prompt and option labels' }),
    }),
    page: z.number().int().openapi({ description: '1-based' }),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Published input on this consultation, all pages' }),
    pageCount: z.number().int(),
    items: z.array(PublishedSubmission).openapi({ description: 'Newest first' }),
  })
  .openapi('PublishedAnswersPage');
export type PublishedAnswersPage = z.infer<typeof PublishedAnswersPage>;

export const Organisation = z
  .object({
    slug: InputText,
    /** The name in Dutch. */
    name: InputText,
    /** The name in English, when it has one (else English pages show `name`). */
    nameEn: InputText.nullable(),
    /** Shown in the portal's header beside the name; served by Podium, its address changes with the image. */
    logo: z
      .object({ url: InputText, alt: LocalizedText, width: z.number().int(), height: z.number().int() })
      .nullable(),
    locales: z.array(Locale),
    contactEmail: InputText.nullable(),
    websiteUrl: InputText.nullable(),
    phone: InputText.nullable(),
    postalAddress: InputText.nullable(),
    privacyEmail: InputText.nullable(),
    /**
     * The house colours (`#rrggbb`), checked for WCAG contrast on white when they were saved:
     * the accent (links, buttons), the text on it, the focus ring. Widgets apply them unless
     * the embedding page sets the NL Design System tokens itself (widgets/README.md).
     */
    theme: z
      .object({
        accent: InputText.regex(/^#[0-9a-f]{6}$/),
        onAccent: InputText.regex(/^#[0-9a-f]{6}$/),
        focus: InputText.regex(/^#[0-9a-f]{6}$/),
      })
      .openapi('Theme'),
  })
  .openapi('Organisation');
export type Organisation = z.infer<typeof Organisation>;

export const HouseRule = z
  .object({
    code: InputText.openapi({ example: 'respect' }),
    title: LocalizedText,
    body: LocalizedText,
  })
  .openapi('HouseRule', { description: 'A rule published input is held to; moderation decisions cite it.' });
export type HouseRule = z.infer<typeof HouseRule>;

export const AccessibilityStatement = z
  .object({
    status: z.enum(['A', 'B', 'C', 'D', 'E']).openapi({
      description:
        'As in the Dutch model statement: A fully compliant, B partially compliant, C first measures taken, D no measures yet, E non-compliant.',
    }),
    scope: LocalizedText,
    statementDate: InputText.openapi({ format: 'date-time' }),
    audits: z.array(z.object({ title: LocalizedText, by: InputText, date: InputText, url: InputText.nullable() })),
    deviations: z.array(
      z.object({
        criterion: InputText.openapi({ example: '1.2.2' }),
        description: LocalizedText,
        measure: LocalizedText,
        resolveBy: InputText.nullable(),
      }),
    ),
    contactEmail: InputText,
    responseDays: z.number().int(),
  })
  .openapi('AccessibilityStatement');
export type AccessibilityStatement = z.infer<typeof AccessibilityStatement>;

export const RetentionPeriod = z
  .object({
    kind: z.enum(['contact_details', 'input_text', 'social_posts', 'audit_log', 'staff_sessions']),
    days: z.number().int(),
  })
  .openapi('RetentionPeriod', { description: 'How many days the organisation keeps one kind of data' });
export type RetentionPeriod = z.infer<typeof RetentionPeriod>;

export const PublishedAnnouncement = z
  .object({
    slug: InputText,
    kind: z.enum([
      'roadworks',
      'timetable_change',
      'delay',
      'consultation_opens',
      'consultation_closes',
      'consultation_outcome',
    ]),
    title: InputText,
    body: InputText,
    /** BCP 47 tag of the text; the page marks the article with it. */
    language: InputText,
    contentWarning: InputText.nullable(),
    publishedAt: InputText,
    updatedAt: InputText,
    images: z.array(z.object({ id: InputText, description: InputText, url: InputText })),
    /** The municipality's own posts of it on social media (never a resident's), for "also on X". */
    alsoOn: z
      .array(z.object({ platform: z.enum(['mastodon', 'bluesky', 'x', 'facebook', 'instagram']), url: InputText }))
      .default([]),
  })
  .openapi('PublishedAnnouncement');
export type PublishedAnnouncement = z.infer<typeof PublishedAnnouncement>;

/** Everything the static build needs, written by the API for `astro build`. */
export const PublishedSnapshot = z.object({
  generatedAt: InputText,
  organisation: Organisation,
  topics: z.array(TopicSummary),
  consultations: z.array(Consultation),
  /**
   * Published input per consultation slug. The input itself is not here: it grows with
   * history, and the API serves it into the built pages.
   */
  responseCounts: z.record(InputText, z.number().int()),
  houseRules: z.array(HouseRule),
  accessibilityStatement: AccessibilityStatement.nullable(),
  /**
   * Mirrored social threads, counted and dated but without their posts: those grow with
   * history, and the API serves them into the built pages (routes/portal-lists.ts).
   */
  threads: z.array(SocialThreadSummary),
  /** The organisation's retention periods, for the privacy statement. */
  retention: z.array(RetentionPeriod),
  /** Announcements published on the portal's news pages, newest first. */
  announcements: z.array(PublishedAnnouncement).default([]),
});
export type PublishedSnapshot = z.infer<typeof PublishedSnapshot>;

export const SubmissionStatus = z
  .enum(['received', 'in_moderation', 'published', 'rejected', 'answered', 'erased'])
  .openapi('SubmissionStatus', {
    description:
      '`erased`: the input was erased on request (or its text after its retention period); nothing of it is shown',
  });
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** What a resident sees with their follow-up code. */
export const FollowUp = z
  .object({
    code: InputText.openapi({ example: 'K7QM-4XPR-9TWD' }),
    status: SubmissionStatus,
    language: Locale,
    submittedAt: InputText.openapi({ format: 'date-time' }),
    publishedAt: InputText.nullable().openapi({ format: 'date-time' }),
    erasedAt: InputText.nullable().openapi({
      format: 'date-time',
      description: 'When the resident had the input erased',
    }),
    answerDueAt: InputText.openapi({ format: 'date-time', description: 'When the promised response time ends' }),
    moderationReason: LocalizedText.nullable(),
    houseRule: HouseRule.nullable().openapi({ description: 'The house rule the moderation decision cited' }),
    consultation: z.object({ slug: InputText, title: LocalizedText, responseDays: z.number().int() }),
    answers: z.array(
      z.object({
        question: InputText,
        prompt: LocalizedText,
        options: z.array(ChoiceOption).nullable().openapi({ description: 'For choices: the labels of the values' }),
        value: PublishedAnswer.shape.value,
      }),
    ),
    replies: z.array(StaffReply),
  })
  .openapi('FollowUp');
export type FollowUp = z.infer<typeof FollowUp>;

export const SubmissionReceipt = z
  .object({
    code: InputText.openapi({ example: 'K7QM-4XPR-9TWD' }),
    status: SubmissionStatus,
    followUpUrl: InputText.openapi({ example: '/volg/K7QM-4XPR-9TWD/' }),
    answerDueAt: InputText.openapi({ format: 'date-time' }),
  })
  .openapi('SubmissionReceipt');
export type SubmissionReceipt = z.infer<typeof SubmissionReceipt>;

/** RFC 9457 problem details, with one message per invalid field. */
export const Problem = z
  .object({
    type: InputText.openapi({ example: 'https://podium.example/problems/validation' }),
    title: InputText,
    status: z.number().int(),
    detail: InputText.optional(),
    errors: z
      .array(
        z.object({
          field: InputText.openapi({ example: 'answers.route' }),
          code: InputText.openapi({ example: 'required' }),
          message: InputText,
        }),
      )
      .optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

/** Input on a consultation, as a widget or script sends it. */
export const SubmissionRequest = z
  .object({
    answers: z
      .record(InputText.max(100), z.union([InputText.max(20_000), z.array(InputText.max(200)).max(50), z.number()]))
      .openapi({
        description: 'Answers keyed by question key: text, one choice, several choices, or a number on the scale.',
        example: { route: 'parklaan', veiligheid: 2, voorzieningen: ['verlichting'], toelichting: 'Graag meer licht.' },
      }),
    name: InputText.max(200).optional(),
    email: InputText.max(EMAIL_MAX_LENGTH)
      .optional()
      .openapi({ description: 'Only to answer the resident; needs consent. Its format is checked with the answers.' }),
    consent: z.boolean().optional().openapi({ description: 'Consent to use the e-mail address for an answer.' }),
    language: Locale.optional().openapi({ description: 'Language of the input; defaults to Accept-Language.' }),
    channel: z.enum(['portal', 'widget']).optional(),
    altcha: InputText.max(2000)
      .optional()
      .openapi({
        description:
          'Proof of work: base64 of the solved challenge from `GET /api/challenge` (ALTCHA payload). ' +
          'Optional; input without it is accepted and marked for moderators.',
      }),
  })
  .openapi('SubmissionRequest');

/** A proof-of-work challenge in the ALTCHA protocol (https://altcha.org/docs/api/). */
export const ProofOfWorkChallenge = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: InputText.openapi({ description: 'SHA-256 (hex) of `salt` followed by the secret number' }),
    maxnumber: z.number().int().openapi({ description: 'The secret number is between 0 and this' }),
    salt: InputText.openapi({ description: 'Random, with `?expires=<unix seconds>`' }),
    signature: InputText.openapi({ description: "HMAC-SHA-256 (hex) of `challenge` with the server's secret" }),
  })
  .openapi('ProofOfWorkChallenge');
export type ProofOfWorkChallenge = z.infer<typeof ProofOfWorkChallenge>;
export type SubmissionRequest = z.infer<typeof SubmissionRequest>;

/**
 * The key that makes sending input again safe. The `error` names the message residents
 * read (api/messages/texts.ts), so a bad key is explained, not reported as an empty field.
 */
export const IdempotencyKey = InputText.min(8, { error: 'idempotency_key_invalid' })
  .max(200, { error: 'idempotency_key_invalid' })
  .openapi({ description: 'Any unique string of 8 to 200 characters, e.g. a UUID' });

/** The headers of a submission; a form sends the same fields in its body. */
export const SubmissionHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });
