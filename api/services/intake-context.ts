/**
 * What taking in input on a consultation reads besides the input itself — the
 * consultation and its questions, the office calendar and channel guidelines (for the due
 * time), the topic's routing rules and the municipality's sentiment model — read once per
 * process and kept while it holds.
 *
 * Whether it still holds is one read of `intake_revision`, a number that triggers in the
 * database bump on every statement that writes to any of those tables (migration 0021), in
 * whichever process or tool the write came from. So a consultation closed, a question
 * changed or a promise edited counts from the very next input. The statement that stores input
 * compares that number as it writes (`stillCurrent`), so the check costs no round trip of its
 * own; when it changed, the statement undoes itself and the input is taken again on a fresh read.
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultations, intakeRevision, questions, type SentimentRecord } from '../db/schema.ts';
import type { OfficeCalendar } from './office-hours/calendar.ts';
import { dueAtFor, inputPromise, loadCalendar, loadGuidelines } from './office-hours/due-times.ts';
import { sentimentClassifier } from './item-sentiment.ts';
import type { Assignment, Channel } from './moderation/source.ts';
import { pickRoute, routingRulesFor } from './webcare/routing.ts';

type ConsultationRow = typeof consultations.$inferSelect;
type QuestionRow = typeof questions.$inferSelect;

export type IntakeContext = {
  /** The `intake_revision` it was read at, to check in the statement that uses it (`stillCurrent`). */
  revision: number;
  consultation: ConsultationRow;
  /** In the order residents see them. */
  questions: QuestionRow[];
  /** When the response promise for input arriving now on this channel ends. */
  dueAt(channel: Channel, arrival: Date): Date;
  /** Who the input is assigned to on arrival. */
  route(channel: Channel): Assignment;
  /** The municipality's sentiment classifier (its correction model when it has one). */
  classify(text: string, lang: string, now: Date): SentimentRecord;
};

type Cached = { revision: number; context: IntakeContext | undefined };

// Per database handle: tests and tools open several databases in one process.
const caches = new WeakMap<Db, Map<string, Cached>>();

/** The current revision; 0 on a database from before the table (cached never). */
async function currentRevision(db: Db): Promise<number> {
  const [row] = await db.select({ version: intakeRevision.version }).from(intakeRevision).limit(1);
  return row?.version ?? 0;
}

/**
 * The context of the consultation with this address, or undefined when there is none.
 *
 * @example
 * const context = await intakeContext(db, 'fietsroute-stationsstraat');
 * context?.dueAt('widget', new Date());
 */
export async function intakeContext(db: Db, slug: string): Promise<IntakeContext | undefined> {
  const cache = cacheOf(db);
  const revision = await currentRevision(db);
  const cached = cache.get(slug);
  if (cached && revision !== 0 && cached.revision === revision) return cached.context;
  return load(db, slug, revision);
}

/**
 * The context as this process last read it, without asking whether it still holds: for a
 * caller that checks `stillCurrent` in the statement that uses it (the check then costs
 * no round trip of its own), and reads it again with `intakeContext` when it did not hold.
 */
export async function lastKnownIntakeContext(db: Db, slug: string): Promise<IntakeContext | undefined> {
  const cached = cacheOf(db).get(slug);
  return cached && cached.revision !== 0 ? cached.context : intakeContext(db, slug);
}

/** The condition that nothing the context was read from changed since, for the statement that uses it. */
export function stillCurrent(context: IntakeContext): SQL {
  return sql`coalesce((select ${intakeRevision.version} from ${intakeRevision} limit 1), 0) = ${context.revision}`;
}

function cacheOf(db: Db): Map<string, Cached> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

async function load(db: Db, slug: string, revision: number): Promise<IntakeContext | undefined> {
  const cache = cacheOf(db);
  const context = await loadIntakeContext(db, slug, revision);
  // A slug that does not exist is cached too: a flood of input to a wrong address costs one read each.
  if (cache.size > 1000) cache.clear();
  cache.set(slug, { revision, context });
  return context;
}

async function loadIntakeContext(db: Db, slug: string, revision: number): Promise<IntakeContext | undefined> {
  const [consultation] = await db.select().from(consultations).where(eq(consultations.slug, slug)).limit(1);
  if (!consultation) return undefined;
  const organisationId = consultation.organisationId;
  const [questionRows, calendar, guidelines, rules, classify] = await Promise.all([
    db.select().from(questions).where(eq(questions.consultationId, consultation.id)).orderBy(asc(questions.position)),
    loadCalendar(db, organisationId),
    loadGuidelines(db, organisationId),
    routingRulesFor(db, { organisationId, topicId: consultation.topicId }),
    sentimentClassifier(db, organisationId),
  ]);
  return {
    revision,
    consultation,
    questions: questionRows,
    dueAt: (channel, arrival) =>
      dueAtFor(
        calendar satisfies OfficeCalendar,
        arrival,
        inputPromise(guidelines, channel, consultation.responseDays),
      ),
    route: (channel) => pickRoute(rules, channel),
    classify,
  };
}
