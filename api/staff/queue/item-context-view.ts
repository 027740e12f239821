/**
 * An item's context in the inbox: for a mirrored social post its author, the post it answers
 * and the conversation with this post marked; for any item the resident's contact history
 * (only when the route looked it up, i.e. for roles with `contacts.read`). Everything links to
 * the items themselves: nothing of another item is copied beyond a short excerpt.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { routes } from '../../../shared/urls.ts';
import * as threadTexts from '../../../shared/texts/thread.ts';
import type {
  ContactHistory,
  ContextAuthor,
  ContextPost,
  ItemContext,
  ThreadContext,
} from '../../services/moderation/item-context.ts';
import { pick, time } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import * as contextTexts from './item-context-texts.ts';
import * as queueTexts from './texts.ts';
import { staffPaths } from './paths.ts';

/** Deeper replies are not indented further: at 320 px the text keeps its width. */
const MAX_INDENT = 4;

export function renderItemContext(context: ItemContext | undefined, lang: Locale): Html {
  if (!context) return nothing;
  return html`${context.thread ? renderThread(context.thread, lang) : nothing}${context.history ? renderHistory(context.history, lang) : nothing}`;
}

function authorName(author: ContextAuthor, lang: Locale): string {
  const m = textsFor(contextTexts, lang).conversation;
  switch (author.kind) {
    case 'resident':
      return m.resident(author.pseudonym);
    case 'own':
      return m.own(author.name);
    case 'official':
      return m.official(author.name);
    case 'named':
      return author.name;
    default:
      return m.unknown;
  }
}

function platformName(platform: string, lang: Locale): string {
  return textsFor(threadTexts, lang).platforms[platform as keyof typeof threadTexts.nl.platforms] ?? platform;
}

function renderThread(thread: ThreadContext, lang: Locale): Html {
  const m = textsFor(contextTexts, lang).conversation;
  const parent = thread.parent;
  const answers = parent
    ? html`${authorName(parent.author, lang)}${parent.gone ? html`: ${goneText(parent, lang)}` : html`: <q${attrs({ lang: parent.lang ?? undefined })}>${parent.excerpt}</q>`} <a href="${staffPaths.item(lang, parent.id)}">${m.open(authorName(parent.author, lang), formatDateTime(parent.postedAt, lang))}</a>`
    : m.root;
  const partial = thread.posts.length < thread.total;
  const mirror =
    thread.mirrored && html`<p><a href="${routes.conversation(lang, thread.threadId)}">${m.mirror}</a></p>`;
  return html`<section class="staff-context" aria-labelledby="item-conversation-heading">
<h3 id="item-conversation-heading">${thread.title ? `${m.heading}: ${pick(thread.title, lang)}` : m.untitled(platformName(thread.platform, lang))}</h3>
<dl class="staff-meta">
<div><dt>${m.author}</dt><dd>${authorName(thread.author, lang)}</dd></div>
<div><dt>${m.answers}</dt><dd>${answers}</dd></div>
</dl>
<p>${m.intro}</p>
${partial && html`<p>${m.partial(thread.posts.length, thread.total)}</p>`}
<ol class="staff-thread" aria-label="${m.listLabel}">
${join(
  thread.posts.map((post) => renderPost(post, lang)),
  '\n',
)}
</ol>
${mirror}
</section>`;
}

function goneText(post: ContextPost, lang: Locale): string {
  const m = textsFor(contextTexts, lang).conversation;
  return post.gone === 'deleted' ? m.deleted : m.placeholder;
}

function renderPost(post: ContextPost, lang: Locale): Html {
  const m = textsFor(contextTexts, lang).conversation;
  const states = textsFor(queueTexts, lang).states;
  const author = authorName(post.author, lang);
  const when = formatDateTime(post.postedAt, lang);
  const indent = Math.min(post.depth, MAX_INDENT);
  const classes = ['staff-thread-post', `staff-thread-post--indent-${indent}`];
  if (post.current) classes.push('staff-thread-post--current');
  if (post.state !== 'published') classes.push('staff-thread-post--unpublished');
  const state = post.gone
    ? goneText(post, lang)
    : `${states[post.state]}${post.state === 'published' ? '' : ` (${m.notOnPortal})`}`;
  const text =
    post.gone || !post.excerpt
      ? nothing
      : html`<p class="staff-thread-text"${attrs({ lang: post.lang ?? undefined })}>${post.excerpt}</p>`;
  const open =
    post.current || post.gone
      ? nothing
      : html`<p><a href="${staffPaths.item(lang, post.id)}">${m.open(author, when)}</a></p>`;
  return html`<li${attrs({ class: classes.join(' '), 'aria-current': post.current ? 'true' : undefined })}>
${post.current ? html`<p class="staff-thread-this"><strong>${m.thisPost}</strong></p>` : nothing}
<p class="staff-thread-by"><strong>${author}</strong>, ${time(post.postedAt, when)}${post.answers ? html`, ${m.replyTo(authorName(post.answers, lang))}` : nothing}</p>
<p class="staff-thread-state"><span class="staff-visually-hidden">${m.state}: </span>${state}</p>
${text}
${open}
</li>`;
}

function renderHistory(history: ContactHistory, lang: Locale): Html {
  const m = textsFor(contextTexts, lang).history;
  const states = textsFor(queueTexts, lang).states;
  const heading = html`<h3 id="item-history-heading">${m.heading}</h3>`;
  if (history.kind === 'unlinked') {
    return html`<section class="staff-context" aria-labelledby="item-history-heading">
${heading}
<p>${m.unlinked[history.reason]}</p>
</section>`;
  }
  const entries = history.entries.map((entry) => {
    const when = formatDateTime(entry.createdAt, lang);
    const where = entry.where ? pick(entry.where, lang) : '';
    return html`<li>
<p><a href="${staffPaths.item(lang, entry.id)}">${where || when}</a></p>
<dl class="staff-meta">
<div><dt>${m.date}</dt><dd>${time(entry.createdAt, when)}</dd></div>
<div><dt>${m.state}</dt><dd>${states[entry.state]}</dd></div>
</dl>
${entry.excerpt ? html`<p class="staff-history-text"${attrs({ lang: entry.lang ?? undefined })}>${entry.excerpt}</p>` : nothing}
</li>`;
  });
  return html`<section class="staff-context" aria-labelledby="item-history-heading">
${heading}
<p>${history.by === 'email' ? m.byEmail : m.bySocial}</p>
${
  entries.length === 0
    ? html`<p>${m.none}</p>`
    : html`<ol class="staff-history" aria-label="${m.listLabel}">${join(entries, '\n')}</ol>`
}
${history.more > 0 && html`<p>${m.more(history.more)}</p>`}
</section>`;
}
