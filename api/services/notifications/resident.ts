/**
 * Mails to residents, only when they gave an e-mail address and consent: the receipt with
 * their follow-up code and the municipality's answer (the published outcome joins them with
 * consultation authoring). Each is queued in the outbox inside the transaction of the
 * event, in the language of the resident's input, with one-click unsubscribe.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consultations, organisations, submissionContacts, submissions, type LocalizedText } from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { formatDate } from '../../../shared/format.ts';
import { localized } from '../../../shared/html/components/localized/index.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { routes } from '../../../shared/urls.ts';
import { addWorkingDays } from '../working-days.ts';
import {
  newUnsubscribeToken,
  oneClickHeaders,
  renderMail,
  unsubscribePath,
  type MailBlock,
} from '../../../shared/render/mail.ts';
import { enqueueMail } from './outbox.ts';
import { mailPublicUrl } from './settings.ts';
import * as texts from './texts.ts';

type Tx = Pick<Db, 'select' | 'insert'>;

const titleIn = (title: LocalizedText, lang: Locale) => localized(title, lang).value;

/** The submission with what a mail about it needs, or nothing when the resident may not be mailed. */
async function mailableSubmission(tx: Tx, submissionId: string) {
  const [row] = await tx
    .select({
      id: submissions.id,
      language: submissions.language,
      followUpCode: submissions.followUpCode,
      createdAt: submissions.createdAt,
      responseDueAt: submissions.responseDueAt,
      erasedAt: submissions.erasedAt,
      email: submissionContacts.email,
      consent: submissionContacts.consentToContact,
      consultationSlug: consultations.slug,
      consultationTitle: consultations.title,
      responseDays: consultations.responseDays,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(submissions)
    .innerJoin(submissionContacts, eq(submissionContacts.submissionId, submissions.id))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(and(eq(submissions.id, submissionId), eq(submissionContacts.consentToContact, true)))
    .limit(1);
  if (!row || !row.email || row.erasedAt) return undefined;
  return { ...row, email: row.email };
}

type Mailable = NonNullable<Awaited<ReturnType<typeof mailableSubmission>>>;

async function queueResidentMail(
  tx: Tx,
  target: Mailable,
  kind: string,
  dedupeKey: string,
  build: (lang: Locale) => { subject: string; heading: string; blocks: MailBlock[] },
  now: Date,
): Promise<boolean> {
  const lang = target.language;
  const m = textsFor(texts, lang);
  const { token, hash } = newUnsubscribeToken();
  const unsubscribeUrl = `${mailPublicUrl()}${unsubscribePath(lang, token)}`;
  const content = build(lang);
  const mail = renderMail({
    lang,
    subject: content.subject,
    heading: content.heading,
    blocks: [
      { kind: 'text', text: m.greeting },
      ...content.blocks,
      { kind: 'text', text: m.signature(target.organisationName) },
    ],
    footer: [
      { kind: 'text', text: m.footerWhy },
      { kind: 'link', href: unsubscribeUrl, text: m.unsubscribeText },
    ],
  });
  return enqueueMail(
    tx,
    {
      organisationId: target.organisationId,
      submissionId: target.id,
      recipient: target.email,
      kind,
      locale: lang,
      ...mail,
      headers: oneClickHeaders(unsubscribeUrl),
      dedupeKey,
      unsubscribeTokenHash: hash,
    },
    now,
  );
}

/** The receipt after submitting: the follow-up code, when to expect an answer, and the link. */
export async function queueReceipt(tx: Tx, submissionId: string, now: Date): Promise<boolean> {
  const target = await mailableSubmission(tx, submissionId);
  if (!target) return false;
  return queueResidentMail(
    tx,
    target,
    'resident.receipt',
    `receipt:${submissionId}`,
    (lang) => {
      const m = textsFor(texts, lang).receipt;
      const title = titleIn(target.consultationTitle, lang);
      return {
        subject: m.subject(title),
        heading: m.heading,
        blocks: [
          { kind: 'text', text: m.body(title) },
          { kind: 'text', text: m.code(target.followUpCode) },
          {
            kind: 'text',
            text: m.due(
              formatDate(target.responseDueAt ?? addWorkingDays(target.createdAt, target.responseDays), lang),
            ),
          },
          { kind: 'link', href: `${mailPublicUrl()}${routes.followUp(lang, target.followUpCode)}`, text: m.link },
        ],
      };
    },
    now,
  );
}

/**
 * The municipality's answer, in the resident's language; the answer itself is marked with
 * its own language when staff wrote it in the other one.
 */
export async function queueAnswerMail(
  tx: Tx,
  params: { submissionId: string; replyId: string; body: string; language: Locale },
  now: Date,
): Promise<boolean> {
  const target = await mailableSubmission(tx, params.submissionId);
  if (!target) return false;
  return queueResidentMail(
    tx,
    target,
    'resident.answer',
    `answer:${params.replyId}`,
    (lang) => {
      const m = textsFor(texts, lang).answer;
      const title = titleIn(target.consultationTitle, lang);
      return {
        subject: m.subject(title),
        heading: m.heading,
        blocks: [
          { kind: 'text', text: m.intro(title) },
          { kind: 'quote', text: params.body, lang: params.language },
          { kind: 'link', href: `${mailPublicUrl()}${routes.followUp(lang, target.followUpCode)}`, text: m.link },
        ],
      };
    },
    now,
  );
}

/**
 * The published outcome ("you said, we did"), once per submission: what was decided and why,
 * in the resident's language where staff translated it, and the consultation's page.
 */
export async function queueOutcomeMail(tx: Tx, submissionId: string, now: Date): Promise<boolean> {
  const target = await mailableSubmission(tx, submissionId);
  if (!target) return false;
  const [decided] = await tx
    .select({ outcome: consultations.outcome, reasons: consultations.outcomeReasons })
    .from(consultations)
    .where(eq(consultations.slug, target.consultationSlug))
    .limit(1);
  if (!decided?.outcome) return false;
  return queueResidentMail(
    tx,
    target,
    'resident.outcome',
    `outcome:${submissionId}`,
    (lang) => {
      const m = textsFor(texts, lang).outcome;
      const title = titleIn(target.consultationTitle, lang);
      const outcome = localized(decided.outcome!, lang);
      const reasons = decided.reasons && localized(decided.reasons, lang);
      return {
        subject: m.subject(title),
        heading: m.heading,
        blocks: [
          { kind: 'text', text: m.intro(title) },
          { kind: 'quote', text: outcome.value, lang: outcome.lang },
          ...(reasons
            ? [
                { kind: 'text', text: m.why } as const,
                { kind: 'quote', text: reasons.value, lang: reasons.lang } as const,
              ]
            : []),
          {
            kind: 'link',
            href: `${mailPublicUrl()}${routes.consultation(lang, target.consultationSlug)}`,
            text: m.link,
          },
        ],
      };
    },
    now,
  );
}
