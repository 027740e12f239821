/**
 * The organisation settings page (/beheer/instellingen/organisatie, /en/manage/settings/organisation)
 * and the departments page (/beheer/instellingen/afdelingen, /en/manage/settings/departments):
 * one form post for every change, checked here and saved by services/organisation-settings.ts
 * and services/department-settings.ts on the version the page was opened on. Mounted by the
 * settings group's routes.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Context, Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { LocalizedText, SocialAuthorDisplay, SocialAutoPublish } from '../../db/schema.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  loadDepartmentSettings,
  MAX_DEPARTMENT_NAME,
  saveDepartmentChange,
  type DepartmentAction,
  type DepartmentChange,
} from '../../services/department-settings.ts';
import {
  AUTHOR_DISPLAYS,
  AUTO_PUBLISH,
  loadOrganisationSettings,
  MAX_ALT,
  MAX_LOGO_BYTES,
  MAX_NAME,
  saveOrganisationChange,
  type OrganisationChange,
  type OrganisationPart,
} from '../../services/organisation-settings.ts';
import { pick } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import * as organisationTexts from './organisation-texts.ts';
import {
  renderDepartmentsPage,
  renderOrganisationPage,
  TOKEN_FIELDS,
  type OrganisationForm,
  type Values,
} from './organisation-view.ts';
import { settingsPaths } from './paths.ts';
import type { FormError } from './view.ts';
import { DEFAULT_THEME, parseHexColour, THEME_TOKENS, type ThemeTokens } from '../../../shared/theme.ts';

const PARTS: readonly OrganisationPart[] = ['general', 'logo', 'logo_alt', 'logo_removed', 'theme', 'languages'];
const previewScript = new URL('../kit/assets/theme-preview.js', import.meta.url);
const DEPARTMENT_DONE: readonly DepartmentAction[] = ['added', 'renamed', 'removed'];

export const localized = (nl: string, en: string): LocalizedText =>
  en.trim() ? { nl: nl.trim(), en: en.trim() } : { nl: nl.trim() };

/** Reads a text field as typed (cut off well past its limit, so a long one is refused, not stored). */
const read = (body: FormBody, name: string, max: number) => (field(body, name) ?? '').slice(0, max + 500);

/** The uploaded file, when one was chosen (browsers send an empty part for none). */
function uploaded(body: FormBody, name: string): File | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first instanceof File && (first.size > 0 || first.name !== '') ? first : undefined;
}

async function showOrganisation(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: {
    typed?: { form: OrganisationForm; values: Values };
    errors?: FormError[];
    status?: string;
    version?: string;
  } = {},
  status: 200 | 404 | 409 | 413 | 422 = 200,
) {
  const settings = await loadOrganisationSettings(c.get('db'), session.user.organisationId);
  return c.html(
    renderOrganisationPage({
      lang,
      session: pageSession(session),
      settings,
      version: extra.version ?? String(settings.version),
      typed: extra.typed,
      errors: extra.errors ?? [],
      status: extra.status,
    }),
    status,
  );
}

async function showDepartments(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: { typed?: { form: string; values: Values }; errors?: FormError[]; status?: string; version?: string } = {},
  status: 200 | 404 | 409 | 422 = 200,
) {
  const settings = await loadDepartmentSettings(c.get('db'), session.user.organisationId);
  return c.html(
    renderDepartmentsPage({
      lang,
      session: pageSession(session),
      settings,
      version: extra.version ?? String(settings.version),
      typed: extra.typed,
      errors: extra.errors ?? [],
      status: extra.status,
    }),
    status,
  );
}

export function mountOrganisationRoutes(app: Hono<StaffEnv>): void {
  app.get(settingsPaths.themePreviewScript, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(await readFile(previewScript, 'utf8'), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  for (const lang of ['nl', 'en'] as const) {
    app.get(settingsPaths.organisation(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const done = textsFor(organisationTexts, lang).organisation.done;
      const query = c.req.query('gedaan');
      const part = PARTS.find((p) => p === query);
      if (query === 'niets') return showOrganisation(c, lang, session, { status: done.unchanged });
      return showOrganisation(c, lang, session, part ? { status: done[part] } : {});
    });

    app.get(settingsPaths.departments(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const done = textsFor(organisationTexts, lang).departments.done;
      const query = c.req.query('gedaan');
      const action = DEPARTMENT_DONE.find((a) => a === query);
      if (query === 'niets') return showDepartments(c, lang, session, { status: done.unchanged });
      if (action === 'removed') return showDepartments(c, lang, session, { status: done.removed });
      if (!action) return showDepartments(c, lang, session);
      const settings = await loadDepartmentSettings(c.get('db'), session.user.organisationId);
      const department = settings.departments.find((d) => d.slug === c.req.query('afdeling'));
      if (!department) return showDepartments(c, lang, session);
      return showDepartments(c, lang, session, { status: done[action](pick(department.name, lang)) });
    });
  }

  app.post(settingsPaths.organisationSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const m = textsFor(organisationTexts, lang).organisation.errors;
    const action = field(body, 'action');
    const errors: FormError[] = [];
    let typed: { form: OrganisationForm; values: Values } | undefined;
    let change: OrganisationChange;
    if (action === 'theme' || action === 'reset-theme') {
      const values: Values = {};
      const theme = { ...DEFAULT_THEME };
      for (const token of THEME_TOKENS) {
        const name = TOKEN_FIELDS[token];
        values[name] = action === 'reset-theme' ? DEFAULT_THEME[token] : (field(body, name) ?? '').slice(0, 20);
        const colour = parseHexColour(values[name]);
        if (colour) theme[token] = colour;
        else errors.push({ field: name, message: m.colour });
      }
      typed = { form: 'theme', values };
      change = { kind: 'theme', theme: theme satisfies ThemeTokens };
    } else if (action === 'languages') {
      const chosen = Array.isArray(body['languages']) ? body['languages'] : [body['languages']];
      const languages = chosen.filter((v): v is string => typeof v === 'string').slice(0, 10) as Locale[];
      typed = { form: 'languages', values: { languages: languages.join(' ') } };
      if (!languages.includes('nl')) errors.push({ field: 'languages', target: 'language-en', message: m.dutch });
      change = { kind: 'languages', languages };
    } else if (action === 'logo') {
      const values = { 'alt-nl': read(body, 'alt-nl', MAX_ALT), 'alt-en': read(body, 'alt-en', MAX_ALT) };
      typed = { form: 'logo', values };
      if (!values['alt-nl'].trim()) errors.push({ field: 'alt-nl', message: m.altNl });
      for (const name of ['alt-nl', 'alt-en'] as const)
        if (values[name].trim().length > MAX_ALT) errors.push({ field: name, message: m.altLong });
      const file = uploaded(body, 'logo');
      if (file && file.size > MAX_LOGO_BYTES) errors.push({ field: 'logo-file', message: m.logo.too_large });
      const bytes = file && file.size <= MAX_LOGO_BYTES ? new Uint8Array(await file.arrayBuffer()) : null;
      // A file chosen with a wrong text must be chosen again: say so beside the field.
      if (errors.length > 0 && file && !errors.some((e) => e.field === 'logo-file'))
        errors.push({ field: 'logo-file', message: m.fileAgain });
      change = { kind: 'logo', bytes, alt: localized(values['alt-nl'], values['alt-en']) };
    } else if (action === 'remove-logo') {
      change = { kind: 'remove_logo' };
    } else {
      const values = {
        'name-nl': read(body, 'name-nl', MAX_NAME),
        'name-en': read(body, 'name-en', MAX_NAME),
        'author-display': (field(body, 'author-display') ?? '').slice(0, 20),
        'auto-publish': (field(body, 'auto-publish') ?? '').slice(0, 20),
      };
      typed = { form: 'general', values };
      if (!values['name-nl'].trim()) errors.push({ field: 'name-nl', message: m.nameNl });
      for (const name of ['name-nl', 'name-en'] as const)
        if (values[name].trim().length > MAX_NAME) errors.push({ field: name, message: m.nameLong });
      const authorDisplay = AUTHOR_DISPLAYS.find((d) => d === values['author-display']);
      const autoPublish = AUTO_PUBLISH.find((a) => a === values['auto-publish']);
      if (!authorDisplay)
        errors.push({ field: 'author-display', target: 'author-display-pseudonym', message: m.authorDisplay });
      if (!autoPublish) errors.push({ field: 'auto-publish', target: 'auto-publish-own', message: m.autoPublish });
      change = {
        kind: 'general',
        general: {
          name: localized(values['name-nl'], values['name-en']),
          authorDisplay: authorDisplay as SocialAuthorDisplay,
          autoPublish: autoPublish as SocialAutoPublish,
        },
      };
    }
    const target =
      action === 'logo'
        ? 'logo-file'
        : action === 'remove-logo'
          ? 'remove-logo'
          : action === 'theme' || action === 'reset-theme'
            ? 'accent'
            : action === 'languages'
              ? 'language-en'
              : 'name-nl';
    const refuse = (errs: FormError[], status: 404 | 409 | 422, version?: string) =>
      showOrganisation(
        c,
        lang,
        session,
        { ...(typed ? { typed } : {}), errors: errs, ...(version ? { version } : {}) },
        status,
      );
    if (errors.length > 0) return refuse(errors, 422, field(body, 'version'));
    const versionRaw = field(body, 'version') ?? '';
    if (!/^\d{1,9}$/.test(versionRaw)) return refuse([{ field: 'form', target, message: m.version }], 422);
    const result = await saveOrganisationChange(c.get('db'), {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: Number(versionRaw),
      change,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'bad_logo':
        return refuse([{ field: 'logo-file', message: m.logo[result.problem] }], 422, versionRaw);
      case 'bad_theme':
        return refuse(
          [
            ...result.malformed.map((token) => ({ field: TOKEN_FIELDS[token], message: m.colour })),
            ...result.contrast.map((p) => ({
              field: TOKEN_FIELDS[p.token],
              message: m.contrast(p.token, p.against, p.ratio, p.required),
            })),
          ],
          422,
          versionRaw,
        );
      case 'bad_languages':
        return refuse([{ field: 'languages', target: 'language-en', message: m.dutch }], 422, versionRaw);
      case 'no_logo':
        return refuse(
          [
            change.kind === 'logo'
              ? { field: 'logo-file', message: m.noFile }
              : { field: 'form', target: 'logo-file', message: m.noLogo },
          ],
          change.kind === 'logo' ? 422 : 404,
          versionRaw,
        );
      case 'stale': {
        const changes = result.changes.map((ch) => m.change(ch.by, ch.part, formatDateTime(ch.at, lang)));
        const fileNote = change.kind === 'logo' && change.bytes ? [m.fileAgain] : [];
        return refuse([{ field: 'form', target, message: [m.stale, ...changes, ...fileNote].join(' ') }], 409);
      }
      case 'saved': {
        const query = new URLSearchParams({ gedaan: result.changed ? result.part : 'niets' });
        return c.redirect(`${settingsPaths.organisation(lang)}?${query.toString()}`, 303);
      }
    }
  });

  app.post(settingsPaths.departmentsSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const m = textsFor(organisationTexts, lang).departments.errors;
    const action = (['add', 'rename', 'remove'] as const).find((a) => a === field(body, 'action')) ?? 'add';
    const slug = (field(body, 'slug') ?? '').slice(0, 100);
    const prefix = action === 'add' ? 'new' : `d-${slug}`;
    const errors: FormError[] = [];
    let typed: { form: string; values: Values } | undefined;
    let change: DepartmentChange;
    if (action === 'remove') {
      change = { kind: 'remove', slug };
    } else {
      const values = {
        'name-nl': read(body, 'name-nl', MAX_DEPARTMENT_NAME),
        'name-en': read(body, 'name-en', MAX_DEPARTMENT_NAME),
      };
      typed = { form: action === 'add' ? 'new' : slug, values };
      if (!values['name-nl'].trim()) errors.push({ field: `${prefix}-name-nl`, message: m.nameNl });
      for (const name of ['name-nl', 'name-en'] as const)
        if (values[name].trim().length > MAX_DEPARTMENT_NAME)
          errors.push({ field: `${prefix}-${name}`, message: m.nameLong });
      const name = localized(values['name-nl'], values['name-en']);
      change = action === 'add' ? { kind: 'add', name } : { kind: 'rename', slug, name };
    }
    const target = action === 'remove' ? `${prefix}-remove` : `${prefix}-name-nl`;
    const refuse = (errs: FormError[], status: 404 | 409 | 422, version?: string) =>
      showDepartments(
        c,
        lang,
        session,
        { ...(typed ? { typed } : {}), errors: errs, ...(version ? { version } : {}) },
        status,
      );
    if (errors.length > 0) return refuse(errors, 422, field(body, 'version'));
    const versionRaw = field(body, 'version') ?? '';
    if (!/^\d{1,9}$/.test(versionRaw)) return refuse([{ field: 'form', target, message: m.version }], 422);
    const result = await saveDepartmentChange(c.get('db'), {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: Number(versionRaw),
      change,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'unknown_department':
        return refuse([{ field: 'form', target: 'new-name-nl', message: m.unknown }], 404);
      case 'name_taken':
        return refuse([{ field: `${prefix}-name-nl`, message: m.nameTaken }], 422, versionRaw);
      case 'in_use':
        return refuse([{ field: 'form', target, message: m.inUse(result.use) }], 409, versionRaw);
      case 'stale': {
        const changes = result.changes.map((ch) =>
          m.change(ch.by, ch.action, pick(ch.name, lang), formatDateTime(ch.at, lang)),
        );
        return refuse([{ field: 'form', target, message: [m.stale, ...changes].join(' ') }], 409);
      }
      case 'saved': {
        if (!result.changed) return c.redirect(`${settingsPaths.departments(lang)}?gedaan=niets`, 303);
        const query = new URLSearchParams({ gedaan: result.action });
        if (result.action !== 'removed') query.set('afdeling', result.slug);
        const anchor = result.action === 'removed' ? '' : `#d-${result.slug}`;
        return c.redirect(`${settingsPaths.departments(lang)}?${query.toString()}${anchor}`, 303);
      }
    }
  });
}
