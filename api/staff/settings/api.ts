/**
 * The organisation's settings and its departments as JSON (`/api/staff/organisation`, its
 * `/logo`, `/theme` and `/languages`, `/api/staff/departments`; administrators), saved by the same services as the settings
 * pages, on the version the caller read: a stale one is refused with 409.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import type { Context } from 'hono';
import { problem, invalidFields } from '../../http/problem.ts';
import {
  loadDepartmentSettings,
  MAX_DEPARTMENT_NAME,
  saveDepartmentChange,
  type DepartmentSaveResult,
  type DepartmentUse,
  USE_COUNT_LIMIT,
} from '../../services/department-settings.ts';
import {
  AUTHOR_DISPLAYS,
  AUTO_PUBLISH,
  loadOrganisationSettings,
  MAX_ALT,
  MAX_LOGO_BYTES,
  MAX_NAME,
  saveOrganisationChange,
  type OrganisationSaveResult,
} from '../../services/organisation-settings.ts';
import type { StaffEnv } from '../kit/guards.ts';
import { shownRatio } from '../../../shared/theme.ts';
import {
  jsonBody,
  jsonContent,
  localized,
  LocalizedInput,
  problemContent,
  settingsCaller,
  STAFF_TAGS,
  staffOpenApi,
  staffRoute,
  Version,
  VersionQuery,
} from '../kit/openapi.ts';

export const LOGO_API_PATH = '/api/staff/organisation/logo';
export const THEME_API_PATH = '/api/staff/organisation/theme';
export const LANGUAGES_API_PATH = '/api/staff/organisation/languages';

const tags = [STAFF_TAGS.organisation.name];
const Logo = z
  .object({
    url: InputText.openapi({ description: 'Where Podium serves it; changes with the image, cached for a year' }),
    mime: z.enum(['image/png', 'image/jpeg']),
    width: z.number().int(),
    height: z.number().int(),
    size: z.number().int(),
    alt: z.object({ nl: InputText, en: InputText.optional() }),
  })
  .openapi('OrganisationLogo');

const OrganisationJson = z
  .object({
    version: z.number().int(),
    name: z.object({ nl: InputText, en: InputText.optional() }),
    authorDisplay: z.enum(['pseudonym', 'initials', 'none']).openapi({
      description:
        'How private persons appear in mirrored threads: `pseudonym` ("Inwoner A"), `initials` ("Inwoner F.D.") or `none` (name and handle as on the platform).',
    }),
    autoPublish: z.enum(['own', 'official', 'none']).openapi({
      description:
        "Mirrored posts published without a moderator: the municipality's own accounts, also other public bodies', or none. Residents' replies never.",
    }),
    logo: Logo.nullable(),
    theme: z.object({ accent: InputText, onAccent: InputText, focus: InputText }).openapi('OrganisationTheme', {
      description:
        "The house colours in force (`#rrggbb`; Podium's own when none were chosen): the accent for links, buttons and borders, the text on it, the focus ring.",
    }),
    languages: z.array(z.enum(['nl', 'en'])).openapi({
      description: 'The languages the portal offers, Dutch first and always.',
    }),
  })
  .openapi('OrganisationSettings');

const Colour = InputText.regex(/^#[0-9a-fA-F]{6}$/, { error: 'theme_colour' }).openapi({ example: '#0066cc' });
const ThemeBody = z
  .object({
    version: Version,
    accent: Colour.openapi({ description: 'Links, buttons, borders: at least 4.5:1 against white' }),
    onAccent: Colour.openapi({ description: 'Text on the accent: at least 4.5:1 against the accent' }),
    focus: Colour.openapi({ description: 'The focus ring: at least 3:1 against white' }),
  })
  .strict();
const LanguagesBody = z
  .object({
    version: Version,
    languages: z
      .array(z.enum(['nl', 'en']))
      .min(1)
      .max(10)
      .openapi({ description: 'Must include `nl`; leaving out `en` stops linking the English pages.' }),
  })
  .strict();

const GeneralBody = z
  .object({
    version: Version,
    name: LocalizedInput(MAX_NAME),
    authorDisplay: z.enum(AUTHOR_DISPLAYS as ['pseudonym', 'initials', 'none']),
    autoPublish: z.enum(AUTO_PUBLISH as ['own', 'official', 'none']),
  })
  .strict();

const LogoBody = z
  .object({
    version: Version,
    data: InputText.max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 8)
      .optional()
      .openapi({
        description: `The PNG or JPEG file, base64 (at most ${MAX_LOGO_BYTES / 1024} kB decoded; SVG is refused). Left out: only the text changes.`,
      }),
    alt: LocalizedInput(MAX_ALT).openapi({ description: 'The alternative text, required in Dutch' }),
  })
  .strict();

const Use = z.object({
  consultations: z.number().int(),
  routingRules: z.number().int(),
  guidelines: z.number().int(),
  roles: z.number().int(),
  roleMappings: z.number().int(),
  // Counted no further than one past USE_COUNT_LIMIT: a larger number means "more than" the limit.
  routedItems: z
    .number()
    .int()
    .openapi({
      description: `Items routed to the department, counted up to ${USE_COUNT_LIMIT + 1} (more than ${USE_COUNT_LIMIT})`,
    }),
  answers: z
    .number()
    .int()
    .openapi({
      description: `Answers given for the department, counted up to ${USE_COUNT_LIMIT + 1} (more than ${USE_COUNT_LIMIT})`,
    }),
});
const DepartmentsJson = z
  .object({
    version: z.number().int(),
    departments: z.array(
      z.object({ slug: InputText, name: z.object({ nl: InputText, en: InputText.optional() }), use: Use }),
    ),
  })
  .openapi('Departments');
const DepartmentBody = z.object({ version: Version, name: LocalizedInput(MAX_DEPARTMENT_NAME) }).strict();
const SlugParam = z.object({
  slug: InputText.regex(/^[a-z0-9-]{1,80}$/).openapi({ param: { name: 'slug', in: 'path' } }),
});

const stale = { 409: { description: 'Changed since your version', content: problemContent } };
const invalid = { 422: { description: 'Invalid input (the message says why)', content: problemContent } };

const getOrganisation = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/organisation',
  tags,
  summary: "The organisation's name, logo and settings for mirrored threads, with their version",
  responses: { 200: { description: 'The settings', content: jsonContent(OrganisationJson) } },
});
const putOrganisation = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/organisation',
  tags,
  summary: 'Save the name (Dutch, English) and the settings for mirrored threads',
  description: 'The portal is rebuilt after a change.',
  request: { body: jsonBody(GeneralBody) },
  responses: { 200: { description: 'Saved', content: jsonContent(OrganisationJson) }, ...stale, ...invalid },
});
const putLogo = staffRoute('admin', {
  method: 'put',
  path: LOGO_API_PATH,
  tags,
  summary: 'A new logo with its alternative text, or only a new text',
  description: 'The type is recognised by the bytes: PNG or JPEG. SVG is refused, since it can carry scripts.',
  request: { body: jsonBody(LogoBody) },
  responses: { 200: { description: 'Saved', content: jsonContent(OrganisationJson) }, ...stale, ...invalid },
});
const deleteLogo = staffRoute('admin', {
  method: 'delete',
  path: LOGO_API_PATH,
  tags,
  summary: 'Remove the logo (the portal then shows the name only)',
  request: { query: VersionQuery },
  responses: {
    200: { description: 'Removed', content: jsonContent(OrganisationJson) },
    404: { description: 'There is no logo', content: problemContent },
    ...stale,
    ...invalid,
  },
});
const putTheme = staffRoute('admin', {
  method: 'put',
  path: THEME_API_PATH,
  tags,
  summary: 'Save the house colours',
  description:
    'Refused (422, with the measured and required ratio per colour) when a colour does not reach WCAG 2.2 contrast. The portal is rebuilt after a change.',
  request: { body: jsonBody(ThemeBody) },
  responses: { 200: { description: 'Saved', content: jsonContent(OrganisationJson) }, ...stale, ...invalid },
});
const putLanguages = staffRoute('admin', {
  method: 'put',
  path: LANGUAGES_API_PATH,
  tags,
  summary: 'Choose the languages the portal offers (Dutch always)',
  description: 'Without English the portal links no English page and shows no language switch.',
  request: { body: jsonBody(LanguagesBody) },
  responses: { 200: { description: 'Saved', content: jsonContent(OrganisationJson) }, ...stale, ...invalid },
});
const listDepartments = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/departments',
  tags,
  summary: 'The departments, with what refers to each',
  responses: { 200: { description: 'The departments', content: jsonContent(DepartmentsJson) } },
});
const addDepartment = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/departments',
  tags,
  summary: 'Add a department (its slug is made from the Dutch name and never changes)',
  request: { body: jsonBody(DepartmentBody) },
  responses: { 201: { description: 'Added', content: jsonContent(DepartmentsJson) }, ...stale, ...invalid },
});
const renameDepartment = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/departments/{slug}',
  tags,
  summary: "Change a department's name",
  request: { params: SlugParam, body: jsonBody(DepartmentBody) },
  responses: {
    200: { description: 'Saved', content: jsonContent(DepartmentsJson) },
    404: { description: 'No such department', content: problemContent },
    ...stale,
    ...invalid,
  },
});
const removeDepartment = staffRoute('admin', {
  method: 'delete',
  path: '/api/staff/departments/{slug}',
  tags,
  summary: 'Remove a department nothing refers to',
  description:
    'Refused with 409 while consultations, routing rules, channel guidelines, roles, role mappings, routed items or answers refer to it.',
  request: { params: SlugParam, query: VersionQuery },
  responses: {
    200: { description: 'Removed', content: jsonContent(DepartmentsJson) },
    404: { description: 'No such department', content: problemContent },
    409: { description: 'Changed since your version, or still in use', content: problemContent },
    ...invalid,
  },
});

const USE_WORDS: Record<keyof DepartmentUse, string> = {
  consultations: 'consultations',
  routingRules: 'routingRules',
  guidelines: 'guidelines',
  roles: 'roles',
  roleMappings: 'roleMappings',
  routedItems: 'routedItems',
  answers: 'answers',
};

/** A base64 string as bytes, or undefined when it is not one. */
function fromBase64(data: string): Uint8Array | undefined {
  const clean = data.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

export function organisationApi() {
  const app = staffOpenApi();
  const who = settingsCaller;
  const organisationJson = async (c: Context<StaffEnv>) => {
    const settings = await loadOrganisationSettings(c.get('db'), c.get('session')!.user.organisationId);
    return {
      version: settings.version,
      ...settings.general,
      logo: settings.logo,
      theme: settings.theme,
      languages: settings.languages,
    };
  };
  const organisationAnswer = async (c: Context<StaffEnv>, result: OrganisationSaveResult) => {
    switch (result.kind) {
      case 'stale':
        return problem(c, 409, 'settings_stale');
      case 'no_logo':
        return problem(c, 404, 'logo_missing');
      case 'bad_logo':
        return invalidFields(c, [{ field: 'data', code: `logo_${result.problem}` }]);
      case 'bad_theme':
        return invalidFields(c, [
          ...result.malformed.map((token) => ({ field: token, code: 'theme_colour' as const })),
          ...result.contrast.map((p) => ({
            field: p.token,
            code: 'theme_contrast' as const,
            params: { against: p.against, ratio: shownRatio(p.ratio), required: p.required },
          })),
        ]);
      case 'bad_languages':
        return invalidFields(c, [{ field: 'languages', code: 'languages_dutch' }]);
      case 'saved':
        return c.json(await organisationJson(c), 200);
    }
  };
  const departmentsJson = async (c: Context<StaffEnv>) =>
    loadDepartmentSettings(c.get('db'), c.get('session')!.user.organisationId);
  const departmentAnswer = async (c: Context<StaffEnv>, result: DepartmentSaveResult, created = false) => {
    switch (result.kind) {
      case 'stale':
        return problem(c, 409, 'settings_stale');
      case 'unknown_department':
        return problem(c, 404, 'department_not_found');
      case 'name_taken':
        return invalidFields(c, [{ field: 'name.nl', code: 'department_name_taken' }]);
      case 'in_use': {
        const uses = (Object.keys(USE_WORDS) as Array<keyof DepartmentUse>)
          .filter((k) => result.use[k] > 0)
          .map((k) => `${USE_WORDS[k]} ${result.use[k]}`)
          .join(', ');
        return problem(c, 409, 'department_in_use', { detail: 'department_in_use_detail', detailParams: { uses } });
      }
      case 'saved':
        return c.json(await departmentsJson(c), created && result.changed ? 201 : 200);
    }
  };

  app.openapi(getOrganisation, async (c) => c.json(await organisationJson(c), 200));

  app.openapi(putOrganisation, async (c) => {
    const input = c.req.valid('json');
    const result = await saveOrganisationChange(c.get('db'), {
      ...who(c),
      expectedVersion: input.version,
      change: {
        kind: 'general',
        general: { name: localized(input.name), authorDisplay: input.authorDisplay, autoPublish: input.autoPublish },
      },
    });
    return (await organisationAnswer(c, result)) as never;
  });

  app.openapi(putLogo, async (c) => {
    const input = c.req.valid('json');
    const bytes = input.data === undefined ? null : fromBase64(input.data);
    if (bytes === undefined) {
      return invalidFields(c, [{ field: 'data', code: 'logo_base64' }]) as never;
    }
    const result = await saveOrganisationChange(c.get('db'), {
      ...who(c),
      expectedVersion: input.version,
      change: { kind: 'logo', bytes, alt: localized(input.alt) },
    });
    return (await organisationAnswer(c, result)) as never;
  });

  app.openapi(deleteLogo, async (c) => {
    const result = await saveOrganisationChange(c.get('db'), {
      ...who(c),
      expectedVersion: Number(c.req.valid('query').version),
      change: { kind: 'remove_logo' },
    });
    return (await organisationAnswer(c, result)) as never;
  });

  app.openapi(putTheme, async (c) => {
    const { version, ...theme } = c.req.valid('json');
    const result = await saveOrganisationChange(c.get('db'), {
      ...who(c),
      expectedVersion: version,
      change: {
        kind: 'theme',
        theme: {
          accent: theme.accent.toLowerCase(),
          onAccent: theme.onAccent.toLowerCase(),
          focus: theme.focus.toLowerCase(),
        },
      },
    });
    return (await organisationAnswer(c, result)) as never;
  });

  app.openapi(putLanguages, async (c) => {
    const input = c.req.valid('json');
    const result = await saveOrganisationChange(c.get('db'), {
      ...who(c),
      expectedVersion: input.version,
      change: { kind: 'languages', languages: input.languages },
    });
    return (await organisationAnswer(c, result)) as never;
  });

  app.openapi(listDepartments, async (c) => c.json(await departmentsJson(c), 200));

  app.openapi(addDepartment, async (c) => {
    const input = c.req.valid('json');
    const result = await saveDepartmentChange(c.get('db'), {
      ...who(c),
      expectedVersion: input.version,
      change: { kind: 'add', name: localized(input.name) },
    });
    return (await departmentAnswer(c, result, true)) as never;
  });

  app.openapi(renameDepartment, async (c) => {
    const input = c.req.valid('json');
    const result = await saveDepartmentChange(c.get('db'), {
      ...who(c),
      expectedVersion: input.version,
      change: { kind: 'rename', slug: c.req.valid('param').slug, name: localized(input.name) },
    });
    return (await departmentAnswer(c, result)) as never;
  });

  app.openapi(removeDepartment, async (c) => {
    const result = await saveDepartmentChange(c.get('db'), {
      ...who(c),
      expectedVersion: Number(c.req.valid('query').version),
      change: { kind: 'remove', slug: c.req.valid('param').slug },
    });
    return (await departmentAnswer(c, result)) as never;
  });

  return app;
}
