/**
 * The accessibility statement as JSON (`/api/staff/accessibility-statement`; administrators, as
 * the settings page): the statement with its version, the general part saved whole, and each
 * audit and known deviation added, saved, moved or removed by its place (1 is first), on the
 * version read. The field rules (dates, the contact address, a success criterion, an audit's
 * address, lengths) and the optimistic locking are services/statement-settings.ts's, which the
 * page checks with too; a stale change is refused with 409 and who changed which part since.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { AccessibilityAudit, AccessibilityDeviation } from '../../db/schema.ts';
import { problem, requestLocale } from '../../http/problem.ts';
import {
  isAuditUrl,
  isContactEmail,
  isSuccessCriterion,
  loadStatementSettings,
  normalStatementDate,
  RESPONSE_DAYS,
  saveStatementChange,
  STATEMENT_MAX_LONG,
  STATEMENT_MAX_SHORT,
  STATEMENT_STATUSES,
  type RowKind,
  type StatementChange,
  type StatementStatus,
} from '../../services/statement-settings.ts';
import { formatDateTime } from '../kit/format.ts';
import type { StaffEnv } from '../kit/guards.ts';
import {
  jsonBody,
  jsonContent,
  localized,
  LocalizedInput,
  problemContent,
  settingsCaller,
  STAFF_TAGS,
  staleProblem,
  staffOpenApi,
  staffRoute,
  VersionQuery,
} from '../kit/openapi.ts';
import * as statementTexts from './statement-texts.ts';

const tags = [STAFF_TAGS.settings.name];
const PATH = '/api/staff/accessibility-statement';

/** 0: the organisation has no statement yet (its first general part makes version 1). */
const StatementVersion = z
  .number()
  .int()
  .min(0)
  .max(999_999_999)
  .openapi({ description: 'The version you read; 0 while there is no statement' });
const DateText = InputText.trim()
  .max(20)
  .refine((value) => normalStatementDate(value) !== undefined, { message: 'statement_date' })
  .openapi({ example: '2026-11-27', description: '`YYYY-MM-DD` (or the Dutch `DD-MM-YYYY`)' });
const Text = z.object({ nl: InputText, en: InputText.optional() });

const GeneralFields = {
  status: z.enum(STATEMENT_STATUSES as [StatementStatus, ...StatementStatus[]]).openapi({
    description: 'As in the model statement: A fully compliant … E no statement of compliance yet',
  }),
  scope: LocalizedInput(STATEMENT_MAX_LONG),
  statementDate: DateText,
  contactEmail: InputText.trim().refine(isContactEmail, { message: 'statement_email' }),
  responseDays: z
    .number()
    .int({ message: 'statement_response_days' })
    .min(RESPONSE_DAYS.min, { message: 'statement_response_days' })
    .max(RESPONSE_DAYS.max, { message: 'statement_response_days' })
    .openapi({ description: 'Working days within which the municipality answers' }),
};
const AuditFields = {
  title: LocalizedInput(STATEMENT_MAX_SHORT),
  by: InputText.trim().min(1).max(STATEMENT_MAX_SHORT),
  date: DateText,
  url: InputText.trim()
    .refine(isAuditUrl, { message: 'statement_url' })
    .nullable()
    .optional()
    .openapi({ description: 'The report’s `https://` address; null or left out: none' }),
};
const DeviationFields = {
  criterion: InputText.trim()
    .refine(isSuccessCriterion, { message: 'statement_criterion' })
    .openapi({ example: '1.4.3', description: 'The WCAG success criterion' }),
  description: LocalizedInput(STATEMENT_MAX_LONG).openapi({ description: 'What does not work' }),
  measure: LocalizedInput(STATEMENT_MAX_LONG).openapi({ description: 'What the municipality does about it' }),
  resolveBy: DateText.nullable().optional().openapi({ description: 'When it should be solved; null: not known' }),
};

const GeneralBody = z.object({ version: StatementVersion, ...GeneralFields }).strict();
const AuditBody = z.object({ version: StatementVersion, ...AuditFields }).strict();
const DeviationBody = z.object({ version: StatementVersion, ...DeviationFields }).strict();
const MoveBody = z.object({ version: StatementVersion, direction: z.enum(['up', 'down']) }).strict();

const StatementJson = z
  .object({
    version: z.number().int().openapi({ description: '0: there is no statement yet' }),
    general: z
      .object({
        status: z.enum(['A', 'B', 'C', 'D', 'E']),
        scope: Text,
        statementDate: InputText,
        contactEmail: InputText,
        responseDays: z.number().int(),
      })
      .nullable(),
    audits: z.array(z.object({ title: Text, by: InputText, date: InputText, url: InputText.nullable() })),
    deviations: z.array(
      z.object({ criterion: InputText, description: Text, measure: Text, resolveBy: InputText.nullable() }),
    ),
  })
  .openapi('StaffAccessibilityStatement');

const PositionParam = z.object({
  position: InputText.regex(/^\d{1,4}$/).openapi({
    param: { name: 'position', in: 'path' },
    description: 'The row’s place, 1 is first',
  }),
});

const answers = (ok: 200 | 201, what: string) => ({
  [ok]: { description: what, content: jsonContent(StatementJson) },
  409: {
    description: 'Changed since your version (the detail says who changed which part), or no statement yet',
    content: problemContent,
  },
  422: { description: 'Invalid input, with a message per field', content: problemContent },
});
const noRow = { 404: { description: 'No row at this place', content: problemContent } };

const getRoute = staffRoute('admin', {
  method: 'get',
  path: PATH,
  tags,
  summary: 'The accessibility statement (general part, audits, known deviations) with its version',
  responses: { 200: { description: 'The statement', content: jsonContent(StatementJson) } },
});

const generalRoute = staffRoute('admin', {
  method: 'put',
  path: PATH,
  tags,
  summary: 'Save the general part on the version you read (version 0 makes the first statement)',
  request: { body: jsonBody(GeneralBody) },
  responses: answers(200, 'Saved (or nothing changed); the statement'),
});

/** The four operations on one kind of row, under `{PATH}/audits` or `{PATH}/deviations`. */
function rowRoutes<B extends z.ZodObject>(kind: RowKind, segment: string, Body: B) {
  const rows = `${PATH}/${segment}`;
  const what = kind === 'audit' ? 'an audit' : 'a known deviation';
  return {
    add: staffRoute('admin', {
      method: 'post',
      path: rows,
      tags,
      summary: `Add ${what} at the end`,
      request: { body: jsonBody(Body) },
      responses: answers(201, 'Added; the statement'),
    }),
    save: staffRoute('admin', {
      method: 'put',
      path: `${rows}/{position}`,
      tags,
      summary: `Save ${what} by its place`,
      request: { params: PositionParam, body: jsonBody(Body) },
      responses: { ...answers(200, 'Saved (or nothing changed); the statement'), ...noRow },
    }),
    move: staffRoute('admin', {
      method: 'post',
      path: `${rows}/{position}/move`,
      tags,
      summary: `Move ${what} one place up or down`,
      request: { params: PositionParam, body: jsonBody(MoveBody) },
      responses: { ...answers(200, 'Moved; the statement'), ...noRow },
    }),
    remove: staffRoute('admin', {
      method: 'delete',
      path: `${rows}/{position}`,
      tags,
      summary: `Remove ${what}`,
      request: { params: PositionParam, query: VersionQuery },
      responses: { ...answers(200, 'Removed; the statement'), ...noRow },
    }),
  };
}

const auditRoutes = rowRoutes('audit', 'audits', AuditBody);
const deviationRoutes = rowRoutes('deviation', 'deviations', DeviationBody);

const auditOf = (input: z.infer<typeof AuditBody>): AccessibilityAudit => ({
  title: localized(input.title),
  by: input.by,
  date: normalStatementDate(input.date)!,
  url: input.url ?? null,
});
const deviationOf = (input: z.infer<typeof DeviationBody>): AccessibilityDeviation => ({
  criterion: input.criterion,
  description: localized(input.description),
  measure: localized(input.measure),
  resolveBy: input.resolveBy ? normalStatementDate(input.resolveBy)! : null,
});

export function statementApi() {
  const app = staffOpenApi();

  const statementJson = async (c: Context<StaffEnv>) =>
    loadStatementSettings(c.get('db'), c.get('session')!.user.organisationId);

  const save = async (c: Context<StaffEnv>, expectedVersion: number, change: StatementChange) => {
    const result = await saveStatementChange(c.get('db'), { ...settingsCaller(c), expectedVersion, change });
    switch (result.kind) {
      case 'no_statement':
        return problem(c, 409, 'statement_missing');
      case 'unknown_row':
        return problem(c, 404, 'statement_row_not_found');
      case 'cannot_move':
        return problem(c, 422, 'cannot_move');
      case 'stale': {
        // The settings page's own sentences: who changed which part, and when.
        const lang = requestLocale(c);
        const m = textsFor(statementTexts, lang).errors;
        const changes = result.changes.map((seen) => m.change(seen.by, seen.part, formatDateTime(seen.at, lang)));
        return staleProblem(c, 'statement_stale', result.version, changes);
      }
      case 'saved':
        return c.json(await statementJson(c), change.kind === 'add' && result.changed ? 201 : 200);
    }
  };
  /** A place from the path as the service's index (0 is first); place 0 names no row. */
  const indexOf = (position: string) => Number(position) - 1;

  app.openapi(getRoute, async (c) => c.json(await statementJson(c), 200));

  app.openapi(generalRoute, async (c) => {
    const { version, ...input } = c.req.valid('json');
    const general = {
      status: input.status,
      scope: localized(input.scope),
      statementDate: normalStatementDate(input.statementDate)!,
      contactEmail: input.contactEmail,
      responseDays: input.responseDays,
    };
    return (await save(c, version, { kind: 'general', general })) as never;
  });

  for (const [kind, routes, rowOf] of [
    ['audit', auditRoutes, (input: unknown) => ({ kind: 'audit', value: auditOf(input as z.infer<typeof AuditBody>) })],
    [
      'deviation',
      deviationRoutes,
      (input: unknown) => ({ kind: 'deviation', value: deviationOf(input as z.infer<typeof DeviationBody>) }),
    ],
  ] as const) {
    const row = rowOf as (input: unknown) => Extract<StatementChange, { kind: 'add' }>['row'];
    app.openapi(routes.add, async (c) => {
      const input = c.req.valid('json') as { version: number };
      return (await save(c, input.version, { kind: 'add', row: row(input) })) as never;
    });
    app.openapi(routes.save, async (c) => {
      const input = c.req.valid('json') as { version: number };
      const index = indexOf(c.req.valid('param').position);
      return (await save(c, input.version, { kind: 'edit', index, row: row(input) })) as never;
    });
    app.openapi(routes.move, async (c) => {
      const { version, direction } = c.req.valid('json') as z.infer<typeof MoveBody>;
      const index = indexOf(c.req.valid('param').position);
      return (await save(c, version, { kind: 'move', rowKind: kind, index, direction })) as never;
    });
    app.openapi(routes.remove, async (c) => {
      const index = indexOf(c.req.valid('param').position);
      const version = Number(c.req.valid('query').version);
      return (await save(c, version, { kind: 'remove', rowKind: kind, index })) as never;
    });
  }

  return app;
}
