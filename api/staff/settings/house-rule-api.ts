/**
 * House rules as JSON (`/api/staff/house-rules`; administrators, as the settings page): the
 * rules with the version of the list, and each change the page makes — add, save, move, retire,
 * restore — on the version read. services/house-rule-settings.ts holds the rules (codes, order,
 * never deleting a rule) and the optimistic locking; a stale change is refused with 409 and who
 * changed which rule since, in the page's words.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { problem, requestLocale } from '../../http/problem.ts';
import {
  loadHouseRuleSettings,
  MAX_RULE_BODY,
  MAX_RULE_TITLE,
  saveHouseRuleChange,
  type HouseRuleChange,
} from '../../services/house-rule-settings.ts';
import { pick } from '../kit/components.ts';
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
  Version,
} from '../kit/openapi.ts';
import * as settingsTexts from './texts.ts';

const tags = [STAFF_TAGS.settings.name];

const Text = z.object({ nl: InputText, en: InputText.optional() });
const HouseRulesJson = z
  .object({
    version: z.number().int().openapi({ description: 'The version of the whole list; every change raises it' }),
    rules: z.array(
      z.object({
        code: InputText.openapi({ description: 'Made from the Dutch title when added; never changes' }),
        position: z.number().int(),
        title: Text,
        body: Text,
        retiredAt: z.iso
          .datetime()
          .nullable()
          .openapi({ description: 'Retired: off the portal and out of new decisions' }),
        citedBy: z.number().int().openapi({ description: 'Decisions that cite it' }),
        channels: z.array(InputText).openapi({ description: 'Keys of the channel guidelines that list it' }),
      }),
    ),
  })
  .openapi('StaffHouseRules');
const RuleTexts = z
  .object({ version: Version, title: LocalizedInput(MAX_RULE_TITLE), body: LocalizedInput(MAX_RULE_BODY) })
  .strict();
const CodeParam = z.object({
  code: InputText.regex(/^[a-z0-9_-]{1,100}$/).openapi({ param: { name: 'code', in: 'path' } }),
});

const answers = (ok: 200 | 201, what: string) => ({
  [ok]: { description: what, content: jsonContent(HouseRulesJson) },
  409: { description: 'Changed since your version (the detail says who changed which rule)', content: problemContent },
  422: { description: 'Invalid input, with a message per field', content: problemContent },
});
const notFound = { 404: { description: 'No rule with this code', content: problemContent } };

const listRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/house-rules',
  tags,
  summary: 'The house rules in force in their order, then the retired ones, with the version of the list',
  responses: { 200: { description: 'The rules', content: jsonContent(HouseRulesJson) } },
});

const addRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/house-rules',
  tags,
  summary: 'Add a rule at the end of the list; its code comes from the Dutch title',
  request: { body: jsonBody(RuleTexts) },
  responses: answers(201, 'Added; the rules'),
});

const saveRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/house-rules/{code}',
  tags,
  summary: 'Save a rule’s title and explanation on the version you read',
  request: { params: CodeParam, body: jsonBody(RuleTexts) },
  responses: { ...answers(200, 'Saved (or nothing changed); the rules'), ...notFound },
});

const moveRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/house-rules/{code}/move',
  tags,
  summary: 'Move a rule in force one place up or down',
  description: 'The first rule cannot go up, the last not down, and a retired rule not at all (422).',
  request: {
    params: CodeParam,
    body: jsonBody(z.object({ version: Version, direction: z.enum(['up', 'down']) }).strict()),
  },
  responses: { ...answers(200, 'Moved; the rules'), ...notFound },
});

const retiredRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/house-rules/{code}/retired',
  tags,
  summary: 'Retire a rule (`retired: true`) or bring it back at the end of the list (`false`)',
  description:
    'A rule is never deleted: decisions store its code, and the resident’s follow-up page keeps showing a retired rule.',
  request: { params: CodeParam, body: jsonBody(z.object({ version: Version, retired: z.boolean() }).strict()) },
  responses: { ...answers(200, 'Done (or it already was); the rules'), ...notFound },
});

export function houseRulesApi() {
  const app = staffOpenApi();

  const rulesJson = async (c: Context<StaffEnv>) => {
    const settings = await loadHouseRuleSettings(c.get('db'), c.get('session')!.user.organisationId);
    return {
      version: settings.version,
      rules: settings.rules.map((rule) => ({ ...rule, retiredAt: rule.retiredAt?.toISOString() ?? null })),
    };
  };

  const save = async (c: Context<StaffEnv>, expectedVersion: number, change: HouseRuleChange) => {
    const result = await saveHouseRuleChange(c.get('db'), { ...settingsCaller(c), expectedVersion, change });
    switch (result.kind) {
      case 'unknown_rule':
        return problem(c, 404, 'house_rule_not_found');
      case 'cannot_move':
        return problem(c, 422, 'cannot_move');
      case 'stale': {
        // The settings page's own sentences: who changed which rule, and when.
        const lang = requestLocale(c);
        const m = textsFor(settingsTexts, lang).houseRules.errors;
        const changes = result.changes.map((seen) =>
          m.change(seen.by, seen.action, pick(seen.title, lang), formatDateTime(seen.at, lang)),
        );
        return staleProblem(c, 'house_rules_stale', result.version, changes);
      }
      case 'saved':
        return c.json(await rulesJson(c), change.kind === 'add' ? 201 : 200);
    }
  };

  app.openapi(listRoute, async (c) => c.json(await rulesJson(c), 200));

  app.openapi(addRoute, async (c) => {
    const { version, title, body } = c.req.valid('json');
    return (await save(c, version, { kind: 'add', title: localized(title), body: localized(body) })) as never;
  });

  app.openapi(saveRoute, async (c) => {
    const { version, title, body } = c.req.valid('json');
    const { code } = c.req.valid('param');
    return (await save(c, version, { kind: 'edit', code, title: localized(title), body: localized(body) })) as never;
  });

  app.openapi(moveRoute, async (c) => {
    const { version, direction } = c.req.valid('json');
    return (await save(c, version, { kind: 'move', code: c.req.valid('param').code, direction })) as never;
  });

  app.openapi(retiredRoute, async (c) => {
    const { version, retired } = c.req.valid('json');
    const code = c.req.valid('param').code;
    return (await save(c, version, { kind: retired ? 'retire' : 'restore', code })) as never;
  });

  return app;
}
