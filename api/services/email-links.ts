/**
 * A verified e-mail link for a resident who lost their follow-up code: they ask with the
 * address they gave, Podium mails a single-use link that works for 24 hours, and the link
 * opens a list of their input (with each code, so export and erasure work as with the code).
 *
 * Asking tells nothing about the address: the caller answers the same whether or not it
 * is known, and the mail is queued in the durable outbox (services/notifications/) in the
 * transaction that stores the link, so it leaves in the background like every other mail,
 * is retried when the mail server is away, and the answer does not take longer when the
 * address is known. Only a hash of the token is stored. A few links per address per hour
 * at most, so the form cannot be used to flood someone's mailbox.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Locale } from '../../shared/contracts/public-content.ts';
import type { LocalizedText } from '../db/schema.ts';
import type { Db } from '../db/client.ts';
import { consultations, emailLinks, outboxMessages, submissionContacts, submissions } from '../db/schema.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as rightsTexts from '../../shared/texts/rights.ts';
import { routes } from '../../shared/urls.ts';
import { renderMail } from '../../shared/render/mail.ts';
import { recordAudit } from './audit.ts';
import { enqueueMail } from './notifications/outbox.ts';

export const EMAIL_LINK_HOURS = 24;
/** Links one address can be sent per hour. */
export const EMAIL_LINKS_PER_HOUR = 3;
/** The outbox `kind` of the link mail. */
export const EMAIL_LINK_MAIL = 'resident.email_link';

const hashToken = (token: string) => createHash('sha256').update(`podium-email-link:${token}`).digest('base64url');
const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A token as it appears in a link: 43 URL-safe characters. Anything else is not worth a query. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * Queues a link when the address belongs to input Podium still holds. Resolves when the
 * link and its mail are stored, not when the mail is out: the caller answers the same either way.
 */
export async function requestEmailLink(
  db: Db,
  params: { email: string; lang: Locale; now: Date; publicUrl: string },
): Promise<void> {
  const { now, lang } = params;
  const email = normaliseEmail(params.email);
  await deleteExpiredEmailLinks(db, now);

  const [known] = await db
    .select({ organisationId: consultations.organisationId })
    .from(submissionContacts)
    .innerJoin(submissions, eq(submissions.id, submissionContacts.submissionId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(sql`lower(${submissionContacts.email}) = ${email}`)
    .limit(1);
  if (!known) return;
  const [recent] = await db
    .select({ n: count() })
    .from(emailLinks)
    .where(and(eq(emailLinks.email, email), gt(emailLinks.createdAt, new Date(now.getTime() - 3_600_000))));
  if ((recent?.n ?? 0) >= EMAIL_LINKS_PER_HOUR) return;

  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const m = textsFor(rightsTexts, lang);
  const url = `${params.publicUrl.replace(/\/+$/, '')}${routes.myData(lang, token)}`;
  const mail = renderMail({
    lang,
    subject: m.mailSubject,
    heading: m.mailSubject,
    blocks: [
      { kind: 'text', text: m.mailIntro },
      { kind: 'link', href: url, text: m.mailLink },
      { kind: 'text', text: m.mailValidity },
    ],
    // Asked for by the person, once: nothing to unsubscribe from.
    footer: [{ kind: 'text', text: m.mailIgnore }],
  });
  await db.transaction(async (tx) => {
    await tx.insert(emailLinks).values({
      tokenHash,
      email,
      language: lang,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EMAIL_LINK_HOURS * 3_600_000),
    });
    await recordAudit(tx, {
      organisationId: known.organisationId,
      at: now,
      actorType: 'resident',
      action: 'email_link.sent',
      subjectType: 'person',
      details: {},
    });
    await enqueueMail(
      tx,
      {
        organisationId: known.organisationId,
        recipient: email,
        kind: EMAIL_LINK_MAIL,
        locale: lang,
        ...mail,
        // One mail per link: the token's hash names the event without holding the token.
        dedupeKey: `email-link:${tokenHash}`,
      },
      now,
    );
  });
}

/**
 * Expired links (used or not) go, and so do their mails in the outbox, which hold the
 * address and a link that opens nothing any more: the retention purge calls this too, so
 * none outlive a day by much.
 */
export async function deleteExpiredEmailLinks(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(emailLinks)
    .where(lt(emailLinks.expiresAt, now))
    .returning({ tokenHash: emailLinks.tokenHash });
  await db
    .delete(outboxMessages)
    .where(
      and(
        eq(outboxMessages.kind, EMAIL_LINK_MAIL),
        lt(outboxMessages.createdAt, new Date(now.getTime() - EMAIL_LINK_HOURS * 3_600_000)),
      ),
    );
  return deleted.length;
}

/** Whether a link still works, without using it up (the page before the button). */
export async function emailLinkIsValid(db: Db, token: string, now: Date): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const [row] = await db
    .select({ expiresAt: emailLinks.expiresAt })
    .from(emailLinks)
    .where(and(eq(emailLinks.tokenHash, hashToken(token)), isNull(emailLinks.usedAt), gt(emailLinks.expiresAt, now)));
  return row !== undefined;
}

export type LinkedSubmission = {
  code: string;
  consultationTitle: LocalizedText;
  submittedAt: string;
  erasedAt: string | null;
};

/**
 * Uses up the link (one conditional UPDATE, so two clicks cannot both pass) and lists the
 * input given with its address; undefined when the link is unknown, used or expired.
 */
export async function openEmailLink(db: Db, token: string, now: Date): Promise<LinkedSubmission[] | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const [link] = await db
    .update(emailLinks)
    .set({ usedAt: now })
    .where(and(eq(emailLinks.tokenHash, hashToken(token)), isNull(emailLinks.usedAt), gt(emailLinks.expiresAt, now)))
    .returning({ email: emailLinks.email });
  if (!link) return undefined;
  const rows = await db
    .select({ submission: submissions, title: consultations.title, organisationId: consultations.organisationId })
    .from(submissionContacts)
    .innerJoin(submissions, eq(submissions.id, submissionContacts.submissionId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(sql`lower(${submissionContacts.email}) = ${link.email}`)
    .orderBy(asc(submissions.createdAt));
  await recordAudit(db, {
    organisationId: rows[0]?.organisationId ?? null,
    at: now,
    actorType: 'resident',
    action: 'email_link.used',
    subjectType: 'person',
    details: { submissions: rows.length },
  });
  return rows.map(({ submission, title }) => ({
    code: submission.followUpCode,
    consultationTitle: title,
    submittedAt: submission.createdAt.toISOString(),
    erasedAt: submission.erasedAt?.toISOString() ?? null,
  }));
}
