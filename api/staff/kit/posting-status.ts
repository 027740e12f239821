/**
 * One line under an answer to a mirrored post: whether it was posted on the platform as the
 * municipality's account, is on its way, or could not be posted and why (the queue's item
 * and the answer page show it; api/services/social/posting.ts sets it).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { html, nothing, type Html } from '../../../shared/html/index.ts';
import type { PostingError } from '../../services/social/posting.ts';

export type PostingLine = {
  state: 'pending' | 'sending' | 'sent' | 'failed' | null;
  error: PostingError | null;
  url: string | null;
  account: string | null;
} | null;

const texts = {
  nl: {
    sent: (account: string) => `Geplaatst in het gesprek als ${account}:`,
    open: 'bekijk het bericht',
    waiting: (account: string) => `Wordt geplaatst in het gesprek als ${account}.`,
    retrying: (account: string, why: string) =>
      `Nog niet geplaatst als ${account}: ${why} Podium probeert het opnieuw.`,
    failed: (account: string, why: string) =>
      `Niet geplaatst als ${account}: ${why} Het antwoord staat wel op het portaal.`,
    errors: {
      token_rejected:
        'de server accepteert het token of app-wachtwoord van het account niet meer (verlopen of ingetrokken). Een beheerder koppelt het account opnieuw.',
      too_long: 'het antwoord is te lang voor dit platform (Mastodon: meestal 500 tekens; Bluesky: 300 tekens).',
      refused: 'het platform weigerde het antwoord.',
      post_gone: 'het bericht bestaat niet meer op het platform.',
      rate_limited: 'het platform laat tijdelijk geen berichten meer toe.',
      unavailable: 'het platform was niet bereikbaar.',
      account_revoked: 'de koppeling met het account is ingetrokken.',
      no_secret_key: 'de sleutel voor de tokens (PODIUM_SECRET_KEY) ontbreekt op de server.',
    } satisfies Record<PostingError, string>,
  },
  en: {
    sent: (account: string) => `Posted in the conversation as ${account}:`,
    open: 'view the post',
    waiting: (account: string) => `Being posted in the conversation as ${account}.`,
    retrying: (account: string, why: string) => `Not posted as ${account} yet: ${why} Podium tries again.`,
    failed: (account: string, why: string) => `Not posted as ${account}: ${why} The answer is on the portal.`,
    errors: {
      token_rejected:
        "the server no longer accepts the account's token or app password (expired or revoked). An administrator connects the account again.",
      too_long: 'the answer is too long for this platform (Mastodon: usually 500 characters; Bluesky: 300 characters).',
      refused: 'the platform refused the answer.',
      post_gone: 'the post no longer exists on the platform.',
      rate_limited: 'the platform allows no more posts for a while.',
      unavailable: 'the platform could not be reached.',
      account_revoked: 'the connection with the account was revoked.',
      no_secret_key: 'the key for the tokens (PODIUM_SECRET_KEY) is missing on the server.',
    } satisfies Record<PostingError, string>,
  },
};

export function postingStatus(posting: PostingLine, lang: Locale): Html | typeof nothing {
  if (!posting?.state || !posting.account) return nothing;
  const m = texts[lang];
  const why = posting.error ? m.errors[posting.error] : '';
  if (posting.state === 'sent') {
    return html`<p class="staff-hint">${m.sent(posting.account)} ${posting.url ? html`<a href="${posting.url}">${m.open}</a>` : nothing}</p>`;
  }
  if (posting.state === 'failed') return html`<p class="staff-hint">${m.failed(posting.account, why)}</p>`;
  return html`<p class="staff-hint">${posting.error ? m.retrying(posting.account, why) : m.waiting(posting.account)}</p>`;
}
