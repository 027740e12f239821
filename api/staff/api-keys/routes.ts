/**
 * The personal API keys page (/beheer/api-sleutels, /en/manage/api-keys; everyone logged in):
 * make a key for a script, see one's keys, revoke one. Rules in api/services/auth/api-keys.ts.
 * A new key is shown in the answer to the form post itself, once: it is never stored.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/auth/api-keys.ts';
import { csrfTokenMatches } from '../../services/auth/sessions.ts';
import {
  expiredPage,
  field,
  forbidden,
  formBody,
  langOf,
  notFound,
  pageSession,
  type StaffEnv,
} from '../kit/guards.ts';
import { staffPaths } from '../queue/paths.ts';
import { apiKeyPaths } from './paths.ts';
import * as apiKeyTexts from './texts.ts';
import { renderApiKeysPage, type NewKeyValues } from './view.ts';

const KeyId = z.uuid();

export function apiKeyRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(apiKeyPaths.page(lang), async (c) => {
      const who = c.get('session');
      if (!who) return c.redirect(`${staffPaths.login(lang)}?next=${encodeURIComponent(c.req.path)}`, 303);
      const revoked = c.req.query('ingetrokken');
      const keys = await listApiKeys(c.get('db'), who.user.id);
      const named = keys.find((k) => k.id === revoked && k.revokedAt);
      return page(c, lang, who, { status: named ? textsFor(apiKeyTexts, lang).revoked(named.name) : undefined });
    });
  }

  app.post(apiKeyPaths.create, async (c) => {
    const form = await sessionForm(c);
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const values: NewKeyValues = {
      name: (field(body, 'name') ?? '').slice(0, 1000),
      days: (field(body, 'days') ?? '').slice(0, 10),
    };
    const made = await createApiKey(c.get('db'), {
      owner: session.user,
      name: values.name,
      days: /^\d{1,4}$/.test(values.days) ? Number(values.days) : Number.NaN,
      now: c.get('now')(),
    });
    if (made.kind === 'invalid') {
      const m = textsFor(apiKeyTexts, lang).errors;
      const error: FieldError = { field: made.problem === 'expiry' ? 'days' : 'name', message: m[made.problem] };
      return page(c, lang, session, { values, errors: [error] }, 422);
    }
    return page(c, lang, session, { made: { name: made.key.name, token: made.token } }, 201);
  });

  app.post(apiKeyPaths.revoke(':id'), async (c) => {
    const form = await sessionForm(c);
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const id = c.req.param('id') ?? '';
    const result = KeyId.safeParse(id).success
      ? await revokeApiKey(c.get('db'), { owner: session.user, keyId: id, now: c.get('now')() })
      : ({ kind: 'not_found' } as const);
    if (result.kind === 'not_found') return notFound(c, lang, session);
    return c.redirect(`${apiKeyPaths.page(lang)}?ingetrokken=${id}`, 303);
  });

  return app;
}

/** A form post of this page: keys are for everyone logged in, so it asks for no permission. */
async function sessionForm(c: Context<StaffEnv>) {
  const body = await formBody(c);
  const lang = langOf(body);
  const session = c.get('session');
  if (!session) return expiredPage(c, lang);
  if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf', session);
  return { body, lang, session };
}

async function page(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: {
    status?: string | undefined;
    values?: NewKeyValues;
    made?: { name: string; token: string };
    errors?: FieldError[];
  },
  status: 200 | 201 | 422 = 200,
) {
  return c.html(
    renderApiKeysPage({
      lang,
      session: pageSession(session),
      keys: await listApiKeys(c.get('db'), session.user.id),
      now: c.get('now')(),
      ...extra,
    }),
    status,
  );
}
