/**
 * The durable mail outbox. A service that causes a mail writes it here with `enqueueMail`,
 * in the same transaction as the event (a rolled-back answer sends nothing, a committed one
 * cannot lose its mail). Every API process runs the sender loop (`startMailSender`); each
 * pass claims due messages with `FOR UPDATE SKIP LOCKED` and a lease, so with several
 * processes each message is taken by exactly one of them, and a message whose sender died
 * after claiming it is taken again when its lease runs out.
 *
 * Delivery is at least once across a crash between handing a message to the transport and
 * recording it as sent (the only window no database can close); within a running
 * deployment every message is sent once. Failures are retried with exponential back-off
 * (`retryDelayMs`), up to `MAX_ATTEMPTS`; then the message is `failed` and stays for the
 * operator to see.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema.ts';
import { describeError } from '../../lib/log-error.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import type { MailTransport } from '../mail.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = Omit<
  typeof outboxMessages.$inferInsert,
  'id' | 'state' | 'attempts' | 'leaseUntil' | 'sentAt' | 'lastError' | 'createdAt' | 'nextAttemptAt'
> & { nextAttemptAt?: Date };

/** Accepts a transaction as well as the database handle. */
type Writer = Pick<Db, 'insert'>;

/** After this many failed attempts a message is `failed` (about a day and a half with the back-off below). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;
/** How long a claimed message is this process's to send; after that another may take it. */
export const SEND_LEASE_MS = 5 * 60_000;

/**
 * The wait before attempt `attempts + 1`: 1, 2, 4, 8… minutes, capped at six hours.
 *
 * @example retryDelayMs(1) // 60_000
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Queues a message. With a `dedupeKey`, a second message for the same event is ignored.
 * @returns whether a message was queued
 */
export async function enqueueMail(tx: Writer, message: NewOutboxMessage, now: Date): Promise<boolean> {
  const rows = await tx
    .insert(outboxMessages)
    .values({ ...message, nextAttemptAt: message.nextAttemptAt ?? now, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

/**
 * Claims up to `limit` due messages for this process: pending ones whose time has come,
 * and ones another sender claimed but did not finish before its lease ran out.
 */
export async function claimDueMail(db: Db, now: Date, limit = 20): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(now.getTime() + SEND_LEASE_MS);
  // A raw fragment: its parameters are not mapped by the columns, so the moment goes as text.
  const moment = now.toISOString();
  const due = sql`select ${outboxMessages.id} from ${outboxMessages}
    where (${outboxMessages.state} = 'pending' and ${outboxMessages.nextAttemptAt} <= ${moment})
       or (${outboxMessages.state} = 'sending' and ${outboxMessages.leaseUntil} <= ${moment})
    order by ${outboxMessages.nextAttemptAt}
    limit ${limit}
    for update skip locked`;
  return db
    .update(outboxMessages)
    .set({ state: 'sending', leaseUntil, attempts: sql`${outboxMessages.attempts} + 1` })
    .where(sql`${outboxMessages.id} in (${due})`)
    .returning();
}

export type SendPassResult = { sent: number; retried: number; failed: number };

/** One pass of the sender: claim what is due, send each, record the outcome. */
export async function sendDueMail(
  db: Db,
  transport: MailTransport,
  options: { now?: () => Date; limit?: number; log?: (line: string) => void } = {},
): Promise<SendPassResult> {
  const now = options.now ?? (() => new Date());
  const result: SendPassResult = { sent: 0, retried: 0, failed: 0 };
  for (const message of await claimDueMail(db, now(), options.limit)) {
    try {
      await transport.send({
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        language: message.locale,
        headers: message.headers,
      });
      await db
        .update(outboxMessages)
        .set({ state: 'sent', sentAt: now(), leaseUntil: null, lastError: null })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.state, 'sending')));
      result.sent++;
    } catch (error) {
      const gaveUp = message.attempts >= MAX_ATTEMPTS;
      // The error names the server's answer, never the message: addresses stay out of logs.
      const reason = describeError(error).slice(0, 500);
      await db
        .update(outboxMessages)
        .set({
          state: gaveUp ? 'failed' : 'pending',
          leaseUntil: null,
          lastError: reason,
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(message.attempts)),
        })
        .where(eq(outboxMessages.id, message.id));
      if (gaveUp) result.failed++;
      else result.retried++;
      options.log?.(`Mail ${message.id} (${message.kind}) not sent, attempt ${message.attempts}: ${reason}`);
    }
  }
  return result;
}

/** The sender loop every API process runs; stop it with the returned function. */
export function startMailSender(
  db: Db,
  transport: MailTransport,
  options: { everyMs: number; log?: (line: string) => void },
): () => Promise<void> {
  const log = options.log ?? console.log;
  return startBackgroundLoop(
    'mail-sender',
    async () => {
      try {
        // Drain what is due in batches, so a burst (a closing consultation) does not wait a pass per 20.
        for (;;) {
          const pass = await sendDueMail(db, transport, { log });
          if (pass.sent + pass.retried + pass.failed < 20) break;
        }
      } catch (error) {
        log(`The mail sender pass failed: ${describeError(error)}`);
        throw error;
      }
    },
    options.everyMs,
  );
}

/**
 * Erasure of a submission: its messages (queued or sent) hold the resident's address and
 * words, so they go with it. Call in the erasure's transaction.
 */
export async function forgetSubmissionMail(
  tx: Pick<Db, 'delete'>,
  submissionIds: string | readonly string[],
): Promise<number> {
  const ids = typeof submissionIds === 'string' ? [submissionIds] : [...submissionIds];
  if (ids.length === 0) return 0;
  const rows = await tx
    .delete(outboxMessages)
    .where(inArray(outboxMessages.submissionId, ids))
    .returning({ id: outboxMessages.id });
  return rows.length;
}
