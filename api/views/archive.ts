/**
 * The archive's HTML file: one self-contained document (no scripts, no external files: it
 * opens the same in twenty years, from a disk, in any browser) with the record's metadata
 * and its published content. The data comes from api/services/archive.ts.
 */
import { createHash } from 'node:crypto';
import type { Consultation, Locale } from '../../shared/contracts/public-content.ts';
import type { SocialThread } from '../../shared/contracts/social-thread.ts';
import { attrs, html, localized, nothing, raw, type Html, type Localized } from '../../shared/html/index.ts';
import type { ArchiveRecord } from '../services/archive.ts';
import { en, nl } from './archive-texts.ts';

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
article{border-top:1px solid #767676;padding:.5rem 0}blockquote{margin:.5rem 0 .5rem 1rem;padding-left:1rem;border-left:3px solid #767676}`;

/** The hash a Content-Security-Policy needs to allow the archive's own style and nothing else. */
export const ARCHIVE_STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

const texts = { nl, en };
type Texts = typeof nl;

/** The text in the file's language, Dutch where there is no translation; '' when absent. */
const text = (value: Localized | null | undefined, lang: Locale) => (value ? localized(value, lang).value : '');
/** The day of an ISO moment, or a dash. */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');

/** One HTML file, readable without anything else. */
export function renderArchiveHtml(record: ArchiveRecord, lang: Locale): string {
  const m = texts[lang];
  const meta = record.metadata;
  const facts: Array<[string, Html | string]> = [
    [m.labels.what, `${text(meta.title, lang)} (${meta.identifier})`],
    [m.labels.who, meta.publisher],
    [m.labels.period, `${day(meta.period.from)} – ${day(meta.period.to)}`],
    [m.labels.exported, meta.exportedAt],
    [m.labels.source, meta.source ?? '–'],
    [m.labels.retention, meta.retention.rule],
    [m.labels.personalData, meta.retention.personalData],
  ];
  const body = 'consultation' in record ? consultationBody(record, lang, m) : threadBody(record.thread, m);
  // The style is Podium's own, and its hash is in the Content-Security-Policy.
  return String(html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.title(text(meta.title, lang))}</title><style>${raw(STYLE)}</style></head>
<body><main><h1>${text(meta.title, lang)}</h1>
<section aria-labelledby="meta"><h2 id="meta">${m.aboutHeading}</h2><dl>${facts.map(([dt, dd]) => html`<dt>${dt}</dt><dd>${dd}</dd>`)}</dl></section>
${body}
</main></body></html>
`);
}

function consultationBody(
  record: Extract<ArchiveRecord, { consultation: Consultation }>,
  lang: Locale,
  m: Texts,
): Html {
  const c = record.consultation;
  const prompts = new Map(c.questions.map((q) => [q.key, text(q.prompt, lang)]));
  const answer = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
  const items = record.submissions.map(
    (s, index) =>
      html`${index > 0 ? '\n' : nothing}<article><h3>${m.inputOf(day(s.publishedAt))}</h3><dl>${s.answers.map(
        (a) => html`<dt>${prompts.get(a.question) ?? a.question}</dt><dd>${answer(a.value)}</dd>`,
      )}</dl>${s.replies.map(
        (r) =>
          html`<blockquote lang="${r.language}"><p><strong>${m.answer(day(r.publishedAt))}</strong></p><p>${r.body}</p></blockquote>`,
      )}</article>`,
  );
  return html`<section aria-labelledby="about"><h2 id="about">${m.consultationHeading}</h2>
<p>${text(c.summary, lang)}</p><p>${text(c.background, lang)}</p>
<p><strong>${m.whoDecides}:</strong> ${text(c.whoDecides, lang)}</p>
${c.outcome ? html`<p><strong>${m.outcome}:</strong> ${text(c.outcome, lang)}</p>` : nothing}</section>
<section aria-labelledby="input"><h2 id="input">${m.inputHeading(record.submissions.length)}</h2>
${items.length > 0 ? items : html`<p>${m.noInput}</p>`}</section>`;
}

/** Plain text with blank lines between paragraphs, as answers are written. */
const paragraphs = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p>${part}</p>`);

function threadBody(thread: SocialThread, m: Texts): Html {
  const posts = thread.posts.map(
    (p, index) =>
      html`${index > 0 ? '\n' : nothing}<article${attrs({ lang: p.lang || undefined })}><h3>${p.author?.displayName ?? m.unknownAuthor}, ${day(p.createdAt)}</h3>${
        p.placeholder ? html`<p>[${p.placeholder}]</p>` : html`<p>${p.text}</p>`
      }${p.media.map((media) => html`<p>${m.image(media.alt ?? m.noDescription)}</p>`)}${(p.answers ?? []).map(
        (a) =>
          html`<blockquote lang="${a.lang}"><p><strong>${m.municipalityAnswer(day(a.publishedAt))}</strong></p>${paragraphs(a.body)}</blockquote>`,
      )}</article>`,
  );
  return html`<section aria-labelledby="posts"><h2 id="posts">${m.conversationHeading}</h2>\n${posts}</section>`;
}
