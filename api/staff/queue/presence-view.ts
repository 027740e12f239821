/**
 * Presence on an item's page: "Ook geopend door: Fatima de Vries (2 min)". Rendered with the
 * page, so it shows without JavaScript (as it was at page load); with JavaScript,
 * `kit/assets/presence.js` sends a heartbeat every `data-presence-poll-ms` and puts the answer's
 * `text` in the line and, only when the people change, its `announcement` in the polite live
 * region (WCAG 4.1.3), never on every poll.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, type Html } from '../../../shared/html/index.ts';
import { PRESENCE_POLL_MS, type PresentColleague } from '../../services/moderation/presence.ts';
import { presencePaths } from './paths.ts';
import * as presenceTexts from './presence-texts.ts';

/** What the heartbeat answers, and what the page shows at load: the same words either way. */
export type PresenceAnswer = {
  others: Array<{ id: string; name: string; minutes: number }>;
  /** The visible line; empty when nobody else has the item open. */
  text: string;
  /** What the live region says when the people change. */
  announcement: string;
};

export function presenceAnswer(lang: Locale, others: readonly PresentColleague[], now: Date): PresenceAnswer {
  const m = textsFor(presenceTexts, lang);
  const people = others.map((o) => ({
    id: o.staffUserId,
    name: o.name,
    minutes: Math.max(0, Math.floor((now.getTime() - o.openedAt.getTime()) / 60_000)),
  }));
  return {
    others: people,
    text: people.length > 0 ? m.line(people) : '',
    announcement: m.announce(people.map((p) => p.name)),
  };
}

/** The presence line of the opened item, with what its script needs in data attributes. */
export function presenceBox(lang: Locale, itemId: string, others: readonly PresentColleague[], now: Date): Html {
  const m = textsFor(presenceTexts, lang);
  const answer = presenceAnswer(lang, others, now);
  return html`<div${attrs({
    class: 'staff-presence',
    'data-presence': true,
    'data-lang': lang,
    'data-presence-url': presencePaths.heartbeat(itemId),
    'data-presence-leave-url': presencePaths.leave(itemId),
    'data-presence-poll-ms': PRESENCE_POLL_MS,
    'data-presence-people': answer.others.map((o) => o.id).join(','),
  })}>
<p${attrs({ class: 'staff-presence-line', 'data-presence-text': true, hidden: !answer.text })}>${answer.text}</p>
<div class="staff-visually-hidden" role="status" aria-label="${m.regionLabel}" data-presence-live></div>
</div>`;
}
