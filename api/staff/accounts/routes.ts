/**
 * Connected social-media accounts on the staff workbench (administrators): the registry,
 * connecting a Mastodon account through OAuth (services/social/mastodon-oauth.ts: the form
 * starts, the instance sends the browser back to the callback) or with a pasted access token,
 * a Bluesky account with an app password, and revoking one (at the instance too for OAuth). The credential goes from the form to the platform's check
 * (verify_credentials; createSession at the PDS) and into the sealed column; it is never
 * rendered, logged or sent back, also not when the form is refused.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import {
  connectBlueskyAccount,
  connectMastodonAccount,
  listAccounts,
  type PostingSettings,
} from '../../services/social/accounts.ts';
import {
  authorizationLanguage,
  beginMastodonAuthorization,
  CALLBACK_REFUSALS,
  completeMastodonAuthorization,
  disconnectAccount,
  revokeReplacedTokens,
  type ReplacedRevocation,
  type CallbackRefusal,
} from '../../services/social/mastodon-oauth.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { getListening, listListening, saveListening } from '../../services/social/listening.ts';
import { formErrors } from '../kit/form-errors.ts';
import { field, notFound, pageSession, staffForm, staffPage, type StaffEnv } from '../kit/guards.ts';
import { accountPaths } from './paths.ts';
import * as accountTexts from './texts.ts';
import { renderAccountsPage, renderAuthorizePage, type ConnectFormState, type ListeningFormState } from './view.ts';

const AccountId = z.uuid();
const ConnectForm = z.object({
  instance: InputText.trim().min(1).max(500),
  token: InputText.trim().min(1).max(2000),
});
const OAuthForm = z.object({ instance: InputText.trim().min(1).max(500) });
/** What an instance sends back to the callback; anything longer or odder is no answer to our request. */
const CallbackQuery = z.object({
  state: InputText.max(200).optional(),
  code: InputText.max(2000).optional(),
  error: InputText.max(200).optional(),
});
const BlueskyForm = z.object({
  identifier: InputText.trim()
    .min(1)
    .max(253)
    .regex(/^@?([a-zA-Z0-9.-]+\.[a-zA-Z]{2,}|did:[a-z]+:[a-zA-Z0-9._:%-]+)$/),
  appPassword: InputText.trim().min(1).max(200),
  pds: InputText.trim().max(500),
});

/** The page's address after connecting: the account, and what became of the token it replaced. */
const connectedQuery = (handle: string, replaced: ReplacedRevocation) =>
  new URLSearchParams({
    klaar: 'gekoppeld',
    account: handle,
    ...(replaced === 'none' ? {} : { vorige: replaced === 'revoked' ? 'ingetrokken' : 'niet-ingetrokken' }),
  });

export function accountRoutes(
  settings: () => PostingSettings,
  options: { publicUrl?: string | undefined } = {},
): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  // The redirect URI registered at each instance: on the public address, else the address asked.
  const oauthSettings = (c: Context<StaffEnv>) => ({
    ...settings(),
    publicUrl: options.publicUrl ?? new URL(c.req.url).origin,
  });

  const page = async (
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    extra: {
      form?: ConnectFormState;
      listeningForm?: ListeningFormState;
      notice?: string;
      status?: 200 | 409 | 422;
    } = {},
  ) =>
    c.html(
      renderAccountsPage({
        lang,
        session: pageSession(session),
        accounts: await listAccounts(c.get('db'), session.user.organisationId),
        canStoreTokens: !!settings().secretKey,
        form: extra.form,
        notice: extra.notice,
        listening: await listListening(c.get('db'), session.user.organisationId),
        listeningForm: extra.listeningForm,
      }),
      extra.status ?? 200,
    );

  for (const lang of ['nl', 'en'] as const) {
    app.get(accountPaths.page(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(accountTexts, lang);
      const done = c.req.query('klaar');
      const handle = c.req.query('account');
      // A connection through OAuth refused on the way back, shown at the server field.
      const refused = CALLBACK_REFUSALS.find((r) => r === c.req.query('mastodon'));
      const form: ConnectFormState | undefined = refused && {
        platform: 'oauth',
        values: { instance: (c.req.query('server') ?? '').slice(0, 500) },
        errors: [{ field: 'instance', message: m.oauth.errors[refused] }],
      };
      return page(c, lang, session, {
        form,
        notice:
          done === 'gekoppeld' && handle
            ? [
                m.connected(handle),
                { ingetrokken: m.replacedRevoked, 'niet-ingetrokken': m.replacedNotRevoked }[
                  c.req.query('vorige') ?? ''
                ],
              ]
                .filter(Boolean)
                .join(' ')
            : done === 'ingetrokken'
              ? m.revokedNotice
              : done === 'ingetrokken-op-server'
                ? m.revokedAtInstance
                : done === 'niet-op-server'
                  ? m.revokedNotAtInstance
                  : done === 'luisteren' && handle
                    ? m.listening.saved(handle)
                    : undefined,
      });
    });
  }

  app.post(accountPaths.connect, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(accountTexts, lang).errors;
    const raw = { instance: field(body, 'instance') ?? '', token: field(body, 'token') ?? '' };
    const values = { instance: raw.instance };
    const parsed = ConnectForm.safeParse(raw);
    if (!parsed.success) {
      const errors = formErrors(parsed.error.issues, { instance: m.instance, token: m.token });
      return page(c, lang, session, { form: { platform: 'mastodon', values, errors }, status: 422 });
    }
    const outcome = await connectMastodonAccount(
      c.get('db'),
      {
        organisationId: session.user.organisationId,
        staffUserId: session.user.id,
        instance: parsed.data.instance,
        token: parsed.data.token,
        now: c.get('now')(),
      },
      settings(),
    );
    if (outcome.kind === 'connected') {
      // A pasted token replacing one Podium got through OAuth: that one is revoked at the instance.
      const replaced = await revokeReplacedTokens(
        c.get('db'),
        {
          organisationId: session.user.organisationId,
          staffUserId: session.user.id,
          account: outcome.account,
          replaced: outcome.replaced,
          newToken: parsed.data.token,
          now: c.get('now')(),
        },
        settings(),
      );
      return c.redirect(`${accountPaths.page(lang)}?${connectedQuery(outcome.account.handle, replaced)}`, 303);
    }
    // Only Bluesky checks the form of its credential; a Mastodon token has none.
    const kind = outcome.kind === 'not_app_password' ? 'token_rejected' : outcome.kind;
    const target = kind === 'token_rejected' || kind === 'no_secret_key' ? 'token' : 'instance';
    return page(c, lang, session, {
      form: { platform: 'mastodon', values, errors: [{ field: target, message: m[kind] }] },
      status: 422,
    });
  });

  app.post(accountPaths.connectMastodon, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(accountTexts, lang).oauth.errors;
    const values = { instance: field(body, 'instance') ?? '' };
    const refuse = (message: string) =>
      page(c, lang, session, {
        form: { platform: 'oauth', values, errors: [{ field: 'instance', message }] },
        status: 422,
      });
    const parsed = OAuthForm.safeParse(values);
    if (!parsed.success) return refuse(m.instance);
    const begun = await beginMastodonAuthorization(
      c.get('db'),
      {
        organisationId: session.user.organisationId,
        staffSessionId: session.id,
        instance: parsed.data.instance,
        lang,
        now: c.get('now')(),
      },
      oauthSettings(c),
    );
    if (begun.kind !== 'authorize') return refuse(m[begun.kind]);
    return c.html(
      renderAuthorizePage({
        lang,
        session: pageSession(session),
        instanceUrl: begun.instanceUrl,
        authorizeUrl: begun.url,
      }),
    );
  });

  app.get(accountPaths.mastodonCallback, async (c) => {
    const query = CallbackQuery.safeParse(c.req.query());
    const state = query.success ? query.data.state : undefined;
    const lang = (await authorizationLanguage(c.get('db'), state)) ?? 'nl';
    const session = staffPage(c, lang, 'admin');
    if (session instanceof Response) return session;
    const outcome = await completeMastodonAuthorization(
      c.get('db'),
      {
        organisationId: session.user.organisationId,
        staffUserId: session.user.id,
        staffSessionId: session.id,
        query: query.success ? query.data : {},
        now: c.get('now')(),
      },
      oauthSettings(c),
    );
    const params: Record<string, string> =
      outcome.kind === 'connected'
        ? Object.fromEntries(connectedQuery(outcome.account.handle, outcome.replacedToken))
        : { mastodon: outcome.reason satisfies CallbackRefusal, server: outcome.instanceUrl ?? '' };
    // Redirected, so the code and state leave the address bar and a reload asks nothing again.
    return c.redirect(`${accountPaths.page(lang)}?${new URLSearchParams(params)}`, 303);
  });

  app.post(accountPaths.connectBluesky, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(accountTexts, lang).blueskyErrors;
    const raw = {
      identifier: field(body, 'identifier') ?? '',
      appPassword: field(body, 'appPassword') ?? '',
      pds: field(body, 'pds') ?? '',
    };
    const values = { identifier: raw.identifier, pds: raw.pds };
    const refuse = (errors: Array<{ field: string; message: string }>) =>
      page(c, lang, session, { form: { platform: 'bluesky', values, errors }, status: 422 });
    const parsed = BlueskyForm.safeParse(raw);
    if (!parsed.success) {
      return refuse(
        formErrors(parsed.error.issues, { identifier: m.identifier, appPassword: m.appPassword, pds: m.pds }),
      );
    }
    const outcome = await connectBlueskyAccount(
      c.get('db'),
      {
        organisationId: session.user.organisationId,
        staffUserId: session.user.id,
        pds: parsed.data.pds,
        identifier: parsed.data.identifier,
        appPassword: parsed.data.appPassword,
        now: c.get('now')(),
      },
      settings(),
    );
    if (outcome.kind === 'connected') {
      const query = new URLSearchParams({ klaar: 'gekoppeld', account: outcome.account.handle });
      return c.redirect(`${accountPaths.page(lang)}?${query}`, 303);
    }
    const target =
      outcome.kind === 'bad_instance' || outcome.kind === 'unreachable'
        ? 'pds'
        : outcome.kind === 'token_rejected'
          ? 'identifier'
          : 'appPassword';
    const message = outcome.kind === 'bad_instance' ? m.pds : m[outcome.kind];
    return refuse([{ field: target, message }]);
  });

  app.post('/beheer/sociale-accounts/:id/intrekken', async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const id = c.req.param('id');
    if (!AccountId.safeParse(id).success) return notFound(c, lang, session);
    const revoked = await disconnectAccount(
      c.get('db'),
      { organisationId: session.user.organisationId, staffUserId: session.user.id, accountId: id, now: c.get('now')() },
      settings(),
    );
    if (revoked.kind === 'not_found') return notFound(c, lang, session);
    const done = { revoked: 'ingetrokken-op-server', failed: 'niet-op-server', not_applicable: 'ingetrokken' }[
      revoked.atInstance
    ];
    return c.redirect(`${accountPaths.page(lang)}?klaar=${done}`, 303);
  });

  app.post('/beheer/sociale-accounts/:id/luisteren', async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id');
    if (!AccountId.safeParse(id).success) return notFound(c, lang, session);
    const db = c.get('db');
    const current = await getListening(db, session.user.organisationId, id);
    if (!current) return notFound(c, lang, session);
    const m = textsFor(accountTexts, lang).listening;
    const typed = (field(body, 'terms') ?? '').slice(0, 10_000);
    const enabled = field(body, 'enabled') === 'on';
    const version = Number(field(body, 'version'));
    const sent = { accountId: id, enabled, terms: typed };
    const result = await saveListening(db, {
      organisationId: session.user.organisationId,
      staffUserId: session.user.id,
      accountId: id,
      enabled,
      terms: typed.split(/[\n,]/),
      expectedVersion: Number.isInteger(version) && version > 0 ? version : 0,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'saved':
      case 'unchanged': {
        const query = new URLSearchParams({ klaar: 'luisteren', account: current.handle });
        return c.redirect(`${accountPaths.page(lang)}?${query}`, 303);
      }
      case 'not_found':
        return notFound(c, lang, session);
      case 'stale':
        // Shown as it is now; what was typed stays in the field, to save again on the new version.
        return page(c, lang, session, { listeningForm: { ...sent, errors: [], stale: true }, status: 409 });
      case 'invalid': {
        const message =
          result.problem === 'too_many' || result.problem === 'required'
            ? m.errors[result.problem]
            : m.errors[result.problem](result.term ?? '');
        return page(c, lang, session, {
          listeningForm: { ...sent, errors: [{ field: 'terms', message }] },
          status: 422,
        });
      }
    }
  });

  return app;
}
