/**
 * Connected social-media accounts on the staff workbench (administrators): the registry,
 * connecting a Mastodon account with its access token or a Bluesky account with an app
 * password, and revoking one. The credential goes from the form to the platform's check
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
  revokeAccount,
  type PostingSettings,
} from '../../services/social/accounts.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { getListening, listListening, saveListening } from '../../services/social/listening.ts';
import { formErrors } from '../kit/form-errors.ts';
import { field, notFound, pageSession, staffForm, staffPage, type StaffEnv } from '../kit/guards.ts';
import { accountPaths } from './paths.ts';
import * as accountTexts from './texts.ts';
import { renderAccountsPage, type ConnectFormState, type ListeningFormState } from './view.ts';

const AccountId = z.uuid();
const ConnectForm = z.object({
  instance: InputText.trim().min(1).max(500),
  token: InputText.trim().min(1).max(2000),
});
const BlueskyForm = z.object({
  identifier: InputText.trim()
    .min(1)
    .max(253)
    .regex(/^@?([a-zA-Z0-9.-]+\.[a-zA-Z]{2,}|did:[a-z]+:[a-zA-Z0-9._:%-]+)$/),
  appPassword: InputText.trim().min(1).max(200),
  pds: InputText.trim().max(500),
});

export function accountRoutes(settings: () => PostingSettings): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

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
      return page(c, lang, session, {
        notice:
          done === 'gekoppeld' && handle
            ? m.connected(handle)
            : done === 'ingetrokken'
              ? m.revokedNotice
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
      const query = new URLSearchParams({ klaar: 'gekoppeld', account: outcome.account.handle });
      return c.redirect(`${accountPaths.page(lang)}?${query}`, 303);
    }
    // Only Bluesky checks the form of its credential; a Mastodon token has none.
    const kind = outcome.kind === 'not_app_password' ? 'token_rejected' : outcome.kind;
    const target = kind === 'token_rejected' || kind === 'no_secret_key' ? 'token' : 'instance';
    return page(c, lang, session, {
      form: { platform: 'mastodon', values, errors: [{ field: target, message: m[kind] }] },
      status: 422,
    });
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
    const revoked = await revokeAccount(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: session.user.id,
      accountId: id,
      now: c.get('now')(),
    });
    if (!revoked) return notFound(c, lang, session);
    return c.redirect(`${accountPaths.page(lang)}?klaar=ingetrokken`, 303);
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
