/**
 * Two-step verification on the workbench (api/services/auth/second-factor.ts):
 *
 * - one's own page: set up (a key, then a first code; recovery codes shown once), status,
 *   turn off with a code or the password. Reached with a session, or during a log-in that
 *   the organisation holds until a factor is set up (the pending log-in's cookie; no session
 *   and nothing else of the workbench until the first code is confirmed);
 * - the log-in's second step, for a pending log-in's cookie only;
 * - the administrators' requirement, and the reset of a colleague's factor.
 *
 * Pages reached during a log-in have no session, so no CSRF token: the staff middleware's
 * same-origin check and the pending cookie's SameSite=Strict stand in for it, as on the
 * log-in form itself.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { clientAddress } from '../../http/rate-limit.ts';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  authenticationOptions,
  checkPasskeyName,
  listPasskeys,
  MAX_PASSKEY_NAME,
  registrationOptions,
  relyingPartyFor,
  type RelyingParty,
} from '../../services/auth/passkeys.ts';
import {
  addPasskey,
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  enrolmentSecret,
  factorCounts,
  findPendingLogin,
  finishPendingLogin,
  issuerFor,
  passkeyStep,
  pendingBinding,
  removeOwnPasskey,
  requirementOf,
  resetSecondFactor,
  secondFactorOf,
  secondStep,
  sessionBinding,
  setRequirement,
  type CodeCheck,
  type PendingLogin,
} from '../../services/auth/second-factor.ts';
import { csrfTokenMatches, type ActiveSession, type NewSession } from '../../services/auth/sessions.ts';
import { groupedKey, otpauthUri } from '../../services/auth/totp.ts';
import { colleaguePaths } from '../colleagues/paths.ts';
import { formatTime } from '../kit/format.ts';
import {
  expiredPage,
  field,
  forbidden,
  formBody,
  langOf,
  notFound,
  pageSession,
  staffForm,
  staffPage,
  type FormBody,
  type StaffEnv,
} from '../kit/guards.ts';
import { sessionCookie, type StaffSessionOptions } from '../kit/session.ts';
import { staffPaths } from '../queue/paths.ts';
import { clearPendingCookie, pendingToken } from './pending-cookie.ts';
import { secondFactorPaths } from './paths.ts';
import * as secondFactorTexts from './texts.ts';
import { PASSKEY_ADD, renderOwnPage, renderPolicyPage, renderRecoveryCodesPage, renderStepPage } from './view.ts';

export type SecondFactorRouteOptions = StaffSessionOptions & {
  /** PODIUM_SECRET_KEY, which seals the TOTP secrets (the key that seals connected accounts' tokens). */
  secretKey: () => Buffer | undefined;
};

const Id = z.uuid();
/** Longer than any code or recovery code with spaces, shorter than anything pasted by mistake. */
const MAX_CODE = 64;
const MAX_PASSWORD = 1024;
/** A WebAuthn answer is a few kilobytes at most; anything larger is not one. */
const MAX_CEREMONY_JSON = 64 * 1024;

/** The shape a browser's WebAuthn answer has; @simplewebauthn/server checks everything in it. */
const CeremonyResponse = z.looseObject({
  id: InputText.min(1).max(2048),
  rawId: InputText.min(1).max(2048),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: InputText.min(1) }),
  clientExtensionResults: z.looseObject({}).default({}),
});

/** What the script reports when the browser's ceremony did not end in an answer. */
const CEREMONY_ERRORS = ['cancelled', 'unsupported', 'failed'] as const;
type CeremonyError = (typeof CEREMONY_ERRORS)[number];

/** The browser's answer from a form: the answer, a reported failure, or nothing usable. */
function ceremonyOf(body: FormBody): { response: unknown } | { error: CeremonyError | 'missing' | 'invalid' } {
  const reported = field(body, 'ceremony') ?? '';
  if ((CEREMONY_ERRORS as readonly string[]).includes(reported)) return { error: reported as CeremonyError };
  const raw = field(body, 'response') ?? '';
  if (!raw) return { error: 'missing' };
  if (raw.length > MAX_CEREMONY_JSON) return { error: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { error: 'invalid' };
  }
  const checked = CeremonyResponse.safeParse(parsed);
  return checked.success ? { response: checked.data } : { error: 'invalid' };
}

/** Who is on one's own page: a logged-in person, or a log-in held until a factor is set up. */
type Owner = { session: ActiveSession; pending?: undefined } | { session?: undefined; pending: PendingLogin };

export function secondFactorRoutes(options: SecondFactorRouteOptions): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const key = () => options.secretKey();
  /** The relying party: the public address, or (without one, in development) the request's own. */
  const rpOf = async (c: Context<StaffEnv>, organisationId: string): Promise<RelyingParty | undefined> =>
    relyingPartyFor(options.publicUrl ?? new URL(c.req.url).origin, await issuerFor(c.get('db'), organisationId));
  const address = (c: Context<StaffEnv>) => clientAddress(c, options.trustProxyHops ?? 0);

  async function pendingOf(c: Context<StaffEnv>, stage: 'code' | 'enrol'): Promise<PendingLogin | undefined> {
    const token = pendingToken(c, options);
    if (!token) return undefined;
    const pending = await findPendingLogin(c.get('db'), token, c.get('now')());
    // Gone or expired: the cookie goes too. A log-in at the other stage keeps its cookie.
    if (!pending) clearPendingCookie(c, options);
    return pending?.stage === stage ? pending : undefined;
  }

  /** A form post on one's own page: the session (with its CSRF token), or the pending enrolment. */
  async function ownerOfForm(c: Context<StaffEnv>, body: FormBody, lang: Locale): Promise<Owner | Response> {
    const session = c.get('session');
    if (session) {
      if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf', session);
      return { session };
    }
    const pending = await pendingOf(c, 'enrol');
    return pending ? { pending } : expiredPage(c, lang);
  }

  async function ownPage(
    c: Context<StaffEnv>,
    lang: Locale,
    owner: Owner,
    extra: {
      notice?: string | undefined;
      errors?: (FieldError & { target?: string })[];
      status?: 200 | 409 | 422 | 429;
      passkeyName?: string | undefined;
    } = {},
  ): Promise<Response> {
    const db = c.get('db');
    const user = owner.session?.user ?? owner.pending!.user;
    const rp = await rpOf(c, user.organisationId);
    const factor = await secondFactorOf(db, user.id);
    const secret = factor.state === 'pending' ? await enrolmentSecret(db, user.id, key()) : undefined;
    const setup =
      secret === undefined
        ? undefined
        : {
            grouped: groupedKey(secret),
            uri: otpauthUri(secret, user.email, await issuerFor(db, user.organisationId)),
            account: user.email,
          };
    return c.html(
      renderOwnPage({
        lang,
        session: owner.session ? pageSession(owner.session) : undefined,
        factor,
        keyConfigured: !!key(),
        required: (await requirementOf(db, user.organisationId)).required,
        setup,
        passkeys: {
          list: await listPasskeys(db, user.id),
          available: rp ? 'yes' : 'server',
          name: extra.passkeyName,
        },
        notice: extra.notice,
        errors: extra.errors ?? [],
      }),
      extra.status ?? 200,
    );
  }

  /** The answer to a refused code: the message in the form, and how long to wait. */
  function codeRefusal(
    c: Context<StaffEnv>,
    lang: Locale,
    result: CodeCheck,
    fieldName: string,
    wrong: string,
  ): { errors: FieldError[]; status: 422 | 429 } {
    const m = textsFor(secondFactorTexts, lang).errors;
    if (result.kind === 'no_secret_key') return { errors: [{ field: fieldName, message: m.noKey }], status: 422 };
    const now = c.get('now')();
    const retryAt = result.retryAt;
    if (retryAt) c.header('Retry-After', String(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000))));
    if (result.kind === 'throttled') {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 60_000));
      return { errors: [{ field: fieldName, message: m.throttled(formatTime(retryAt!, lang), minutes) }], status: 429 };
    }
    const message = retryAt ? `${wrong} ${m.waitBeforeNext(formatTime(retryAt, lang))}` : wrong;
    return { errors: [{ field: fieldName, message }], status: 422 };
  }

  function startSessionCookie(c: Context<StaffEnv>, session: NewSession): void {
    clearPendingCookie(c, options);
    const cookie = sessionCookie(c, options);
    // The same cookie as a log-in without a second factor (api/staff/auth/routes.ts).
    setCookie(c, cookie.name, session.token, { path: '/', httpOnly: true, secure: cookie.secure, sameSite: 'Lax' });
  }

  /** A code field: missing, too long, or the code. */
  function codeField(body: FormBody, lang: Locale, name = 'code'): { code: string } | { error: FieldError } {
    const m = textsFor(secondFactorTexts, lang).errors;
    const code = (field(body, name) ?? '').trim();
    if (!code) return { error: { field: name, message: m.codeRequired } };
    if (code.length > MAX_CODE) return { error: { field: name, message: m.tooLong } };
    return { code };
  }

  for (const lang of ['nl', 'en'] as const) {
    // ---- one's own page --------------------------------------------------------------
    app.get(secondFactorPaths.own(lang), async (c) => {
      const m = textsFor(secondFactorTexts, lang);
      const session = c.get('session');
      const owner: Owner | undefined = session
        ? { session }
        : await pendingOf(c, 'enrol').then((pending) => pending && { pending });
      if (!owner) return c.redirect(`${staffPaths.login(lang)}?next=${encodeURIComponent(c.req.path)}`, 303);
      const left = Number(c.req.query('herstelcode'));
      const passkeyNotice = c.req.query('passkey');
      const newest =
        passkeyNotice === 'toegevoegd'
          ? (await listPasskeys(c.get('db'), owner.session?.user.id ?? owner.pending!.user.id)).at(-1)
          : undefined;
      const notice = newest
        ? m.passkeys.addedNotice(newest.name)
        : passkeyNotice === 'verwijderd'
          ? m.passkeys.removedNotice
          : c.req.query('uit') !== undefined
            ? m.disabledNotice
            : Number.isInteger(left) && left >= 0 && c.req.query('herstelcode') !== undefined
              ? m.recoveryUsedNotice(left)
              : undefined;
      return ownPage(c, lang, owner, { notice });
    });

    // ---- the log-in's second step ----------------------------------------------------
    app.get(secondFactorPaths.step(lang), async (c) => {
      if (c.get('session')) return c.redirect(staffPaths.queue(lang), 303);
      const pending = await pendingOf(c, 'code');
      if (!pending) return c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
      return c.html(renderStepPage({ lang, ...(await stepFactors(c, pending)) }));
    });

    // ---- the log-in's second step with a passkey ---------------------------------------
    app.post(secondFactorPaths.passkeyStep(lang), async (c) => {
      const body = await formBody(c);
      const pending = await pendingOf(c, 'code');
      if (!pending) return c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
      const m = textsFor(secondFactorTexts, lang).passkeyErrors;
      const refuse = async (message: string, status: 409 | 422 = 422) =>
        c.html(
          renderStepPage({ lang, ...(await stepFactors(c, pending)), errors: [{ field: 'passkey', message }] }),
          status,
        );
      const rp = await rpOf(c, pending.user.organisationId);
      if (!rp) return refuse(textsFor(secondFactorTexts, lang).passkeys.unavailableHere);
      const ceremony = ceremonyOf(body);
      if ('error' in ceremony) {
        const messages = {
          cancelled: m.signInCancelled,
          unsupported: m.unsupported,
          failed: m.failed,
          missing: m.missing,
          invalid: m.invalid,
        };
        return refuse(messages[ceremony.error]);
      }
      const now = c.get('now')();
      const result = await passkeyStep(c.get('db'), {
        pending,
        rp,
        response: ceremony.response as AuthenticationResponseJSON,
        address: address(c),
        now,
      });
      if (result.kind === 'ok') {
        startSessionCookie(c, result.session);
        return c.redirect(pending.next ?? staffPaths.queue(lang), 303);
      }
      const messages = {
        expired: m.expired,
        invalid: m.invalid,
        unknown_credential: m.unknownCredential,
        counter: m.counter,
      };
      // Throttled, or refused with a wait before the next attempt: said as for a code.
      if (result.kind === 'throttled' || result.retryAt) {
        const refusal = codeRefusal(
          c,
          lang,
          result.kind === 'throttled' ? result : { kind: 'invalid', retryAt: result.retryAt },
          'passkey',
          result.kind === 'throttled' ? '' : messages[result.kind],
        );
        return c.html(
          renderStepPage({ lang, ...(await stepFactors(c, pending)), errors: refusal.errors }),
          result.kind === 'throttled' ? 429 : result.kind === 'counter' ? 409 : refusal.status,
        );
      }
      return refuse(messages[result.kind], result.kind === 'counter' ? 409 : 422);
    });

    app.post(secondFactorPaths.step(lang), async (c) => {
      const body = await formBody(c);
      const pending = await pendingOf(c, 'code');
      if (!pending) return c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
      const read = codeField(body, lang);
      if ('error' in read) {
        return c.html(renderStepPage({ lang, ...(await stepFactors(c, pending)), errors: [read.error] }), 422);
      }
      const now = c.get('now')();
      const result = await secondStep(c.get('db'), { pending, code: read.code, key: key(), address: address(c), now });
      if (result.kind !== 'ok') {
        const wrong = textsFor(secondFactorTexts, lang).errors.codeWrong;
        const refusal = codeRefusal(c, lang, result, 'code', wrong);
        return c.html(
          renderStepPage({ lang, ...(await stepFactors(c, pending)), errors: refusal.errors }),
          refusal.status,
        );
      }
      startSessionCookie(c, result.session);
      if (result.method === 'recovery') {
        // Said at once, with how many are left: a person who needed one has probably lost the phone.
        return c.redirect(`${secondFactorPaths.own(lang)}?herstelcode=${result.recoveryCodesLeft ?? 0}`, 303);
      }
      return c.redirect(pending.next ?? staffPaths.queue(lang), 303);
    });

    // ---- the administrators' requirement -----------------------------------------------
    app.get(secondFactorPaths.policy(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(secondFactorTexts, lang).policy;
      const saved = c.req.query('opgeslagen');
      const notice =
        saved === 'verplicht'
          ? m.savedRequired
          : saved === 'vrijwillig'
            ? m.savedOptional
            : saved === 'ongewijzigd'
              ? m.unchanged
              : undefined;
      return policyPage(c, lang, session, { notice });
    });
  }

  /** Which factors the step page offers: the app's code, and passkeys where the address allows. */
  async function stepFactors(
    c: Context<StaffEnv>,
    pending: PendingLogin,
  ): Promise<{ totp: boolean; passkeys: 'yes' | 'server' | 'none' }> {
    const factor = await secondFactorOf(c.get('db'), pending.user.id);
    const rp = factor.passkeys > 0 ? await rpOf(c, pending.user.organisationId) : undefined;
    return {
      totp: factor.state === 'active',
      passkeys: factor.passkeys === 0 ? 'none' : rp ? 'yes' : 'server',
    };
  }

  async function policyPage(
    c: Context<StaffEnv>,
    lang: Locale,
    session: ActiveSession,
    extra: { notice?: string | undefined; errors?: FieldError[]; chosen?: boolean | undefined; status?: 409 | 422 },
  ): Promise<Response> {
    const db = c.get('db');
    const organisationId = session.user.organisationId;
    const stored = await requirementOf(db, organisationId);
    return c.html(
      renderPolicyPage({
        lang,
        session: pageSession(session),
        required: 'chosen' in extra ? extra.chosen : stored.required,
        version: stored.version,
        counts: await factorCounts(db, organisationId),
        keyConfigured: !!key(),
        notice: extra.notice,
        errors: extra.errors ?? [],
      }),
      extra.status ?? 200,
    );
  }

  // ---- setting up ----------------------------------------------------------------------
  app.post(secondFactorPaths.start, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const owner = await ownerOfForm(c, body, lang);
    if (owner instanceof Response) return owner;
    const user = owner.session?.user ?? owner.pending!.user;
    const started = await beginEnrolment(c.get('db'), user.id, key());
    // Without the key the page says so itself, and offers nothing to start.
    if (started.kind === 'no_secret_key') return ownPage(c, lang, owner, { status: 422 });
    return c.redirect(secondFactorPaths.own(lang), 303);
  });

  app.post(secondFactorPaths.confirm, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const owner = await ownerOfForm(c, body, lang);
    if (owner instanceof Response) return owner;
    const m = textsFor(secondFactorTexts, lang).errors;
    const read = codeField(body, lang);
    if ('error' in read) return ownPage(c, lang, owner, { errors: [read.error], status: 422 });
    const db = c.get('db');
    const now = c.get('now')();
    const user = owner.session?.user ?? owner.pending!.user;
    const result = await confirmEnrolment(db, { user, code: read.code, key: key(), address: address(c), now });
    if (result.kind === 'not_started') {
      return ownPage(c, lang, owner, { errors: [{ field: 'code', message: m.notStarted }], status: 422 });
    }
    if (result.kind !== 'confirmed') {
      const refusal = codeRefusal(c, lang, result, 'code', m.codeWrong);
      return ownPage(c, lang, owner, refusal);
    }
    if (owner.pending) {
      // The log-in the organisation held: both factors are proven now, so it ends in a session.
      startSessionCookie(c, await finishPendingLogin(db, owner.pending, now));
      return c.html(
        renderRecoveryCodesPage({
          lang,
          codes: result.recoveryCodes,
          continueTo: owner.pending.next ?? staffPaths.queue(lang),
        }),
      );
    }
    return c.html(
      renderRecoveryCodesPage({
        lang,
        session: pageSession(owner.session),
        codes: result.recoveryCodes,
        continueTo: secondFactorPaths.own(lang),
      }),
    );
  });

  // ---- passkeys --------------------------------------------------------------------------

  /** A passkey's name as typed, or the message that refuses it. */
  async function passkeyName(c: Context<StaffEnv>, lang: Locale, staffUserId: string, typed: string) {
    const m = textsFor(secondFactorTexts, lang).passkeyErrors;
    const checked = await checkPasskeyName(c.get('db'), staffUserId, typed);
    if (checked.kind === 'ok') return checked;
    const message =
      checked.kind === 'missing'
        ? m.nameRequired
        : checked.kind === 'too_long'
          ? m.nameTooLong(MAX_PASSKEY_NAME)
          : m.nameTaken;
    return { kind: 'refused' as const, error: { field: 'name', target: 'passkey-name', message } };
  }

  /** Options for the browser to make a passkey (JSON for the script): a challenge bound to this session or log-in. */
  app.post(secondFactorPaths.passkeyAddOptions, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const owner = await ownerOfForm(c, body, lang);
    if (owner instanceof Response) return owner;
    const user = owner.session?.user ?? owner.pending!.user;
    const rp = await rpOf(c, user.organisationId);
    if (!rp) return c.json({ error: 'unavailable' }, 422);
    // A name that will be refused is refused before the ceremony, not after it.
    const name = await passkeyName(c, lang, user.id, field(body, 'name') ?? '');
    if (name.kind === 'refused') return c.json({ error: 'name', message: name.error.message }, 422);
    const boundTo = owner.session ? sessionBinding(owner.session) : pendingBinding(owner.pending!);
    const optionsJson = await registrationOptions(c.get('db'), { user, rp, boundTo, now: c.get('now')() });
    return c.json(optionsJson);
  });

  app.post(secondFactorPaths.passkeyAdd, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const owner = await ownerOfForm(c, body, lang);
    if (owner instanceof Response) return owner;
    const m = textsFor(secondFactorTexts, lang).passkeyErrors;
    const db = c.get('db');
    const user = owner.session?.user ?? owner.pending!.user;
    const typed = (field(body, 'name') ?? '').slice(0, 1000);
    const refuse = (message: string, fieldName: 'name' | 'ceremony' = 'ceremony', status: 409 | 422 = 422) =>
      ownPage(c, lang, owner, {
        errors: [{ field: fieldName, target: fieldName === 'name' ? 'passkey-name' : PASSKEY_ADD, message }],
        status,
        passkeyName: typed,
      });
    const name = await passkeyName(c, lang, user.id, typed);
    if (name.kind === 'refused') return refuse(name.error.message, 'name');
    const rp = await rpOf(c, user.organisationId);
    if (!rp) return refuse(textsFor(secondFactorTexts, lang).passkeys.unavailableHere);
    const ceremony = ceremonyOf(body);
    if ('error' in ceremony) {
      const messages = {
        cancelled: m.cancelled,
        unsupported: m.unsupported,
        failed: m.failed,
        missing: m.missing,
        invalid: m.invalid,
      };
      return refuse(messages[ceremony.error]);
    }
    const now = c.get('now')();
    const result = await addPasskey(db, {
      user,
      rp,
      boundTo: owner.session ? sessionBinding(owner.session) : pendingBinding(owner.pending!),
      name: name.name,
      response: ceremony.response as RegistrationResponseJSON,
      now,
    });
    if (result.kind !== 'added') {
      const messages = { expired: m.expired, invalid: m.invalid, duplicate: m.duplicate };
      return refuse(messages[result.kind], 'ceremony', result.kind === 'duplicate' ? 409 : 422);
    }
    if (owner.pending) {
      // The log-in the organisation held: both factors are proven now, so it ends in a session.
      startSessionCookie(c, await finishPendingLogin(db, owner.pending, now));
      const next = owner.pending.next ?? staffPaths.queue(lang);
      if (!result.recoveryCodes) return c.redirect(next, 303);
      return c.html(renderRecoveryCodesPage({ lang, codes: result.recoveryCodes, continueTo: next }));
    }
    const back = `${secondFactorPaths.own(lang)}?passkey=toegevoegd`;
    if (!result.recoveryCodes) return c.redirect(back, 303);
    return c.html(
      renderRecoveryCodesPage({
        lang,
        session: pageSession(owner.session),
        codes: result.recoveryCodes,
        continueTo: back,
      }),
    );
  });

  app.post(secondFactorPaths.passkeyRemove, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const session = c.get('session');
    if (!session) return expiredPage(c, lang);
    if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf', session);
    const m = textsFor(secondFactorTexts, lang);
    const passkeyId = field(body, 'passkey') ?? '';
    const password = field(body, 'password') ?? '';
    const errors: (FieldError & { target?: string })[] = [];
    if (!Id.safeParse(passkeyId).success) errors.push({ field: 'passkey', message: m.passkeyErrors.choose });
    if (!password) {
      errors.push({ field: 'password', target: 'passkey-password', message: m.passkeyErrors.passwordRequired });
    } else if (password.length > MAX_PASSWORD) {
      errors.push({ field: 'password', target: 'passkey-password', message: m.errors.passwordWrong });
    }
    if (errors.length > 0) return ownPage(c, lang, { session }, { errors, status: 422 });
    const result = await removeOwnPasskey(c.get('db'), {
      user: session.user,
      passkeyId,
      password,
      address: address(c),
      now: c.get('now')(),
    });
    if (result.kind === 'removed') return c.redirect(`${secondFactorPaths.own(lang)}?passkey=verwijderd`, 303);
    if (result.kind === 'not_found') {
      return ownPage(
        c,
        lang,
        { session },
        { errors: [{ field: 'passkey', message: m.passkeyErrors.notFound }], status: 422 },
      );
    }
    if (result.kind === 'required') {
      return ownPage(
        c,
        lang,
        { session },
        { errors: [{ field: 'passkey', message: m.passkeys.removeRequired }], status: 422 },
      );
    }
    const refusal = codeRefusal(c, lang, result, 'password', m.errors.passwordWrong);
    return ownPage(
      c,
      lang,
      { session },
      { ...refusal, errors: refusal.errors.map((e) => ({ ...e, target: 'passkey-password' })) },
    );
  });

  /** Options for the browser to sign with a passkey at the log-in's second step (JSON, the pending cookie only). */
  app.post(secondFactorPaths.passkeyStepOptions, async (c) => {
    const pending = await pendingOf(c, 'code');
    if (!pending) return c.json({ error: 'expired' }, 401);
    const rp = await rpOf(c, pending.user.organisationId);
    if (!rp) return c.json({ error: 'unavailable' }, 422);
    const optionsJson = await authenticationOptions(c.get('db'), {
      staffUserId: pending.user.id,
      rp,
      boundTo: pendingBinding(pending),
      now: c.get('now')(),
    });
    if (!optionsJson) return c.json({ error: 'none' }, 422);
    return c.json(optionsJson);
  });

  // ---- turning it off --------------------------------------------------------------------
  app.post(secondFactorPaths.disable, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const session = c.get('session');
    if (!session) return expiredPage(c, lang);
    if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf', session);
    const m = textsFor(secondFactorTexts, lang).errors;
    const code = (field(body, 'code') ?? '').trim();
    const password = field(body, 'password') ?? '';
    const refuse = (name: string, message: string) =>
      ownPage(c, lang, { session }, { errors: [{ field: name, message }], status: 422 });
    if (!code && !password) return refuse('code', m.proofRequired);
    if (code && password) return refuse('code', m.proofBoth);
    if (code.length > MAX_CODE) return refuse('code', m.tooLong);
    if (password.length > MAX_PASSWORD) return refuse('password', m.passwordWrong);
    const result = await disableSecondFactor(c.get('db'), {
      user: session.user,
      proof: code ? { code } : { password },
      key: key(),
      address: address(c),
      now: c.get('now')(),
    });
    if (result.kind === 'disabled') return c.redirect(`${secondFactorPaths.own(lang)}?uit`, 303);
    if (result.kind === 'not_active') return refuse('code', m.notActive);
    if (result.kind === 'required') {
      return refuse('code', textsFor(secondFactorTexts, lang).disableRequired);
    }
    const refusal = code
      ? codeRefusal(c, lang, result, 'code', m.codeWrong)
      : codeRefusal(c, lang, result, 'password', m.passwordWrong);
    return ownPage(c, lang, { session }, refusal);
  });

  // ---- the requirement -------------------------------------------------------------------
  app.post(secondFactorPaths.policySave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(secondFactorTexts, lang).policy;
    const choice = field(body, 'required');
    if (choice !== 'yes' && choice !== 'no') {
      return policyPage(c, lang, session, {
        errors: [{ field: 'required', message: m.choiceRequired }],
        chosen: undefined,
        status: 422,
      });
    }
    const required = choice === 'yes';
    const version = Number(field(body, 'version'));
    const result = await setRequirement(c.get('db'), {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      required,
      // Not a number: no version matches, so the save is refused as stale with the state now.
      expectedVersion: Number.isInteger(version) ? version : -1,
      sealingKey: !!key(),
      now: c.get('now')(),
    });
    if (result.kind === 'no_key') {
      return policyPage(c, lang, session, {
        errors: [{ field: 'required', message: m.noKey }],
        chosen: required,
        status: 422,
      });
    }
    if (result.kind === 'stale') {
      const now = result.required ? m.required : m.optional;
      return policyPage(c, lang, session, {
        errors: [{ field: 'required', message: m.stale(now.toLowerCase()) }],
        chosen: required,
        status: 409,
      });
    }
    const saved = !result.changed ? 'ongewijzigd' : result.required ? 'verplicht' : 'vrijwillig';
    return c.redirect(`${secondFactorPaths.policy(lang)}?opgeslagen=${saved}`, 303);
  });

  // ---- an administrator's reset of a colleague's factor -----------------------------------
  app.post(secondFactorPaths.reset(':id'), async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const id = c.req.param('id') ?? '';
    if (!Id.safeParse(id).success) return notFound(c, lang, session);
    const result = await resetSecondFactor(c.get('db'), {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      colleagueId: id,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return notFound(c, lang, session);
    const outcome = result.kind === 'reset' ? 'hersteld' : 'geen';
    return c.redirect(`${colleaguePaths.person(lang, id)}?tweestap=${outcome}`, 303);
  });

  return app;
}
