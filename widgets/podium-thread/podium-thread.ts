/**
 * <podium-thread consultation="fietsroute-stationsstraat">: a mirrored social-media thread,
 * residents pseudonymised by the API, replies nested in lists under the post they answer.
 *
 * Data flow: GET {api}/api/threads/{id}?page=N&pageSize=M, or first GET
 * {api}/api/threads?consultation=slug to find the consultation's newest thread. A long
 * conversation comes a page at a time; paging works as in <podium-answers> (focus to the
 * heading, the new page said in the live region). The nesting and author naming come from
 * site/lib/thread-view.ts, shared with the portal's conversation pages. Posts show as
 * text (no HTML is inserted, so it works under Trusted Types) with their links listed;
 * no image is loaded from the platform.
 */
import {
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from '../shared/reactive-element.ts';
import type {
  MunicipalityAnswer,
  SocialPost,
  SocialThread,
  SocialThreadPage,
  SocialThreadSummary,
} from '../../shared/contracts/social-thread.ts';
import {
  answersTo,
  authorLabel,
  authorRole,
  hidesMedia,
  mediaDescriptions,
  threadTree,
  type ThreadNode,
} from '../../shared/thread-view.ts';
import { PodiumElement } from '../shared/podium-element.ts';
import { baseStyles } from '../shared/styles.ts';
import { pageShown, pagerStyles, renderPager } from '../shared/pager.ts';
import { nl, type Texts } from './messages.ts';

export type ThreadPageChangedDetail = { thread: string; page: number; pageCount: number };

const PLATFORMS: Record<SocialThread['platform'], string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

/**
 * A mirrored social-media thread.
 *
 * @attr thread - Podium's id of the thread; or:
 * @attr consultation - Slug of a consultation: shows its newest mirrored thread.
 * @attr page-size - Posts per page (1–100); default 20.
 * @attr api - Podium's address; default: where the widget bundle was loaded from.
 * @attr lang - `nl` or `en`; default: the closest ancestor's `lang`, else Dutch.
 * @attr heading-level - Level (1–6) of the widget's heading; default 2.
 * @attr messages - JSON with text overrides.
 * @fires podium-loaded - The thread is shown; detail `{ thread, posts }` (`posts`: shown posts in the whole thread).
 * @fires podium-page-changed - Another page is shown; detail `{ thread, page, pageCount }`.
 * @csspart heading - The widget's heading (and each post's).
 * @csspart post - One post.
 * @csspart pager - The navigation between pages.
 * @csspart button - The previous and next buttons.
 * @csspart notice - Loading, empty and error notices.
 */
export class PodiumThread extends PodiumElement<keyof Texts> {
  static override messages = { nl };
  static override loadEnglish = async () => (await import('./messages-en.ts')).en;

  static override properties: PropertyDeclarations = {
    thread: { type: String },
    consultation: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    page: { state: true },
    data: { state: true },
    shown: { state: true },
  };

  static override styles = [
    baseStyles,
    pagerStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol ol {
        padding-inline-start: 1em;
        border-inline-start: 0.25em solid var(--_muted);
      }
      .post {
        padding-block: 0.5em;
      }
      .meta {
        color: var(--_muted);
        margin: 0;
      }
      .content {
        white-space: pre-line;
      }
      .no-description {
        font-style: italic;
      }
      /* Room between the button and the links it reveals (WCAG 2.5.8 target spacing). */
      button + ul {
        margin-block-start: 0.75em;
      }
    `,
  ];

  declare thread: string;
  declare consultation: string;
  /** Posts per page (1–100). */
  declare pageSize: number;
  declare protected page: number;
  declare protected data: SocialThreadPage | null | undefined;
  /** Posts whose sensitive media the reader asked to see. */
  declare protected shown: ReadonlySet<string>;
  /** The thread found for `consultation`, so paging does not look it up again. */
  #id = '';
  /** Paging (rather than the first load) moves focus to the heading. */
  #paged = false;

  constructor() {
    super();
    this.shown = new Set();
    this.thread = '';
    this.consultation = '';
    this.pageSize = 20;
    this.page = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('thread') || changed.has('consultation') || changed.has('api') || changed.has('pageSize')) {
      this.page = 1;
      this.#id = '';
      void this.load();
    }
  }

  protected override async load(): Promise<void> {
    let id = this.#id || this.thread.trim();
    if (!id) {
      const slug = encodeURIComponent(this.consultation.trim());
      const list = await this.fetchJson<SocialThreadSummary[]>(`/api/threads?consultation=${slug}`);
      if (!list) return;
      if (list.length === 0) {
        this.data = null;
        this.loadState = 'ready';
        return;
      }
      id = list[0]!.id;
    }
    this.#id = id;
    // 100: the most the API sends at once (THREAD_PAGE_SIZE).
    const size = Math.min(100, Math.max(1, Math.round(Number(this.pageSize)) || 20));
    const thread = await this.fetchJson<SocialThreadPage>(
      `/api/threads/${encodeURIComponent(id)}?page=${this.page}&pageSize=${size}`,
    );
    if (!thread) return;
    this.data = thread;
    // A thread that shrank since the last page: the API sent its last page instead.
    this.page = thread.page;
    this.loadState = 'ready';
    if (!this.#paged) {
      this.emit('loaded', { thread: thread.id, posts: thread.total });
      return;
    }
    this.#paged = false;
    pageShown<ThreadPageChangedDetail>(this, '#thread-title', {
      thread: thread.id,
      page: thread.page,
      pageCount: thread.pageCount,
    });
  }

  #go(page: number): void {
    this.page = page;
    this.#paged = true;
    void this.load();
  }

  protected override renderContent(): unknown {
    if (this.loadState !== 'ready') return this.renderLoadState();
    const thread = this.data;
    if (!thread) return html`<p class="panel" part="notice">${this.message('empty')}</p>`;
    const platform = PLATFORMS[thread.platform];
    // The posts on earlier pages that this page's replies answer: named, not shown again.
    const tree = threadTree({ posts: [...thread.earlier, ...thread.posts] }, [
      ...thread.earlier.map(() => false),
      ...thread.posts.map(() => true),
    ]);
    return html`${this.heading(this.text(thread.title) || this.message('title', { platform }), {
        id: 'thread-title',
        focusable: true,
      })}
      <p>${this.message('mirrored', { platform })}</p>
      ${
        thread.pageCount > 1
          ? html`<p class="meta">
              ${this.message('range', { from: thread.from, to: thread.to, total: thread.total })}
            </p>`
          : nothing
      }
      ${this.#list(tree, undefined, platform)} ${renderPager(this, thread.page, thread.pageCount, (to) => this.#go(to))}
      ${thread.url ? html`<p><a href=${thread.url} rel="nofollow noopener">${this.message('original', { platform })}</a></p>` : nothing}`;
  }

  /** Replies nested under the post they answer; the municipality's answers to that post come first. */
  #list(nodes: ThreadNode[], above: SocialPost | undefined, platform: string): TemplateResult | typeof nothing {
    const answers = above ? answersTo(above) : [];
    if (nodes.length === 0 && answers.length === 0) return nothing;
    return html`<ol>
      ${answers.map((answer) => html`<li>${this.#answer(answer, above!, platform)}</li>`)}
      ${nodes.map(
        (node) => html`<li>${this.#post(node.post, node.parent)}${this.#list(node.replies, node.post, platform)}</li>`,
      )}
    </ol>`;
  }

  /** The municipality's answer, written in Podium: marked as not on the platform. */
  #answer(answer: MunicipalityAnswer, post: SocialPost, platform: string): TemplateResult {
    const labels = {
      resident: (letter: string) => this.message('resident', { letter }),
      unknownAuthor: this.message('unknownAuthor'),
    };
    const meta = [
      this.message('ownAccount'),
      this.message('replyTo', { author: authorLabel(post, labels) }),
      this.message('answerOnlyHere', { platform }),
    ];
    return html`<article class="post answer" part="post">
      ${this.heading(this.message('municipalityAnswered', { date: this.date(answer.publishedAt, true) }), {
        level: this.level + 1,
      })}
      <p class="meta">${meta.join(' · ')}</p>
      <p class="content" lang=${answer.lang !== this.locale ? answer.lang : nothing}>${answer.body}</p>
    </article>`;
  }

  #post(post: SocialPost, parent: SocialPost | undefined): TemplateResult {
    if (post.placeholder) return html`<p class="post meta" part="post"><em>${this.message(post.placeholder)}</em></p>`;
    const labels = {
      resident: (letter: string) => this.message('resident', { letter }),
      unknownAuthor: this.message('unknownAuthor'),
    };
    const role = authorRole(post);
    const meta = [
      role === 'own' ? this.message('ownAccount') : role === 'official' ? this.message('officialAccount') : '',
      parent ? this.message('replyTo', { author: authorLabel(parent, labels) }) : '',
      post.editedAt ? this.message('edited') : '',
    ].filter(Boolean);
    // The post's own language when it differs from the widget's; none when unknown.
    const lang = post.lang && post.lang !== this.locale ? post.lang : nothing;
    const body = html`<p class="content" lang=${lang}>${post.text}</p>
      ${
        post.links.length
          ? html`<ul aria-label=${this.message('links')}>
              ${post.links.map((link) => html`<li><a href=${link.url} rel="nofollow ugc noopener">${link.text || link.url}</a></li>`)}
            </ul>`
          : nothing
      }`;
    return html`<article class="post" part="post">
      ${this.heading(
        this.message('wrote', { author: authorLabel(post, labels), date: this.date(post.createdAt, true) }),
        {
          level: this.level + 1,
        },
      )}
      ${meta.length ? html`<p class="meta">${meta.join(' · ')}</p>` : nothing}
      ${
        post.contentWarning
          ? html`<details>
              <summary>${this.message('contentWarning', { warning: post.contentWarning })}</summary>
              ${body}
            </details>`
          : body
      }
      ${this.#media(post)}
    </article>`;
  }

  /** Media as links with their description; sensitive ones behind a button until asked for. */
  #media(post: SocialPost): TemplateResult | typeof nothing {
    if (!post.media.length) return nothing;
    const hidden = hidesMedia(post) && !this.shown.has(post.id);
    const button = hidesMedia(post)
      ? html`<button type="button" aria-expanded=${!hidden} @click=${() => this.#toggle(post.id)}>
          ${this.message('sensitive')}
        </button>`
      : nothing;
    return html`${button}${
      hidden
        ? nothing
        : html`<ul>
            ${post.media.map((media) => {
              const { platform, municipality } = mediaDescriptions(media);
              const description = html`${this.message('image')}${platform ? `: ${platform}` : nothing}${
                municipality
                  ? html`${platform ? '. ' : ': '}<span
                        lang=${municipality.lang === this.locale ? nothing : municipality.lang}
                        >${municipality.text}</span
                      >
                      (${this.message('added')})`
                  : nothing
              }${platform || municipality ? nothing : html` <span class="no-description">${this.message('noDescription')}</span>`}`;
              // An image links to Podium's copy (an address on Podium, never the platform's);
              // other media come without an address: text only.
              const href = media.url.startsWith('/api/') ? this.apiUrl(media.url) : media.url;
              return html`<li>
                ${href ? html`<a href=${href} rel="nofollow noopener">${description}</a>` : description}
              </li>`;
            })}
          </ul>`
    }`;
  }

  #toggle(id: string): void {
    const shown = new Set(this.shown);
    if (!shown.delete(id)) shown.add(id);
    this.shown = shown;
  }
}
