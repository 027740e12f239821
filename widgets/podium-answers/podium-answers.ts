/**
 * <podium-answers consultation="fietsroute-stationsstraat">: published input on one
 * consultation with the municipality's answers, newest first, a page at a time.
 *
 * Data flow: GET {api}/api/consultations/{slug}/answers?page=N&pageSize=M → the list.
 * Paging re-renders in place: focus goes to the list's heading and the new page is
 * announced in the live region, so a screen-reader user knows where they are.
 */
import {
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from '../shared/reactive-element.ts';
import type { PublishedAnswersPage, PublishedSubmission } from '../../shared/contracts/public-content.ts';
import { PodiumElement } from '../shared/podium-element.ts';
import { baseStyles } from '../shared/styles.ts';
import { pageShown, pagerStyles, renderPager } from '../shared/pager.ts';
import { nl, type Texts } from './messages.ts';

type QuestionInfo = PublishedAnswersPage['consultation']['questions'][number];
export type PageChangedDetail = { consultation: string; page: number; pageCount: number };

/**
 * Published input with the municipality's answers, paged.
 *
 * @attr consultation - Slug of the consultation, e.g. `fietsroute-stationsstraat`.
 * @attr page-size - Responses per page (1–50); default 5.
 * @attr api - Podium's address; default: where the widget bundle was loaded from.
 * @attr lang - `nl` or `en`; default: the closest ancestor's `lang`, else Dutch.
 * @attr heading-level - Level (1–6) of the widget's heading; default 2.
 * @attr messages - JSON with text overrides: `{"nl":{"title":"…"}}`.
 * @fires podium-page-changed - Another page is shown; detail `{ consultation, page, pageCount }`.
 * @csspart heading - The widget's heading (and each response's).
 * @csspart response - One response with its answers.
 * @csspart reply - The municipality's answer to a response.
 * @csspart pager - The navigation between pages.
 * @csspart button - The previous and next buttons.
 * @csspart notice - Loading, empty and error notices.
 */
export class PodiumAnswers extends PodiumElement<keyof Texts> {
  static override messages = { nl };
  static override loadEnglish = async () => (await import('./messages-en.ts')).en;

  static override properties: PropertyDeclarations = {
    consultation: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    page: { state: true },
    data: { state: true },
  };

  static override styles = [
    baseStyles,
    pagerStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_gap);
      }
      .response {
        padding-block-end: var(--_gap);
        border-block-end: 0.0625em solid var(--_muted);
      }
      dl {
        margin: 0 0 0.75em;
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0 0 0.5em;
        white-space: pre-line;
      }
      .meta {
        color: var(--_muted);
      }
    `,
  ];

  /** Slug of the consultation. */
  declare consultation: string;
  /** Responses per page (1–50). */
  declare pageSize: number;
  declare protected page: number;
  declare protected data: PublishedAnswersPage | undefined;
  /** Paging (rather than the first load) moves focus to the heading. */
  #paged = false;

  constructor() {
    super();
    this.consultation = '';
    this.pageSize = 5;
    this.page = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consultation') || changed.has('api') || changed.has('pageSize')) {
      this.page = 1;
      void this.load();
    }
  }

  protected override async load(): Promise<void> {
    const size = Math.min(50, Math.max(1, Math.round(Number(this.pageSize)) || 5));
    const slug = encodeURIComponent(this.consultation.trim());
    const data = await this.fetchJson<PublishedAnswersPage>(
      `/api/consultations/${slug}/answers?page=${this.page}&pageSize=${size}&lang=${this.locale}`,
    );
    if (!data) return;
    this.data = data;
    this.loadState = 'ready';
    if (!this.#paged) return;
    this.#paged = false;
    pageShown<PageChangedDetail>(this, '#answers-title', {
      consultation: data.consultation.slug,
      page: data.page,
      pageCount: data.pageCount,
    });
  }

  #go(page: number): void {
    this.page = page;
    this.#paged = true;
    void this.load();
  }

  protected override renderContent(): unknown {
    return this.loadState === 'ready' ? this.#renderPage(this.data!) : this.renderLoadState();
  }

  #renderPage(data: PublishedAnswersPage): TemplateResult {
    const { total, page, pageCount } = data;
    return html`${this.heading(this.message('title'), { id: 'answers-title', focusable: true })}
      <p>${this.localized(data.consultation.title)}</p>
      ${
        total === 0
          ? html`<p class="panel" part="notice">${this.message('empty')}</p>`
          : html`<p>${total === 1 ? this.message('countOne') : this.message('count', { count: total })}</p>
              <ol>
                ${data.items.map((item) => this.#renderResponse(item, data.consultation.questions))}
              </ol>`
      }
      ${renderPager(this, page, pageCount, (to) => this.#go(to))}`;
  }

  #renderResponse(item: PublishedSubmission, questions: QuestionInfo[]): TemplateResult {
    const answers = item.answers.flatMap(({ question, value }) => {
      const found = questions.find((q) => q.key === question);
      if (!found) return [];
      const label = (v: string) => this.text(found.options?.find((o) => o.value === v)?.label) || v;
      const shown = Array.isArray(value)
        ? value.map(label).join(', ')
        : typeof value === 'number'
          ? `${value} / ${found.scaleMax ?? 5}`
          : found.kind === 'open_text'
            ? value
            : label(value);
      // Open text is the resident's own words, in the language they wrote in.
      return [
        html`<dt>${this.localized(found.prompt)}</dt>
          <dd lang=${found.kind === 'open_text' ? item.language : nothing}>${shown}</dd>`,
      ];
    });
    return html`<li class="response" part="response">
      ${this.heading(this.message('response', { date: this.date(item.publishedAt) }), { level: this.level + 1 })}
      <dl>${answers}</dl>
      ${
        item.replies.length
          ? item.replies.map(
              (reply) =>
                html`<div class="panel" part="reply">
                  ${this.heading(
                    reply.department
                      ? this.message('replyFrom', { department: this.text(reply.department) })
                      : this.message('reply'),
                    { level: this.level + 2 },
                  )}
                  <p class="meta">${this.date(reply.publishedAt)}</p>
                  <p lang=${reply.language}>${reply.body}</p>
                </div>`,
            )
          : html`<p class="meta">${this.message('noReply')}</p>`
      }
    </li>`;
  }
}
