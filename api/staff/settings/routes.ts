/**
 * The settings pages (administrators). House rules: /beheer/instellingen/huisregels
 * (/en/manage/settings/house-rules), one form post for every change, which the service
 * (services/house-rule-settings.ts) saves in one transaction on the version the page was
 * opened on, audited, with the portal marked for a rebuild. The accessibility statement, the
 * organisation and the departments have their own modules, mounted here.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  loadHouseRuleSettings,
  saveHouseRuleChange,
  type HouseRuleAction,
  type HouseRuleChange,
} from '../../services/house-rule-settings.ts';
import { pick } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { mountGuidelineRoutes } from './guideline-routes.ts';
import { settingsPaths } from './paths.ts';
import { mountOrganisationRoutes } from './organisation-routes.ts';
import { mountStatementRoutes } from './statement-routes.ts';
import * as settingsTexts from './texts.ts';
import {
  fieldId,
  MAX_BODY,
  MAX_TITLE,
  renderHouseRulesPage,
  renderSettingsIndex,
  type FormError,
  type RuleValues,
} from './view.ts';

const ACTIONS = ['add', 'save', 'up', 'down', 'retire', 'restore'] as const;
type FormAction = (typeof ACTIONS)[number];
const DONE: readonly HouseRuleAction[] = ['added', 'edited', 'moved', 'retired', 'restored'];

/** The texts of a rule's form, kept as typed (trimmed only for the checks), with what is wrong with them. */
function checkTexts(body: FormBody, lang: Locale, prefix: string): { values: RuleValues; errors: FormError[] } {
  const m = textsFor(settingsTexts, lang).houseRules.errors;
  const read = (name: string, max: number) => (field(body, name) ?? '').slice(0, max + 500);
  const values: RuleValues = {
    titleNl: read('title-nl', MAX_TITLE),
    titleEn: read('title-en', MAX_TITLE),
    bodyNl: read('body-nl', MAX_BODY),
    bodyEn: read('body-en', MAX_BODY),
  };
  const errors: FormError[] = [];
  if (!values.titleNl.trim()) errors.push({ field: fieldId(prefix, 'title-nl'), message: m.titleNl });
  for (const [key, id] of [
    ['titleNl', 'title-nl'],
    ['titleEn', 'title-en'],
  ] as const)
    if (values[key].trim().length > MAX_TITLE) errors.push({ field: fieldId(prefix, id), message: m.titleLong });
  if (!values.bodyNl.trim()) errors.push({ field: fieldId(prefix, 'body-nl'), message: m.bodyNl });
  for (const [key, id] of [
    ['bodyNl', 'body-nl'],
    ['bodyEn', 'body-en'],
  ] as const)
    if (values[key].trim().length > MAX_BODY) errors.push({ field: fieldId(prefix, id), message: m.bodyLong });
  return { values, errors };
}

const localized = (nl: string, en: string) => (en.trim() ? { nl: nl.trim(), en: en.trim() } : { nl: nl.trim() });

async function showPage(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: {
    typed?: { code: string; values: RuleValues };
    errors?: FormError[];
    status?: string;
    focus?: string;
    version?: string;
  } = {},
  status: 200 | 404 | 409 | 422 = 200,
) {
  const settings = await loadHouseRuleSettings(c.get('db'), session.user.organisationId);
  return c.html(
    renderHouseRulesPage({
      lang,
      session: pageSession(session),
      version: extra.version ?? String(settings.version),
      rules: settings.rules,
      typed: extra.typed,
      errors: extra.errors ?? [],
      status: extra.status,
      focus: extra.focus,
    }),
    status,
  );
}

export function settingsRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  for (const lang of ['nl', 'en'] as const) {
    app.get(settingsPaths.home(lang), (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      return c.html(renderSettingsIndex({ lang, session: pageSession(session) }));
    });

    app.get(settingsPaths.houseRules(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(settingsTexts, lang).houseRules.done;
      // After a save (post/redirect/get): what was done, to which rule, named only if it exists.
      const done = DONE.find((d) => d === c.req.query('gedaan'));
      const code = c.req.query('regel');
      if (c.req.query('gedaan') === 'niets') return showPage(c, lang, session, { status: m.unchanged });
      if (!done || !code) return showPage(c, lang, session);
      const settings = await loadHouseRuleSettings(c.get('db'), session.user.organisationId);
      const rule = settings.rules.find((r) => r.code === code);
      if (!rule) return showPage(c, lang, session);
      const title = pick(rule.title, lang);
      const active = settings.rules.filter((r) => r.retiredAt === null);
      const place = active.findIndex((r) => r.code === code) + 1;
      const status = done === 'moved' ? m.moved(title, place) : m[done](title);
      // Keyboard users keep their place: focus goes back to the button they pressed (or the
      // other direction's, at the end of the list), or to the rule's new button.
      const direction = c.req.query('richting') === 'down' ? 'down' : 'up';
      const focus =
        done === 'moved'
          ? (direction === 'up' && place > 1) || (direction === 'down' && place === active.length)
            ? `${code}-up`
            : `${code}-down`
          : done === 'retired'
            ? `${code}-restore`
            : done === 'restored'
              ? `${code}-retire`
              : undefined;
      return showPage(c, lang, session, { status, ...(focus ? { focus } : {}) });
    });
  }

  app.post(settingsPaths.houseRulesSave, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const db = c.get('db');
    const m = textsFor(settingsTexts, lang).houseRules.errors;
    const action = ACTIONS.find((a) => a === field(body, 'action')) ?? 'save';
    const code = (field(body, 'code') ?? '').slice(0, 100);
    const prefix = action === 'add' ? 'new' : code;
    const texts = action === 'add' || action === 'save' ? checkTexts(body, lang, prefix) : undefined;
    const typed = texts ? { code: prefix, values: texts.values } : undefined;
    const target = texts ? fieldId(prefix, 'title-nl') : `${code}-${action}`;
    const refuse = (errors: FormError[], status: 404 | 409 | 422, version?: string) =>
      showPage(c, lang, session, { ...(typed ? { typed } : {}), errors, ...(version ? { version } : {}) }, status);

    if (texts && texts.errors.length > 0) return refuse(texts.errors, 422, field(body, 'version'));
    const versionRaw = field(body, 'version') ?? '';
    if (!/^\d{1,9}$/.test(versionRaw)) {
      // Without the version the page was opened on, the save is refused; the next one is made on the version shown now.
      return refuse([{ field: 'form', target, message: m.version }], 422);
    }
    const change = changeOf(action, code, texts?.values);
    const result = await saveHouseRuleChange(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: Number(versionRaw),
      change,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'unknown_rule':
        return refuse([{ field: 'form', target: 'new-title-nl', message: m.unknownRule }], 404);
      case 'cannot_move':
        return refuse([{ field: 'form', target, message: m.cannotMove }], 422);
      case 'stale': {
        const changes = result.changes.map((change) =>
          m.change(change.by, change.action, pick(change.title, lang), formatDateTime(change.at, lang)),
        );
        return refuse([{ field: 'form', target, message: [m.stale, ...changes].join(' ') }], 409);
      }
      case 'saved': {
        const query = new URLSearchParams(
          result.changed ? { gedaan: result.action, regel: result.code } : { gedaan: 'niets' },
        );
        if (action === 'up' || action === 'down') query.set('richting', action);
        // Chromium ignores autofocus on a page opened at a fragment: only the saves without a button to focus get one.
        const anchor =
          result.changed && (result.action === 'added' || result.action === 'edited') ? `#regel-${result.code}` : '';
        return c.redirect(`${settingsPaths.houseRules(lang)}?${query.toString()}${anchor}`, 303);
      }
    }
  });

  mountStatementRoutes(app);
  mountGuidelineRoutes(app);
  mountOrganisationRoutes(app);
  return app;
}

function changeOf(action: FormAction, code: string, values: RuleValues | undefined): HouseRuleChange {
  switch (action) {
    case 'add':
      return {
        kind: 'add',
        title: localized(values!.titleNl, values!.titleEn),
        body: localized(values!.bodyNl, values!.bodyEn),
      };
    case 'save':
      return {
        kind: 'edit',
        code,
        title: localized(values!.titleNl, values!.titleEn),
        body: localized(values!.bodyNl, values!.bodyEn),
      };
    case 'up':
    case 'down':
      return { kind: 'move', code, direction: action };
    case 'retire':
      return { kind: 'retire', code };
    case 'restore':
      return { kind: 'restore', code };
  }
}
