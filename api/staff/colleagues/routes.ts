/**
 * Colleagues (/beheer/collegas, /en/manage/colleagues; administrators): the list, inviting
 * by e-mail, roles per person, deactivating and reactivating. And the public page the
 * invitation's link opens, where the invited person chooses a password. Rules are in
 * api/services/auth/colleagues.ts.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { secondFactorOf } from '../../services/auth/second-factor.ts';
import { colleagueSecondFactorSection } from '../second-factor/view.ts';
import * as secondFactorTexts from '../second-factor/texts.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { isEmailAddress } from '../../../shared/contracts/email.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { departments } from '../../db/schema.ts';
import {
  acceptInvitation,
  findInvitation,
  inviteColleague,
  listColleagues,
  resendInvitation,
  setColleagueActive,
  setColleagueRoles,
  type ChangeResult,
} from '../../services/auth/colleagues.ts';
import { PASSWORD_MAX_LENGTH } from '../../services/auth/passwords.ts';
import type { RoleGrant } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  field,
  fields,
  formBody,
  notFound,
  pageSession,
  staffForm,
  staffPage,
  type FormBody,
  type StaffEnv,
} from '../kit/guards.ts';
import { staffPage as staffShell } from '../kit/shell.ts';
import { colleaguePaths } from './paths.ts';
import * as colleagueTexts from './texts.ts';
import {
  renderColleaguePage,
  renderColleaguesPage,
  renderSetPasswordPage,
  setPasswordMessage,
  WIDE_ROLES,
  type DepartmentChoice,
  type InviteValues,
} from './view.ts';

const Id = z.uuid();
/** Tokens are 32 random bytes in base64url: anything else opens nothing, without a lookup. */
const Token = InputText.regex(/^[A-Za-z0-9_-]{43}$/);

const emptyInvite = (lang: Locale): InviteValues => ({
  name: '',
  email: '',
  language: lang,
  roles: [],
  departments: [],
});

export function colleagueRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(colleaguePaths.list(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      // The new account's id, not its address: a link cannot make the page claim an invitation.
      const invited = Id.safeParse(c.req.query('uitgenodigd'));
      return listPage(c, lang, session, { invitedId: invited.success ? invited.data : undefined });
    });

    app.get(colleaguePaths.person(lang, ':id'), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(colleagueTexts, lang);
      const query = c.req.query();
      const status =
        query.opgeslagen !== undefined
          ? m.rolesSaved
          : query.uitgezet !== undefined
            ? m.deactivated
            : query.aangezet !== undefined
              ? m.reactivated
              : query.tweestap === 'hersteld'
                ? textsFor(secondFactorTexts, lang).colleague.resetNotice
                : query.tweestap === 'geen'
                  ? textsFor(secondFactorTexts, lang).colleague.resetNone
                  : undefined;
      // The address comes from the account, not the link: a link cannot make the page claim a mail.
      const resent = query['opnieuw-uitgenodigd'] !== undefined;
      return personPage(c, lang, session, c.req.param('id') ?? '', { status, resent });
    });

    app.get(colleaguePaths.setPassword(lang), async (c) => {
      const token = c.req.query('token') ?? '';
      if (!Token.safeParse(token).success) return invalidLink(c, lang);
      const invitation = await findInvitation(c.get('db'), token, c.get('now')());
      if (!invitation) return invalidLink(c, lang);
      return c.html(renderSetPasswordPage({ lang, token, name: invitation.displayName }));
    });

    app.post(colleaguePaths.setPassword(lang), async (c) => {
      const body = await formBody(c);
      const m = textsFor(colleagueTexts, lang).setPassword;
      const token = field(body, 'token') ?? '';
      if (!Token.safeParse(token).success) return invalidLink(c, lang);
      const password = field(body, 'password') ?? '';
      const repeat = field(body, 'repeat') ?? '';
      const now = c.get('now')();
      const invitation = await findInvitation(c.get('db'), token, now);
      if (!invitation) return invalidLink(c, lang);
      const errors: FieldError[] = [];
      if (password.length < 12) errors.push({ field: 'password', message: m.tooShort });
      else if (password.length > PASSWORD_MAX_LENGTH) errors.push({ field: 'password', message: m.tooLong });
      else if (password !== repeat) errors.push({ field: 'repeat', message: m.mismatch });
      if (errors.length === 0) {
        const result = await acceptInvitation(c.get('db'), { token, password, now });
        if (result.kind === 'invalid_token') return invalidLink(c, lang);
        if (result.kind === 'accepted') {
          const page = setPasswordMessage(lang, 'done');
          return c.html(staffShell({ lang, ...page }));
        }
        errors.push({ field: 'password', message: result.problem === 'password_too_long' ? m.tooLong : m.tooShort });
      }
      return c.html(renderSetPasswordPage({ lang, token, name: invitation.displayName, errors }), 422);
    });
  }

  app.post(colleaguePaths.invite, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(colleagueTexts, lang).errors;
    const departmentChoices = await departmentsOf(c, session);
    const values: InviteValues = {
      name: (field(body, 'name') ?? '').trim().slice(0, 500),
      email: (field(body, 'email') ?? '').trim().slice(0, 500),
      language: field(body, 'language') === 'en' ? 'en' : 'nl',
      roles: fields(body, 'role'),
      departments: fields(body, 'department'),
    };
    const errors: FieldError[] = [];
    if (!values.name || values.name.length > 200) errors.push({ field: 'name', message: m.name });
    if (values.email.length > 320 || !isEmailAddress(values.email.toLowerCase()))
      errors.push({ field: 'email', message: m.email });
    const language = field(body, 'language');
    if (language !== 'nl' && language !== 'en') errors.push({ field: 'language', message: m.language });
    const grants = grantsFrom(body, departmentChoices, lang);
    if ('error' in grants) errors.push({ field: 'roles', message: grants.error });
    if (errors.length > 0 || 'error' in grants) return listPage(c, lang, session, { errors, invite: values }, 422);

    const result = await inviteColleague(c.get('db'), {
      organisationId: session.user.organisationId,
      email: values.email,
      displayName: values.name,
      roles: grants.roles,
      invitedBy: session.user.id,
      lang: values.language,
      now: c.get('now')(),
    });
    if (result.kind === 'exists')
      return listPage(c, lang, session, { errors: [{ field: 'email', message: m.exists }], invite: values }, 409);
    if (result.kind === 'invalid') {
      const error =
        result.problem === 'invalid_email'
          ? { field: 'email', message: m.email }
          : result.problem === 'name_required'
            ? { field: 'name', message: m.name }
            : { field: 'roles', message: result.problem === 'unknown_department' ? m.department : m.roles };
      return listPage(c, lang, session, { errors: [error], invite: values }, 422);
    }
    return c.redirect(`${colleaguePaths.list(lang)}?uitgenodigd=${result.staffUserId}`, 303);
  });

  app.post(colleaguePaths.roles(':id'), async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id') ?? '';
    if (!Id.safeParse(id).success) return notFound(c, lang, session);
    const version = versionOf(body);
    const departmentChoices = await departmentsOf(c, session);
    const chosen = { roles: fields(body, 'role'), departments: fields(body, 'department') };
    const grants = grantsFrom(body, departmentChoices, lang);
    if ('error' in grants || version === undefined) {
      const message = 'error' in grants ? grants.error : textsFor(colleagueTexts, lang).errors.stale;
      return personPage(c, lang, session, id, { errors: [{ field: 'roles', message }], chosen }, 422);
    }
    const result = await setColleagueRoles(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: id,
      roles: grants.roles,
      expectedVersion: version,
      actorId: session.user.id,
      now: c.get('now')(),
    });
    if (result.kind === 'changed') return c.redirect(`${colleaguePaths.person(lang, id)}?opgeslagen`, 303);
    if (result.kind === 'not_found') return notFound(c, lang, session);
    // A stale form shows the colleague as they are now; the other refusals keep what was chosen.
    return personPage(
      c,
      lang,
      session,
      id,
      { errors: [{ field: 'roles', message: refusal(lang, result) }], ...(result.kind === 'stale' ? {} : { chosen }) },
      409,
    );
  });

  app.post(colleaguePaths.status(':id'), async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const id = c.req.param('id') ?? '';
    if (!Id.safeParse(id).success) return notFound(c, lang, session);
    const m = textsFor(colleagueTexts, lang).errors;
    const action = field(body, 'action');
    const version = versionOf(body);
    if ((action !== 'deactivate' && action !== 'reactivate') || version === undefined) {
      return personPage(c, lang, session, id, { errors: [{ field: 'status', message: m.action }] }, 422);
    }
    const result = await setColleagueActive(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: id,
      active: action === 'reactivate',
      expectedVersion: version,
      actorId: session.user.id,
      now: c.get('now')(),
    });
    if (result.kind === 'changed') {
      // Someone who deactivated themselves has no session left: the log-in page says why.
      return c.redirect(`${colleaguePaths.person(lang, id)}?${action === 'reactivate' ? 'aangezet' : 'uitgezet'}`, 303);
    }
    if (result.kind === 'not_found') return notFound(c, lang, session);
    return personPage(c, lang, session, id, { errors: [{ field: 'status', message: refusal(lang, result) }] }, 409);
  });

  app.post(colleaguePaths.resend(':id'), async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session } = form;
    const id = c.req.param('id') ?? '';
    if (!Id.safeParse(id).success) return notFound(c, lang, session);
    const result = await resendInvitation(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: id,
      actorId: session.user.id,
      now: c.get('now')(),
    });
    if (result.kind === 'resent') return c.redirect(`${colleaguePaths.person(lang, id)}?opnieuw-uitgenodigd`, 303);
    if (result.kind === 'not_found') return notFound(c, lang, session);
    const m = textsFor(colleagueTexts, lang).errors;
    const message = result.kind === 'deactivated' ? m.resendDeactivated : m.notInvited;
    return personPage(c, lang, session, id, { errors: [{ field: 'invitation', message }] }, 409);
  });

  return app;
}

function refusal(lang: Locale, result: Exclude<ChangeResult, { kind: 'changed' | 'not_found' }>): string {
  const m = textsFor(colleagueTexts, lang).errors;
  if (result.kind === 'stale') return m.stale;
  if (result.kind === 'last_administrator') return m.lastAdministrator;
  return result.problem === 'unknown_department' ? m.department : m.roles;
}

function versionOf(body: FormBody): number | undefined {
  const version = Number(field(body, 'version'));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

/** The grants a roles form asks for: organisation-wide roles and department memberships. */
function grantsFrom(
  body: FormBody,
  choices: readonly DepartmentChoice[],
  lang: Locale,
): { roles: RoleGrant[] } | { error: string } {
  const m = textsFor(colleagueTexts, lang).errors;
  const roles = [...new Set(fields(body, 'role'))];
  const chosenDepartments = [...new Set(fields(body, 'department'))];
  if (roles.some((role) => !(WIDE_ROLES as readonly string[]).includes(role))) return { error: m.unknownRole };
  if (chosenDepartments.some((id) => !choices.some((d) => d.id === id))) return { error: m.department };
  const grants: RoleGrant[] = [
    ...roles.map((role) => ({ role: role as (typeof WIDE_ROLES)[number], departmentId: null })),
    ...chosenDepartments.map((departmentId) => ({ role: 'department_member' as const, departmentId })),
  ];
  return grants.length > 0 ? { roles: grants } : { error: m.roles };
}

async function departmentsOf(c: Context<StaffEnv>, session: ActiveSession): Promise<DepartmentChoice[]> {
  return c
    .get('db')
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, session.user.organisationId))
    .orderBy(departments.slug);
}

async function listPage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: { invitedId?: string | undefined; errors?: FieldError[]; invite?: InviteValues },
  status: 200 | 409 | 422 = 200,
) {
  const colleagues = await listColleagues(c.get('db'), session.user.organisationId);
  const invited = extra.invitedId ? colleagues.find((p) => p.id === extra.invitedId) : undefined;
  return c.html(
    renderColleaguesPage({
      lang,
      session: pageSession(session),
      selfId: session.user.id,
      colleagues,
      departments: await departmentsOf(c, session),
      invite: extra.invite ?? emptyInvite(lang),
      status: invited ? textsFor(colleagueTexts, lang).invitedNotice(invited.email) : undefined,
      errors: extra.errors ?? [],
    }),
    status,
  );
}

async function personPage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  id: string,
  extra: {
    status?: string | undefined;
    /** Say that a new invitation is on its way (to the colleague's address). */
    resent?: boolean;
    errors?: FieldError[];
    chosen?: { roles: string[]; departments: string[] };
  },
  status: 200 | 409 | 422 = 200,
) {
  if (!Id.safeParse(id).success) return notFound(c, lang, session);
  const colleague = (await listColleagues(c.get('db'), session.user.organisationId)).find((p) => p.id === id);
  if (!colleague) return notFound(c, lang, session);
  return c.html(
    renderColleaguePage({
      lang,
      session: pageSession(session),
      colleague,
      departments: await departmentsOf(c, session),
      ...(extra.chosen ? { chosen: extra.chosen } : {}),
      status: extra.resent ? textsFor(colleagueTexts, lang).resent(colleague.email) : extra.status,
      errors: extra.errors ?? [],
      secondFactor: colleagueSecondFactorSection(
        lang,
        session.csrfToken,
        colleague.id,
        await secondFactorOf(c.get('db'), colleague.id),
      ),
    }),
    status,
  );
}

function invalidLink(c: Context<StaffEnv>, lang: Locale) {
  return c.html(staffShell({ lang, ...setPasswordMessage(lang, 'invalid') }), 404);
}
