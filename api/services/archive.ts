/**
 * Archive exports: a consultation or a mirrored thread as a public record, with the
 * metadata an archivist needs: what, who, when, and under which retention rule. This
 * module gathers the record; the JSON is the record itself, the HTML file is rendered by
 * api/views/archive.ts.
 *
 * Only published content goes in. Residents' contact details never do, and mirrored
 * posts of residents carry a pseudonym ("Inwoner 1"), not their name or handle: the
 * archive outlives the retention period of personal data.
 */
import { eq } from 'drizzle-orm';
import type { Consultation, PublishedSubmission } from '../../shared/contracts/public-content.ts';
import type { SocialThread } from '../../shared/contracts/social-thread.ts';
import type { Db } from '../db/client.ts';
import { consultations, organisations, socialThreads, type LocalizedText } from '../db/schema.ts';
import { findConsultation } from './consultations.ts';
import { listPublishedSubmissions } from './published-content.ts';
import { readThread } from './social/threads.ts';

export type ArchiveMetadata = {
  /** What: the record's title and its identifier in Podium. */
  title: LocalizedText;
  identifier: string;
  kind: 'consultation' | 'social-thread';
  /** Who: the organisation that holds the record. */
  publisher: string;
  /** When: the period the record covers, and the moment of this export. */
  period: { from: string | null; to: string | null };
  exportedAt: string;
  source: string | null;
  retention: { rule: string; personalData: string };
};

export type ArchiveRecord =
  | {
      format: 'podium.archive/1';
      metadata: ArchiveMetadata;
      consultation: Consultation;
      submissions: PublishedSubmission[];
    }
  | { format: 'podium.archive/1'; metadata: ArchiveMetadata; thread: SocialThread };

const RETENTION_RULE =
  'Public record of the organisation: kept as its archive rules require (in the Netherlands the Archiefwet ' +
  'and the selectielijst gemeenten). Contains no personal data that has its own retention period.';

export async function consultationArchive(db: Db, slug: string, now: Date): Promise<ArchiveRecord | undefined> {
  const consultation = await findConsultation(db, slug, now);
  if (!consultation) return undefined;
  const [org] = await db
    .select({ name: organisations.name })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(eq(consultations.slug, slug));
  return {
    format: 'podium.archive/1',
    metadata: {
      title: consultation.title,
      identifier: `consultation:${consultation.slug}`,
      kind: 'consultation',
      publisher: org?.name ?? '',
      period: { from: consultation.opensAt, to: consultation.closesAt },
      exportedAt: now.toISOString(),
      source: null,
      retention: {
        rule: RETENTION_RULE,
        personalData: 'Published input without names or contact details; erased input is left out.',
      },
    },
    consultation,
    submissions: await listPublishedSubmissions(db, { consultation: slug }),
  };
}

export async function threadArchive(db: Db, threadId: string, now: Date): Promise<ArchiveRecord | undefined> {
  const thread = await readThread(db, threadId);
  if (!thread) return undefined;
  const [org] = await db
    .select({ name: organisations.name })
    .from(socialThreads)
    .innerJoin(organisations, eq(organisations.id, socialThreads.organisationId))
    .where(eq(socialThreads.id, threadId));
  const times = thread.posts.map((p) => p.createdAt).sort();
  return {
    format: 'podium.archive/1',
    metadata: {
      title: thread.title ?? { nl: `Gesprek op ${thread.platform}`, en: `Conversation on ${thread.platform}` },
      identifier: `social-thread:${thread.id}`,
      kind: 'social-thread',
      publisher: org?.name ?? '',
      period: { from: times[0] ?? null, to: times.at(-1) ?? null },
      exportedAt: now.toISOString(),
      source: thread.url,
      retention: {
        rule: RETENTION_RULE,
        personalData: 'Residents appear under a pseudonym (Inwoner 1, 2, …); official accounts under their name.',
      },
    },
    thread: pseudonymise(thread),
  };
}

/** Residents become "Inwoner n" in order of appearance; official accounts keep their name. */
function pseudonymise(thread: SocialThread): SocialThread {
  const numbers = new Map<string, number>();
  return {
    ...thread,
    posts: thread.posts.map((post) => {
      if (!post.author || post.author.isOfficial) return { ...post, mentions: [] };
      const who = post.author.handle ?? post.author.displayName ?? post.id;
      if (!numbers.has(who)) numbers.set(who, numbers.size + 1);
      return {
        ...post,
        url: null,
        mentions: [],
        author: { ...post.author, displayName: `Inwoner ${numbers.get(who)}`, handle: null, url: null },
      };
    }),
  };
}
