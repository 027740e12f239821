/**
 * The sign-in settings page (administrators): which group or role at the identity provider
 * gives which Podium role. The form is checked here; the service (services/auth/sso-mappings.ts)
 * replaces the list in one transaction on the version the page was opened on, with the audit entry.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { departments } from '../../db/schema.ts';
import { redirectUri, type OidcProvider } from '../../services/auth/oidc.ts';
import { isStaffRole } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import {
  CLAIM_VALUE_MAX,
  loadSsoMapping,
  MAPPING_ROWS_MAX,
  mappingRowProblem,
  saveSsoMapping,
  type MappingRow,
} from '../../services/auth/sso-mappings.ts';
import { pick } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { field, pageSession, staffForm, staffPage, type FormBody, type StaffEnv } from '../kit/guards.ts';
import { signInPaths } from './paths.ts';
import * as signInTexts from './texts.ts';
import { NEW_ROWS, renderSignInPage, type FormError, type ProviderFacts, type RowValues } from './view.ts';

export function signInSettingsRoutes(options: { oidc?: OidcProvider | undefined } = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const provider = providerFacts(options.oidc);

  for (const lang of ['nl', 'en'] as const) {
    app.get(signInPaths.page(lang), async (c) => {
      const session = staffPage(c, lang, 'admin');
      if (session instanceof Response) return session;
      const m = textsFor(signInTexts, lang);
      const done = c.req.query('opgeslagen');
      const status = done === 'ja' ? m.saved : done === 'ongewijzigd' ? m.unchanged : undefined;
      const mapping = await loadSsoMapping(c.get('db'), session.user.organisationId);
      const rows: RowValues[] = mapping.rows.map((row) => ({
        claim: row.claimValue,
        role: row.role,
        department: row.departmentId ?? '',
      }));
      return c.html(
        renderSignInPage({
          lang,
          session: pageSession(session),
          provider,
          version: String(mapping.version),
          rows: [...rows, ...blankRows(NEW_ROWS)],
          storedRows: rows.length,
          departments: await departmentChoices(c, session, lang),
          status,
        }),
      );
    });
  }

  app.post(signInPaths.save, async (c) => {
    const form = await staffForm(c, 'admin');
    if (form instanceof Response) return form;
    const { lang, session, body } = form;
    const db = c.get('db');
    const m = textsFor(signInTexts, lang).errors;
    const choices = await departmentChoices(c, session, lang);
    const checked = checkForm(body, lang, new Set(choices.map((d) => d.id)));
    const refuse = (errors: FormError[], version = checked.version, status: 409 | 422 = 422) => {
      // Rows typed stay; the stored count is not known from the form, so all show as rows.
      const rows = [...checked.values, ...blankRows(Math.max(0, NEW_ROWS - trailingBlanks(checked.values)))];
      return c.html(
        renderSignInPage({
          lang,
          session: pageSession(session),
          provider,
          version,
          rows,
          storedRows: rows.length,
          departments: choices,
          errors,
        }),
        status,
      );
    };
    if (checked.errors.length > 0) return refuse(checked.errors);
    const expectedVersion = /^\d{1,9}$/.test(checked.version) ? Number(checked.version) : undefined;
    const stored = await loadSsoMapping(db, session.user.organisationId);
    if (expectedVersion === undefined) {
      return refuse([{ field: 'form', target: 'c0', message: m.version }], String(stored.version));
    }
    const result = await saveSsoMapping(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion,
      rows: checked.rows,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'unknown_department':
        return refuse([{ field: 'form', target: 'c0', message: m.unknownDepartment }]);
      case 'stale': {
        const changes = result.changes.map((change) => m.change(change.by, formatDateTime(change.at, lang)));
        return refuse(
          [{ field: 'form', target: 'c0', message: [m.stale, ...changes].join(' ') }],
          String(result.version),
          409,
        );
      }
      case 'saved':
        // Post/redirect/get: reloading the page after a save does not send it again.
        return c.redirect(`${signInPaths.page(lang)}?opgeslagen=${result.changed ? 'ja' : 'ongewijzigd'}`, 303);
    }
  });

  return app;
}

const blankRows = (n: number): RowValues[] =>
  Array.from({ length: n }, () => ({ claim: '', role: '', department: '' }));

function trailingBlanks(rows: readonly RowValues[]): number {
  let n = 0;
  for (let i = rows.length - 1; i >= 0 && !rows[i]!.claim.trim(); i--) n++;
  return n;
}

function providerFacts(provider: OidcProvider | undefined): ProviderFacts | undefined {
  if (!provider) return undefined;
  const { settings } = provider;
  return {
    name: settings.name,
    issuer: settings.issuer,
    claim: settings.rolesClaim,
    redirectUri: redirectUri(settings),
    logoutRedirectUris: [
      `${settings.publicUrl}/beheer/inloggen?uitgelogd`,
      `${settings.publicUrl}/en/manage/login?uitgelogd`,
    ],
  };
}

async function departmentChoices(c: Context<StaffEnv>, session: ActiveSession, lang: Locale) {
  const rows = await c
    .get('db')
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, session.user.organisationId));
  return rows.map((d) => ({ id: d.id, name: pick(d.name, lang) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads the rows the form sent (`c<i>`, `r<i>`, `d<i>`); every value typed is kept for showing back. */
function checkForm(
  body: FormBody,
  lang: Locale,
  departmentIds: ReadonlySet<string>,
): { values: RowValues[]; rows: MappingRow[]; errors: FormError[]; version: string } {
  const m = textsFor(signInTexts, lang).errors;
  const count = Math.min(Number(/^\d{1,4}$/.test(field(body, 'rows') ?? '') ? field(body, 'rows') : 0), 1000);
  const values: RowValues[] = [];
  const rows: MappingRow[] = [];
  const errors: FormError[] = [];
  for (let i = 0; i < count; i++) {
    const row = {
      claim: (field(body, `c${i}`) ?? '').slice(0, 1000),
      role: (field(body, `r${i}`) ?? '').slice(0, 100),
      department: (field(body, `d${i}`) ?? '').slice(0, 100),
    };
    values.push(row);
    const claim = row.claim.trim();
    // An emptied group removes its row, whatever else it still says.
    if (!claim) continue;
    const shown = claim.slice(0, 60);
    if (claim.length > CLAIM_VALUE_MAX) {
      errors.push({ field: `c${i}`, message: m.tooLong });
      continue;
    }
    if (!isStaffRole(row.role)) {
      errors.push({ field: `r${i}`, message: m.role(shown) });
      continue;
    }
    const departmentProblem = mappingRowProblem({ role: row.role, departmentId: row.department || null });
    if (departmentProblem) {
      const message = departmentProblem === 'department_required' ? m.department(shown) : m.noDepartment(shown);
      errors.push({ field: `d${i}`, message });
      continue;
    }
    if (row.department && !departmentIds.has(row.department)) {
      errors.push({ field: `d${i}`, message: m.unknownDepartment });
      continue;
    }
    rows.push({ claimValue: claim, role: row.role, departmentId: row.department || null });
  }
  if (rows.length > MAPPING_ROWS_MAX) errors.push({ field: 'form', target: 'c0', message: m.tooMany });
  return { values, rows, errors, version: (field(body, 'version') ?? '').slice(0, 20) };
}
