/**
 * <podium-consultation consultation="fietsroute-stationsstraat">: a summary of one
 * consultation for a municipality's own pages: title, what is asked, status and deadline,
 * the number of responses, the promised response time, and a link to take part.
 *
 * Data flow: GET {api}/api/consultations/{slug} → the summary. Read only; nothing is sent.
 */
import {
  css,
  html,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from '../shared/reactive-element.ts';
import type { Consultation } from '../../shared/contracts/public-content.ts';
import { intlLocale } from '../../shared/format.ts';
import { PodiumElement } from '../shared/podium-element.ts';
import { baseStyles } from '../shared/styles.ts';
import { nl, type Texts } from './messages.ts';

export type LoadedDetail = { consultation: string; status: Consultation['status']; submissionCount: number };

const statusKey = {
  open: 'statusOpen',
  upcoming: 'statusUpcoming',
  closed: 'statusClosed',
  decided: 'statusDecided',
} as const;

/**
 * A summary of one consultation, with a link to take part.
 *
 * @attr consultation - Slug of the consultation, e.g. `fietsroute-stationsstraat`.
 * @attr href - Where "Give your opinion" leads, e.g. the host's page with <podium-submit>;
 *   default: the consultation's page on the portal.
 * @attr api - Podium's address; default: where the widget bundle was loaded from.
 * @attr lang - `nl` or `en`; default: the closest ancestor's `lang`, else Dutch.
 * @attr heading-level - Level (1–6) of the widget's heading; default 2.
 * @attr messages - JSON with text overrides: `{"nl":{"takePart":"…"}}`.
 * @fires podium-loaded - The summary is shown; detail `{ consultation, status, submissionCount }`.
 * @csspart heading - The consultation title.
 * @csspart facts - The list of status, deadline, responses and response time.
 * @csspart link - The link to take part.
 * @csspart notice - Loading and error notices.
 */
export class PodiumConsultation extends PodiumElement<keyof Texts> {
  static override messages = { nl };
  static override loadEnglish = async () => (await import('./messages-en.ts')).en;

  static override properties: PropertyDeclarations = {
    consultation: { type: String },
    href: { type: String },
    data: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .facts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
        gap: 0.75em var(--_gap);
        margin: 0 0 var(--_gap);
      }
      .facts div {
        min-inline-size: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      .button {
        text-decoration: none;
      }
    `,
  ];

  /** Slug of the consultation. */
  declare consultation: string;
  /** Where the link to take part leads; default: the consultation's page on the portal. */
  declare href: string | undefined;
  declare protected data: Consultation | undefined;

  constructor() {
    super();
    this.consultation = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consultation') || changed.has('api')) void this.load();
  }

  protected override async load(): Promise<void> {
    const slug = this.consultation.trim();
    const data = await this.fetchJson<Consultation>(`/api/consultations/${encodeURIComponent(slug)}`);
    if (!data) return;
    this.data = data;
    this.loadState = 'ready';
    this.emit<LoadedDetail>('loaded', {
      consultation: data.slug,
      status: data.status,
      submissionCount: data.submissionCount,
    });
  }

  /** The portal's page of the consultation, in the widget's language. */
  #portalUrl(slug: string): string {
    const path = this.locale === 'en' ? `/en/consultations/${slug}/` : `/consultaties/${slug}/`;
    return this.apiBase + path;
  }

  protected override renderContent(): unknown {
    return this.loadState === 'ready' ? this.#renderSummary(this.data!) : this.renderLoadState();
  }

  #renderSummary(c: Consultation): TemplateResult {
    const fact = (label: string, value: unknown) =>
      html`<div>
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;
    const dateFact =
      c.status === 'upcoming'
        ? fact(this.message('opensAt'), this.date(c.opensAt, true))
        : c.status === 'open'
          ? fact(this.message('deadline'), this.date(c.closesAt, true))
          : fact(this.message('closedAt'), this.date(c.closesAt));
    const href = this.href?.trim() || this.#portalUrl(encodeURIComponent(c.slug));
    return html`${this.heading(this.localized(c.title))}
      <p>${this.localized(c.summary)}</p>
      <dl class="facts" part="facts">
        ${fact(this.message('status'), this.message(statusKey[c.status]))} ${dateFact}
        ${fact(this.message('contributions'), c.submissionCount.toLocaleString(intlLocale[this.locale]))}
        ${fact(this.message('responseTime'), this.message('workingDays', { days: c.responseDays }))}
      </dl>
      <p>
        <a class="button" part="link" href=${href}>${this.message(c.status === 'open' ? 'takePart' : 'readMore')}</a>
      </p>`;
  }
}
