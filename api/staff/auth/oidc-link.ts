/**
 * The log-in page's link to sign in through the organisation's identity provider, shared by
 * the log-in routes (./routes.ts) and the sign-in routes (./oidc-routes.ts).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { oidcStartPath, type OidcProvider } from '../../services/auth/oidc.ts';
import * as oidcTexts from './oidc-texts.ts';

export type ProviderLink = { href: string; label: string; orPassword: string; problem?: string };

/** Undefined without a provider; with `problem` when the last attempt to reach it failed. */
export function providerLink(
  provider: OidcProvider | undefined,
  lang: Locale,
  next: string | undefined,
): ProviderLink | undefined {
  if (!provider) return undefined;
  const m = textsFor(oidcTexts, lang);
  const name = provider.settings.name;
  return {
    href: next ? `${oidcStartPath(lang)}?next=${encodeURIComponent(next)}` : oidcStartPath(lang),
    label: m.button(name),
    orPassword: m.orPassword,
    ...(provider.lastAttemptFailed() ? { problem: m.unavailable(name) } : {}),
  };
}
