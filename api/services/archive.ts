/**
 * Archive exports: a consultation or a mirrored thread as a public record, in JSON and as
 * one self-contained HTML file (no scripts, no external files: it opens the same in
 * twenty years, from a disk, in any browser), each with the metadata an archivist needs:
 * what, who, when, and under which retention rule.
 *
 * Only published content goes in. Residents' contact details never do, and mirrored
 * posts of residents carry a pseudonym ("Inwoner 1"), not their name or handle: the
 * archive outlives the retention period of personal data.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Consultation, Locale, PublishedSubmission } from '../../shared/contracts/public-content.ts';
import type { SocialThread } from '../../shared/contracts/social-thread.ts';
import type { Db } from '../db/client.ts';
import { consultations, organisations, socialThreads, type LocalizedText } from '../db/schema.ts';
import { escapeHtml } from '../../shared/render/html.ts';
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

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
article{border-top:1px solid #767676;padding:.5rem 0}blockquote{margin:.5rem 0 .5rem 1rem;padding-left:1rem;border-left:3px solid #767676}`;

/** The hash a Content-Security-Policy needs to allow the archive's own style and nothing else. */
export const ARCHIVE_STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

const text = (value: LocalizedText | null | undefined, lang: Locale) =>
  value ? escapeHtml(lang === 'en' ? (value.en ?? value.nl) : value.nl) : '';
const date = (iso: string | null) => (iso ? escapeHtml(iso.slice(0, 10)) : '–');

/** One HTML file, readable without anything else; every value escaped. */
export function renderArchiveHtml(record: ArchiveRecord, lang: Locale): string {
  const m = record.metadata;
  const en = lang === 'en';
  const labels = en
    ? ['What', 'Who', 'Period', 'Exported', 'Source', 'Retention', 'Personal data']
    : ['Wat', 'Wie', 'Periode', 'Geëxporteerd', 'Bron', 'Bewaartermijn', 'Persoonsgegevens'];
  const meta = [
    [labels[0], `${text(m.title, lang)} (${escapeHtml(m.identifier)})`],
    [labels[1], escapeHtml(m.publisher)],
    [labels[2], `${date(m.period.from)} – ${date(m.period.to)}`],
    [labels[3], escapeHtml(m.exportedAt)],
    [labels[4], m.source ? escapeHtml(m.source) : '–'],
    [labels[5], escapeHtml(m.retention.rule)],
    [labels[6], escapeHtml(m.retention.personalData)],
  ]
    .map(([dt, dd]) => `<dt>${dt}</dt><dd>${dd}</dd>`)
    .join('');
  const body = 'consultation' in record ? consultationBody(record, lang) : threadBody(record.thread, lang);
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${en ? 'Archive' : 'Archief'}: ${text(m.title, lang)}</title><style>${STYLE}</style></head>
<body><main><h1>${text(m.title, lang)}</h1>
<section aria-labelledby="meta"><h2 id="meta">${en ? 'About this record' : 'Over dit archiefstuk'}</h2><dl>${meta}</dl></section>
${body}
</main></body></html>
`;
}

function consultationBody(record: Extract<ArchiveRecord, { consultation: Consultation }>, lang: Locale): string {
  const c = record.consultation;
  const en = lang === 'en';
  const prompts = new Map(c.questions.map((q) => [q.key, text(q.prompt, lang)]));
  const answer = (value: unknown) => escapeHtml(Array.isArray(value) ? value.join(', ') : value);
  const items = record.submissions
    .map(
      (s) =>
        `<article><h3>${en ? 'Input of' : 'Inbreng van'} ${date(s.publishedAt)}</h3><dl>${s.answers
          .map((a) => `<dt>${prompts.get(a.question) ?? escapeHtml(a.question)}</dt><dd>${answer(a.value)}</dd>`)
          .join('')}</dl>${s.replies
          .map(
            (r) =>
              `<blockquote lang="${escapeHtml(r.language)}"><p><strong>${en ? 'Answer' : 'Antwoord'} (${date(r.publishedAt)})</strong></p><p>${escapeHtml(r.body)}</p></blockquote>`,
          )
          .join('')}</article>`,
    )
    .join('\n');
  return `<section aria-labelledby="about"><h2 id="about">${en ? 'The consultation' : 'De consultatie'}</h2>
<p>${text(c.summary, lang)}</p><p>${text(c.background, lang)}</p>
<p><strong>${en ? 'Who decides' : 'Wie beslist'}:</strong> ${text(c.whoDecides, lang)}</p>
${c.outcome ? `<p><strong>${en ? 'Outcome' : 'Uitkomst'}:</strong> ${text(c.outcome, lang)}</p>` : ''}</section>
<section aria-labelledby="input"><h2 id="input">${en ? 'Published input' : 'Gepubliceerde inbreng'} (${record.submissions.length})</h2>
${items || `<p>${en ? 'No published input.' : 'Geen gepubliceerde inbreng.'}</p>`}</section>`;
}

function threadBody(thread: SocialThread, lang: Locale): string {
  const en = lang === 'en';
  const posts = thread.posts
    .map((p) => {
      const who = escapeHtml(p.author?.displayName ?? (en ? 'Unknown' : 'Onbekend'));
      const media = p.media
        .map(
          (m) =>
            `<p>[${en ? 'image' : 'afbeelding'}: ${escapeHtml(m.alt ?? (en ? 'no description' : 'geen beschrijving'))}]</p>`,
        )
        .join('');
      const words = p.placeholder ? `<p>[${escapeHtml(p.placeholder)}]</p>` : `<p>${escapeHtml(p.text)}</p>`;
      return `<article${p.lang ? ` lang="${escapeHtml(p.lang)}"` : ''}><h3>${who}, ${date(p.createdAt)}</h3>${words}${media}</article>`;
    })
    .join('\n');
  return `<section aria-labelledby="posts"><h2 id="posts">${en ? 'The conversation' : 'Het gesprek'}</h2>\n${posts}</section>`;
}
