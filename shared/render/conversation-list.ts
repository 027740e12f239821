/**
 * A page of the portal's list of mirrored conversations (`/gesprekken/`): each with its
 * title, platform, how many posts it shows, when it started and the consultation it belongs
 * to, then the pager. Residents appear in none of it: titles are the municipality's, the rest
 * is counted. Rendered by the API into the built shell (api/routes/portal-lists.ts).
 */
import type { Locale } from '../contracts/public-content.ts';
import type { LocalizedText } from '../contracts/localized-text.ts';
import type { SocialThreadSummary } from '../contracts/social-thread.ts';
import { textsFor } from '../i18n.ts';
import * as threadTexts from '../texts/thread.ts';
import { html, inlineText, join, nothing, time, type Html } from '../html/index.ts';
import { routes } from '../urls.ts';
import { renderPager } from './published-lists.ts';
import { conversationTitle } from './thread.ts';

export type ConversationListItem = Pick<
  SocialThreadSummary,
  'id' | 'platform' | 'title' | 'postCount' | 'startedAt'
> & {
  consultation: { slug: string; title: LocalizedText } | null;
};

/** The list's title, with the page when it has several. */
export function conversationListTitle(lang: Locale, page: number, pages: number): string {
  const m = textsFor(threadTexts, lang);
  return pages > 1 ? m.titlePage(m.allConversationsTitle, page, pages) : m.allConversationsTitle;
}

export function renderConversationList(
  lang: Locale,
  list: { items: ConversationListItem[]; page: number; pages: number },
): Html {
  const m = textsFor(threadTexts, lang);
  if (list.items.length === 0) return html`<p>${m.noConversations}</p>`;
  const items = list.items.map((thread) => {
    const started = thread.startedAt ? html` · ${time({ moment: thread.startedAt, lang, style: 'date' })}` : nothing;
    const about = thread.consultation
      ? html`<p>${m.aboutConsultation} <a href="${routes.consultation(lang, thread.consultation.slug)}">${inlineText(thread.consultation.title, lang)}</a></p>`
      : nothing;
    return html`<li class="podium-card">
<h2><a href="${routes.conversation(lang, thread.id)}">${conversationTitle(thread, lang)}</a></h2>
<p class="podium-meta">${m.conversationLink(m.platforms[thread.platform], thread.postCount)}${started}</p>
${about}
</li>`;
  });
  return html`<ul class="podium-card-list">
${join(items, '\n')}
</ul>
${renderPager(lang, list.page, list.pages, (n) => routes.conversations(lang, n))}`;
}
