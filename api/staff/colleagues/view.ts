/**
 * The colleagues pages: the list (each person with roles, departments, state and last
 * log-in) with the invitation form; one person's page with the roles form and
 * deactivate/reactivate; and the public page where an invited person chooses a password.
 * A list of sections rather than a table, so it reflows to 320 px without scrolling.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, nothing, type Html } from '../../../shared/html/index.ts';
import type { LocalizedText } from '../../../shared/contracts/localized-text.ts';
import type { Colleague } from '../../services/auth/colleagues.ts';
import type { RoleGrant, StaffRole } from '../../services/auth/roles.ts';
import { errorSummary, fieldError, hiddenFields, notice, pick, time } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, staffPaths, type PageSession } from '../kit/shell.ts';
import { colleaguePaths } from './paths.ts';
import * as colleagueTexts from './texts.ts';

export type DepartmentChoice = { id: string; name: LocalizedText };

/** The roles given for the whole organisation; department membership is chosen per department. */
export const WIDE_ROLES = [
  'administrator',
  'moderator',
  'webcare',
  'analyst',
  'poster',
] as const satisfies readonly StaffRole[];

export type InviteValues = { name: string; email: string; language: Locale; roles: string[]; departments: string[] };

function rolesText(lang: Locale, roles: readonly RoleGrant[], departments: readonly DepartmentChoice[]): string {
  const m = textsFor(colleagueTexts, lang);
  return roles
    .map((g) => {
      if (g.role !== 'department_member' || !g.departmentId) return m.roles[g.role];
      const department = departments.find((d) => d.id === g.departmentId);
      return m.member(department ? pick(department.name, lang) : '?');
    })
    .join(', ');
}

function errorOf(errors: readonly FieldError[], name: string) {
  return errors.find((e) => e.field === name);
}

function textField(
  lang: Locale,
  options: { id: string; name: string; label: string; value: string; type?: string; autocomplete?: string },
  errors: readonly FieldError[],
): Html {
  const error = errorOf(errors, options.name);
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${options.id}">${options.label}</label>${error ? fieldError(lang, `${options.id}-error`, error.message) : nothing}<input${attrs(
    {
      type: options.type ?? 'text',
      id: options.id,
      name: options.name,
      value: options.value,
      autocomplete: options.autocomplete,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': idRefs(error ? `${options.id}-error` : undefined),
    },
  )}></div>`;
}

/** Role and department checkboxes, in two fieldsets; the first error field is `roles`. */
function roleChoices(
  lang: Locale,
  prefix: string,
  chosen: { roles: readonly string[]; departments: readonly string[] },
  departments: readonly DepartmentChoice[],
  errors: readonly FieldError[],
): Html {
  const m = textsFor(colleagueTexts, lang);
  const error = errorOf(errors, 'roles');
  const errorId = `${prefix}-roles-error`;
  const box = (name: string, value: string, label: string, id: string) =>
    html`<div class="staff-checkbox"><input${attrs({
      type: 'checkbox',
      id,
      name,
      value,
      checked: (name === 'role' ? chosen.roles : chosen.departments).includes(value),
      'aria-describedby': idRefs(error ? errorId : undefined),
    })}><label for="${id}">${label}</label></div>`;
  return html`<fieldset class="staff-field${error ? ' staff-field--invalid' : ''}" id="${prefix}-roles"><legend>${m.rolesLabel}</legend>
${error ? fieldError(lang, errorId, error.message) : nothing}
${WIDE_ROLES.map((role) => box('role', role, m.roles[role], `${prefix}-role-${role}`))}
</fieldset>
${
  departments.length > 0
    ? html`<fieldset class="staff-field"><legend>${m.departmentsLabel}</legend>
<p class="staff-hint" id="${prefix}-departments-hint">${m.departmentsHint}</p>
${departments.map((d, i) => box('department', d.id, pick(d.name, lang), `${prefix}-department-${i}`))}
</fieldset>`
    : nothing
}`;
}

export function renderColleaguesPage(state: {
  lang: Locale;
  session: PageSession;
  selfId: string;
  colleagues: readonly Colleague[];
  departments: readonly DepartmentChoice[];
  invite: InviteValues;
  status?: string | undefined;
  errors?: readonly FieldError[];
}): string {
  const { lang, session } = state;
  const m = textsFor(colleagueTexts, lang);
  const errors = state.errors ?? [];
  const people = state.colleagues.map(
    (
      c,
    ) => html`<li class="staff-colleague"><h3><a href="${colleaguePaths.person(lang, c.id)}">${c.displayName}</a>${c.id === state.selfId ? html` ${m.you}` : nothing}</h3>
<dl>
<dt>${m.email}</dt><dd>${c.email}</dd>
<dt>${m.rolesLabel}</dt><dd>${rolesText(lang, c.roles, state.departments)}</dd>
<dt>${m.status}</dt><dd>${c.disabledAt ? m.inactive(formatDateTime(c.disabledAt, lang)) : c.invited ? m.invited : m.active}</dd>
<dt>${m.lastSignIn}</dt><dd>${c.lastSignInAt ? time(c.lastSignInAt, formatDateTime(c.lastSignInAt, lang)) : m.never}</dd>
</dl></li>`,
  );
  const languageError = errorOf(errors, 'language');
  const target = (name: string) =>
    name === 'roles' ? 'invite-role-administrator' : name === 'language' ? 'invite-language-nl' : `invite-${name}`;
  const body = html`${errorSummary(
    lang,
    errors.map((e) => ({ ...e, target: target(e.field) })),
  )}
${notice(state.status)}
<p>${m.intro}</p>
<h2>${m.listHeading}</h2>
<ul class="staff-colleagues">${people}</ul>
<h2 id="uitnodigen">${m.inviteHeading}</h2>
<form method="post" action="${colleaguePaths.invite}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
<p>${m.inviteIntro}</p>
${textField(lang, { id: 'invite-name', name: 'name', label: m.name, value: state.invite.name, autocomplete: 'off' }, errors)}
${textField(lang, { id: 'invite-email', name: 'email', label: m.email, value: state.invite.email, type: 'email', autocomplete: 'off' }, errors)}
${roleChoices(lang, 'invite', state.invite, state.departments, errors)}
<fieldset class="staff-field${languageError ? ' staff-field--invalid' : ''}" id="invite-language"><legend>${m.mailLanguage}</legend>
${languageError ? fieldError(lang, 'invite-language-error', languageError.message) : nothing}
${(['nl', 'en'] as const).map(
  (option) =>
    html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: `invite-language-${option}`,
      name: 'language',
      value: option,
      checked: state.invite.language === option,
      'aria-describedby': idRefs(languageError ? 'invite-language-error' : undefined),
    })}><label for="invite-language-${option}" lang="${option}">${m.languages[option]}</label></div>`,
)}
</fieldset>
<button type="submit" class="staff-button">${m.invite}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: colleaguePaths.list(lang),
    hasErrors: errors.length > 0,
  });
}

export function renderColleaguePage(state: {
  lang: Locale;
  session: PageSession;
  colleague: Colleague;
  departments: readonly DepartmentChoice[];
  /** What the roles form shows: the stored roles, or what was sent when it was refused. */
  chosen?: { roles: string[]; departments: string[] };
  status?: string | undefined;
  errors?: readonly FieldError[];
  /** The two-step verification section (api/staff/second-factor/view.ts). */
  secondFactor?: Html | undefined;
}): string {
  const { lang, session, colleague: c } = state;
  const m = textsFor(colleagueTexts, lang);
  const errors = state.errors ?? [];
  const chosen = state.chosen ?? {
    roles: c.roles.filter((g) => g.role !== 'department_member').map((g) => g.role),
    departments: c.roles.flatMap((g) => (g.role === 'department_member' && g.departmentId ? [g.departmentId] : [])),
  };
  const target = (name: string) =>
    name === 'roles'
      ? 'person-role-administrator'
      : name === 'status'
        ? 'status-button'
        : name === 'invitation'
          ? 'resend-button'
          : name;
  // Someone who has not chosen a password yet can get a new link (the old ones stop working).
  const resend =
    c.invited && !c.disabledAt
      ? html`<h2>${m.resendHeading}</h2>
<p>${m.resendIntro}</p>
<form method="post" action="${colleaguePaths.resend(c.id)}">
${hiddenFields({ csrf: session.csrfToken, lang })}
<button type="submit" id="resend-button" class="staff-button staff-button--secondary">${m.resend}</button>
</form>`
      : nothing;
  const body = html`${errorSummary(
    lang,
    errors.map((e) => ({ ...e, target: target(e.field) })),
  )}
${notice(state.status)}
<p><a href="${colleaguePaths.list(lang)}">${m.back}</a></p>
<dl>
<dt>${m.email}</dt><dd>${c.email}</dd>
<dt>${m.status}</dt><dd>${c.disabledAt ? m.inactive(formatDateTime(c.disabledAt, lang)) : c.invited ? m.invited : m.active}</dd>
<dt>${m.lastSignIn}</dt><dd>${c.lastSignInAt ? time(c.lastSignInAt, formatDateTime(c.lastSignInAt, lang)) : m.never}</dd>
</dl>
<h2>${m.rolesLabel}</h2>
<form method="post" action="${colleaguePaths.roles(c.id)}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang, version: String(c.version) })}
${roleChoices(lang, 'person', chosen, state.departments, errors)}
<button type="submit" class="staff-button">${m.saveRoles}</button>
</form>
${resend}
${state.secondFactor ?? nothing}
<h2>${c.disabledAt ? m.reactivateHeading : m.deactivateHeading}</h2>
${c.disabledAt ? nothing : html`<p>${m.deactivateIntro}</p>`}
<form method="post" action="${colleaguePaths.status(c.id)}">
${hiddenFields({ csrf: session.csrfToken, lang, version: String(c.version), action: c.disabledAt ? 'reactivate' : 'deactivate' })}
<button type="submit" id="status-button" class="staff-button${c.disabledAt ? '' : ' staff-button--secondary'}">${c.disabledAt ? m.reactivate : m.deactivate}</button>
</form>`;
  return staffPage({
    lang,
    title: m.personTitle(c.displayName),
    body,
    session,
    path: colleaguePaths.person(lang, c.id),
    hasErrors: errors.length > 0,
  });
}

/** The invited person's page: choose a password (no session yet). */
export function renderSetPasswordPage(state: {
  lang: Locale;
  token: string;
  name?: string | undefined;
  errors?: readonly FieldError[];
}): string {
  const { lang } = state;
  const m = textsFor(colleagueTexts, lang).setPassword;
  const errors = state.errors ?? [];
  const passwordError = errorOf(errors, 'password');
  const repeatError = errorOf(errors, 'repeat');
  const input = (id: string, name: string, label: string, error: FieldError | undefined, hint?: string) =>
    html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${label}</label>${hint ? html`<p class="staff-hint" id="${id}-hint">${hint}</p>` : nothing}${error ? fieldError(lang, `${id}-error`, error.message) : nothing}<input${attrs(
      {
        type: 'password',
        id,
        name,
        autocomplete: 'new-password',
        minlength: 12,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': idRefs(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined),
      },
    )}></div>`;
  const body = html`${errorSummary(
    lang,
    errors.map((e) => ({ ...e, target: e.field === 'repeat' ? 'repeat-password' : 'new-password' })),
  )}
${state.name ? html`<p>${m.intro(state.name)}</p>` : nothing}
<form method="post" action="${colleaguePaths.setPassword(lang)}" novalidate class="staff-form">
${hiddenFields({ token: state.token, lang })}
${input('new-password', 'password', m.password, passwordError, m.hint)}
${input('repeat-password', 'repeat', m.repeat, repeatError)}
<button type="submit" class="staff-button">${m.submit}</button>
</form>`;
  return staffPage({ lang, title: m.title, body, hasErrors: errors.length > 0 });
}

/** After the password was saved, or when the link opens nothing. */
export function setPasswordMessage(lang: Locale, kind: 'done' | 'invalid'): { title: string; body: Html } {
  const m = textsFor(colleagueTexts, lang).setPassword;
  return {
    title: m.title,
    body: html`<p>${kind === 'done' ? m.done : m.invalid}</p><p><a href="${staffPaths.login(lang)}">${m.login}</a></p>`,
  };
}
