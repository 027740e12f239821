/** A moment as a `<time datetime>` element, written out in Europe/Amsterdam (shared/format.ts). */
import type { Locale } from '../../../contracts/public-content.ts';
import { html, type Html } from '../../core.ts';
import { formatDate, type TimeStyle } from '../../../format.ts';

export type { TimeStyle };

export type TimeOptions = { moment: string | Date; lang: Locale; style?: TimeStyle | undefined };

export function time({ moment, lang, style = 'date' }: TimeOptions): Html {
  const iso = typeof moment === 'string' ? moment : moment.toISOString();
  return html`<time datetime="${iso}">${formatDate(moment, lang, style)}</time>`;
}
