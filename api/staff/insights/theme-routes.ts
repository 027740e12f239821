/**
 * Renaming and merging the automatic themes (issue 17): one small form per theme, reached from
 * the themes table on the insights page. For staff with `themes.correct`; every save is audited
 * (services/insights/theme-corrections.ts) and a save on a stale form is refused.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from './texts.ts';
import { computeInsights, filterOptions, parseFilter, rawFilter } from '../../services/insights/index.ts';
import {
  findThemeCorrection,
  saveThemeCorrection,
  THEME_KEY,
  type StoredThemeCorrection,
} from '../../services/insights/theme-corrections.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { field, notFound, pageSession, staffForm, staffPage, type StaffEnv } from '../kit/guards.ts';
import { pick } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { insightsPaths } from './paths.ts';
import { renderThemeForm, type ThemeFormValues } from './theme-view.ts';

const LABEL_MAX = 80;

const ThemeForm = z.object({
  labelNl: InputText.trim().max(LABEL_MAX),
  labelEn: InputText.trim().max(LABEL_MAX),
  mergeInto: z.union([z.literal(''), InputText.regex(THEME_KEY)]),
  version: z.coerce.number().int().min(0),
});

export function themeCorrectionRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  for (const lang of ['nl', 'en'] as const) {
    app.get(insightsPaths.theme(lang), async (c) => {
      const session = staffPage(c, lang, 'themes.correct');
      if (session instanceof Response) return session;
      const key = c.req.query('key') ?? '';
      if (!THEME_KEY.test(key)) return notFound(c, lang, session);
      const m = textsFor(insightsTexts, lang).themeForm;
      const done = c.req.query('klaar');
      const notice =
        done === 'opgeslagen'
          ? m.saved
          : done === 'verwijderd'
            ? m.removed
            : done === 'ongewijzigd'
              ? m.unchanged
              : undefined;
      return showForm(c, lang, session, key, { notice });
    });
  }
  // One address for the post, as for the other staff forms: the language comes with the form.
  app.post(insightsPaths.theme('nl'), (c) => save(c));
  return app;
}

/** The current themes (this year's default filter) as merge targets, and this theme's name. */
async function themeContext(c: Context<StaffEnv>, session: ActiveSession, lang: Locale, key: string) {
  const db = c.get('db');
  const organisationId = session.user.organisationId;
  const now = c.get('now')();
  const parsed = parseFilter(rawFilter({}), await filterOptions(db, organisationId), now);
  const themes = parsed.ok ? (await computeInsights(db, organisationId, parsed.filter, now)).themes : [];
  const targets = themes.flatMap((entry) =>
    entry.themes
      .filter((theme) => theme.key !== key)
      .map((theme) => ({ key: theme.key, name: `${theme.label[lang]} (${pick(entry.topic?.title, lang) || '–'})` })),
  );
  const current = themes.flatMap((entry) => entry.themes).find((theme) => theme.key === key);
  return { targets, name: current?.label[lang] };
}

async function showForm(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  key: string,
  extra: { notice?: string | undefined; values?: ThemeFormValues; errors?: FieldError[]; status?: 200 | 409 | 422 },
): Promise<Response> {
  const stored = await findThemeCorrection(c.get('db'), session.user.organisationId, key);
  const { targets, name } = await themeContext(c, session, lang, key);
  // A theme merged elsewhere no longer shows, and one from another period may not: both stay
  // correctable as long as they are well-formed keys; a merge target is always offered.
  if (stored?.mergeInto && !targets.some((t) => t.key === stored.mergeInto)) {
    targets.push({ key: stored.mergeInto, name: stored.mergeInto });
  }
  return c.html(
    renderThemeForm({
      lang,
      session: pageSession(session),
      themeKey: key,
      name: (lang === 'en' ? stored?.label?.en : undefined) || stored?.label?.nl || name || key,
      version: stored?.version ?? 0,
      values: extra.values ?? valuesOf(stored),
      targets,
      errors: extra.errors,
      notice: extra.notice,
    }),
    extra.status ?? 200,
  );
}

function valuesOf(stored: StoredThemeCorrection | undefined): ThemeFormValues {
  return { labelNl: stored?.label?.nl ?? '', labelEn: stored?.label?.en ?? '', mergeInto: stored?.mergeInto ?? '' };
}

async function save(c: Context<StaffEnv>): Promise<Response> {
  const form = await staffForm(c, 'themes.correct');
  if (form instanceof Response) return form;
  const { body, lang, session } = form;
  const m = textsFor(insightsTexts, lang).themeForm;
  const key = field(body, 'key') ?? '';
  if (!THEME_KEY.test(key)) return notFound(c, lang, session);
  const values: ThemeFormValues = {
    labelNl: field(body, 'labelNl') ?? '',
    labelEn: field(body, 'labelEn') ?? '',
    mergeInto: field(body, 'mergeInto') ?? '',
  };
  const refuse = (errors: FieldError[], status: 409 | 422 = 422) =>
    showForm(c, lang, session, key, { values, errors, status });
  const parsed = ThemeForm.safeParse({ ...values, version: field(body, 'version') ?? '' });
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (errors.some((e) => e.field === name)) continue;
      if (name === 'version') return notFound(c, lang, session);
      errors.push({ field: name, message: name === 'mergeInto' ? m.errors.mergeInto : m.errors.tooLong });
    }
    return refuse(errors);
  }
  const { labelNl, labelEn, mergeInto, version } = parsed.data;
  const errors: FieldError[] = [];
  if (labelEn && !labelNl) errors.push({ field: 'labelNl', message: m.errors.labelNl });
  if (mergeInto === key) errors.push({ field: 'mergeInto', message: m.errors.mergeSelf });
  // Nothing given on a theme without a correction is a mistake; on one with a correction it
  // removes the correction (the way back to the automatic theme).
  if (!labelNl && !mergeInto && version === 0) errors.push({ field: 'labelNl', message: m.errors.nothing });
  if (errors.length > 0) return refuse(errors);
  const result = await saveThemeCorrection(c.get('db'), {
    organisationId: session.user.organisationId,
    actorId: session.user.id,
    themeKey: key,
    version,
    label: labelNl ? { nl: labelNl, ...(labelEn ? { en: labelEn } : {}) } : null,
    mergeInto: mergeInto || null,
    now: c.get('now')(),
  });
  if (result.kind === 'stale') return refuse([{ field: 'labelNl', message: m.errors.stale }], 409);
  if (result.kind === 'cycle') return refuse([{ field: 'mergeInto', message: m.errors.cycle }]);
  const done = { saved: 'opgeslagen', removed: 'verwijderd', unchanged: 'ongewijzigd' }[result.kind];
  return c.redirect(`${insightsPaths.theme(lang, key)}&klaar=${done}`, 303);
}
