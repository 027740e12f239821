/**
 * The organisation settings page (name, mirrored conversations, logo, house colours,
 * languages) and the departments
 * page. After a refusal the form that was sent shows what was typed, not what is stored, so
 * nothing typed is lost (except a chosen file, which browsers never send twice: the message
 * says so).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, join, nothing, type Html } from '../../../shared/html/index.ts';
import type { DepartmentSettings } from '../../services/department-settings.ts';
import { inUse } from '../../services/department-settings.ts';
import {
  AUTHOR_DISPLAYS,
  AUTO_PUBLISH,
  MAX_ALT,
  MAX_LOGO_BYTES,
  MAX_NAME,
  LANGUAGES,
  type OrganisationSettings,
} from '../../services/organisation-settings.ts';
import { errorSummary, fieldError, hiddenFields, labelOfRow, notice, pick } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import {
  CONTRAST_RULES,
  contrastRatio,
  HEX_COLOUR,
  PAGE_BACKGROUND,
  shownRatio,
  type ThemeToken,
} from '../../../shared/theme.ts';
import * as organisationTexts from './organisation-texts.ts';
import { settingsPaths } from './paths.ts';
import type { FormError } from './view.ts';

/** Fields as typed (or as stored), by name. */
export type Values = Record<string, string>;

function textField(
  lang: Locale,
  spec: { id: string; name: string; label: string; row?: string; hint?: string; inputLang?: Locale; max: number },
  value: string,
  errors: readonly FieldError[],
): Html {
  const error = errors.find((e) => e.field === spec.id);
  const errorId = error ? `${spec.id}-error` : undefined;
  const hintId = spec.hint ? `${spec.id}-hint` : undefined;
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${spec.id}">${labelOfRow(spec.label, spec.row)}</label>
${spec.hint ? html`<p class="staff-hint" id="${hintId}">${spec.hint}</p>` : nothing}${error ? fieldError(lang, errorId!, error.message) : nothing}<input${attrs(
    {
      type: 'text',
      id: spec.id,
      name: spec.name,
      lang: spec.inputLang,
      value,
      maxlength: spec.max + 100,
      autocomplete: 'off',
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': idRefs(hintId, errorId),
    },
  )}></div>`;
}

function radios(
  lang: Locale,
  spec: { id: string; name: string; legend: string; hint?: string },
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>,
  chosen: string,
  errors: readonly FieldError[],
): Html {
  const error = errors.find((e) => e.field === spec.id);
  const errorId = `${spec.id}-error`;
  const hintId = spec.hint ? `${spec.id}-hint` : undefined;
  return html`<fieldset class="staff-field${error ? ' staff-field--invalid' : ''}" id="${spec.id}"${attrs({ 'aria-describedby': idRefs(hintId) })}><legend>${spec.legend}</legend>
${spec.hint ? html`<p class="staff-hint" id="${hintId}">${spec.hint}</p>` : nothing}${error ? fieldError(lang, errorId, error.message) : nothing}
${join(
  options.map((option) => {
    const id = `${spec.id}-${option.value}`;
    const optionHint = option.hint ? `${id}-hint` : undefined;
    return html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id,
      name: spec.name,
      value: option.value,
      checked: chosen === option.value,
      'aria-describedby': idRefs(optionHint, error ? errorId : undefined),
    })}><label for="${id}">${option.label}</label>${option.hint ? html`<p class="staff-hint" id="${optionHint}">${option.hint}</p>` : nothing}</div>`;
  }),
  '\n',
)}
</fieldset>`;
}

export function storedOrganisationValues(settings: OrganisationSettings): Values {
  return {
    'name-nl': settings.general.name.nl,
    'name-en': settings.general.name.en ?? '',
    'author-display': settings.general.authorDisplay,
    'auto-publish': settings.general.autoPublish,
    'alt-nl': settings.logo?.alt.nl ?? '',
    'alt-en': settings.logo?.alt.en ?? '',
    accent: settings.theme.accent,
    'on-accent': settings.theme.onAccent,
    focus: settings.theme.focus,
    languages: settings.languages.join(' '),
  };
}

/** The form field of each token. */
export const TOKEN_FIELDS: Record<ThemeToken, string> = { accent: 'accent', onAccent: 'on-accent', focus: 'focus' };

export type OrganisationForm = 'general' | 'logo' | 'theme' | 'languages';

/**
 * A colour field with its swatch and the contrast it reaches, as computed here (so the page
 * says it without script); assets/theme-preview.js recomputes both while the colour is typed.
 */
function colourField(lang: Locale, token: ThemeToken, values: Values, errors: readonly FieldError[]): Html {
  const m = textsFor(organisationTexts, lang).organisation;
  const id = TOKEN_FIELDS[token];
  const value = values[id] ?? '';
  const error = errors.find((e) => e.field === id);
  const errorId = error ? `${id}-error` : undefined;
  const rule = CONTRAST_RULES.find((r) => r.token === token)!;
  const other = rule.against === 'background' ? PAGE_BACKGROUND : (values['accent'] ?? '');
  const measurable = HEX_COLOUR.test(value.trim().toLowerCase()) && HEX_COLOUR.test(other.trim().toLowerCase());
  const shown = (ratio: number) => shownRatio(ratio).replace('.', m.decimal);
  const ratio = measurable
    ? m.ratioNow(
        shown(contrastRatio(value.trim().toLowerCase(), other.trim().toLowerCase())),
        rule.required,
        m.against[rule.against],
      )
    : '';
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${m.tokens[token]}</label>
<p class="staff-hint" id="${id}-hint">${m.colourHint}</p>${error ? fieldError(lang, errorId!, error.message) : nothing}<div class="staff-colour"><span class="staff-swatch" data-swatch="${id}" aria-hidden="true"></span><input${attrs(
    {
      type: 'text',
      id,
      name: id,
      value,
      maxlength: 20,
      size: 9,
      autocomplete: 'off',
      spellcheck: 'false',
      'data-token': id,
      'data-against': rule.against,
      'data-required': String(rule.required),
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': idRefs(`${id}-hint`, `${id}-ratio`, errorId),
    },
  )}></div>
<p class="staff-hint" id="${id}-ratio"${attrs({ 'data-ratio': id, 'data-template': m.ratioNow('{ratio}', rule.required, m.against[rule.against]), 'data-decimal': m.decimal })}>${ratio}</p></div>`;
}

export function renderOrganisationPage(options: {
  lang: Locale;
  session: PageSession;
  settings: OrganisationSettings;
  version: string;
  /** What was typed into one form, shown instead of what is stored. */
  typed?: { form: OrganisationForm; values: Values } | undefined;
  errors?: FormError[];
  status?: string | undefined;
}): string {
  const { lang, session, settings, version, errors = [] } = options;
  const m = textsFor(organisationTexts, lang).organisation;
  const stored = storedOrganisationValues(settings);
  const valuesOf = (form: OrganisationForm) =>
    options.typed?.form === form ? { ...stored, ...options.typed.values } : stored;
  const common = { csrf: session.csrfToken, lang, version };
  const general = valuesOf('general');
  const logoValues = valuesOf('logo');
  const action = settingsPaths.organisationSave;

  const generalForm = html`<h2>${m.generalHeading}</h2>
<form method="post" action="${action}" novalidate class="staff-form">
${hiddenFields(common)}
${textField(lang, { id: 'name-nl', name: 'name-nl', label: m.nameNl, inputLang: 'nl', max: MAX_NAME }, general['name-nl'] ?? '', errors)}
${textField(lang, { id: 'name-en', name: 'name-en', label: m.nameEn, hint: m.nameEnHint, inputLang: 'en', max: MAX_NAME }, general['name-en'] ?? '', errors)}
${radios(
  lang,
  { id: 'author-display', name: 'author-display', legend: m.authorDisplay },
  AUTHOR_DISPLAYS.map((value) => ({ value, ...m.authorDisplays[value] })),
  general['author-display'] ?? '',
  errors,
)}
${radios(
  lang,
  { id: 'auto-publish', name: 'auto-publish', legend: m.autoPublish, hint: m.autoPublishHint },
  AUTO_PUBLISH.map((value) => ({ value, label: m.autoPublishes[value] })),
  general['auto-publish'] ?? '',
  errors,
)}
<button type="submit" name="action" value="general" class="staff-button">${m.saveGeneral}</button>
</form>`;

  const logo = settings.logo;
  const fileError = errors.find((e) => e.field === 'logo-file');
  const fileHint = m.logoFileHint(MAX_LOGO_BYTES);
  const current = logo
    ? html`<figure class="staff-logo-preview"><img${attrs({
        src: logo.url,
        alt: pick(logo.alt, lang),
        width: String(logo.width),
        height: String(logo.height),
      })}><figcaption>${m.currentLogo}: ${m.logoFacts(logo.mime === 'image/png' ? 'PNG' : 'JPEG', logo.width, logo.height, logo.size)}</figcaption></figure>`
    : html`<p>${m.noLogo}</p>`;
  const logoForm = html`<h2>${m.logoHeading}</h2>
${current}
<form method="post" action="${action}" enctype="multipart/form-data" novalidate class="staff-form">
${hiddenFields(common)}
<div class="staff-field${fileError ? ' staff-field--invalid' : ''}"><label for="logo-file">${m.logoFile}</label>
<p class="staff-hint" id="logo-file-hint">${fileHint}${logo ? html` ${m.logoFileKeep}` : nothing}</p>${fileError ? fieldError(lang, 'logo-file-error', fileError.message) : nothing}<input${attrs(
    {
      type: 'file',
      id: 'logo-file',
      name: 'logo',
      accept: 'image/png,image/jpeg',
      'aria-invalid': fileError ? 'true' : undefined,
      'aria-describedby': idRefs('logo-file-hint', fileError ? 'logo-file-error' : undefined),
    },
  )}></div>
${textField(lang, { id: 'alt-nl', name: 'alt-nl', label: m.altNl, hint: m.altHint, inputLang: 'nl', max: MAX_ALT }, logoValues['alt-nl'] ?? '', errors)}
${textField(lang, { id: 'alt-en', name: 'alt-en', label: m.altEn, inputLang: 'en', max: MAX_ALT }, logoValues['alt-en'] ?? '', errors)}
<button type="submit" name="action" value="logo" class="staff-button">${m.saveLogo}</button>
</form>
${
  logo
    ? html`<form method="post" action="${action}" class="staff-inline-form">
${hiddenFields(common)}
<button type="submit" name="action" value="remove-logo" id="remove-logo" class="staff-button staff-button--secondary">${m.removeLogo}</button>
</form>`
    : nothing
}`;

  const themeValues = valuesOf('theme');
  const themeForm = html`<h2>${m.themeHeading}</h2>
<p>${m.themeIntro}</p>
<form method="post" action="${action}" novalidate class="staff-form" data-theme-form>
${hiddenFields(common)}
${colourField(lang, 'accent', themeValues, errors)}
${colourField(lang, 'onAccent', themeValues, errors)}
${colourField(lang, 'focus', themeValues, errors)}
<button type="submit" name="action" value="theme" class="staff-button">${m.saveTheme}</button>
<button type="submit" name="action" value="reset-theme" class="staff-button staff-button--secondary">${m.resetTheme}</button>
</form>`;

  const chosen = (valuesOf('languages')['languages'] ?? '').split(' ');
  const languageError = errors.find((e) => e.field === 'languages');
  const languagesForm = html`<h2>${m.languagesHeading}</h2>
<form method="post" action="${action}" novalidate class="staff-form">
${hiddenFields({ ...common, languages: 'nl' })}
<fieldset class="staff-field${languageError ? ' staff-field--invalid' : ''}" id="languages" aria-describedby="languages-hint"><legend>${m.languagesLegend}</legend>
<p class="staff-hint" id="languages-hint">${m.languagesHint}</p>${languageError ? fieldError(lang, 'languages-error', languageError.message) : nothing}
${join(
  LANGUAGES.map(
    (code) =>
      html`<div class="staff-checkbox"><input${attrs({
        type: 'checkbox',
        id: `language-${code}`,
        name: code === 'nl' ? undefined : 'languages',
        value: code,
        checked: code === 'nl' || chosen.includes(code),
        disabled: code === 'nl',
      })}><label for="language-${code}">${m.languageNames[code]}</label></div>`,
  ),
  '\n',
)}
</fieldset>
<button type="submit" name="action" value="languages" class="staff-button">${m.saveLanguages}</button>
</form>`;

  const body = html`${notice(options.status)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${generalForm}
${logoForm}
${themeForm}
${languagesForm}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: settingsPaths.organisation(lang),
    hasErrors: errors.length > 0,
    scripts: [settingsPaths.themePreviewScript],
  });
}

export function renderDepartmentsPage(options: {
  lang: Locale;
  session: PageSession;
  settings: DepartmentSettings;
  version: string;
  /** What was typed into one form (a department's slug, or `new`). */
  typed?: { form: string; values: Values } | undefined;
  errors?: FormError[];
  status?: string | undefined;
  focus?: string | undefined;
}): string {
  const { lang, session, settings, version, errors = [] } = options;
  const m = textsFor(organisationTexts, lang).departments;
  const common = { csrf: session.csrfToken, lang, version };
  const action = settingsPaths.departmentsSave;
  const valuesOf = (form: string, stored: Values) => (options.typed?.form === form ? options.typed.values : stored);
  // Each department's fields carry its name for screen readers; the new one's are unique already.
  const nameFields = (prefix: string, values: Values, row?: string) =>
    html`${textField(lang, { id: `${prefix}-name-nl`, name: 'name-nl', label: m.nameNl, row, inputLang: 'nl', max: MAX_NAME }, values['name-nl'] ?? '', errors)}
${textField(lang, { id: `${prefix}-name-en`, name: 'name-en', label: m.nameEn, row, inputLang: 'en', max: MAX_NAME }, values['name-en'] ?? '', errors)}`;

  const items = settings.departments.map((department) => {
    const name = pick(department.name, lang);
    const prefix = `d-${department.slug}`;
    const values = valuesOf(department.slug, {
      'name-nl': department.name.nl,
      'name-en': department.name.en ?? '',
    });
    return html`<li class="staff-rule" id="${prefix}">
<h3>${name}</h3>
<p class="staff-hint">${m.code(department.slug)} ${inUse(department.use) ? m.used(department.use) : m.unused}</p>
<form method="post" action="${action}" novalidate class="staff-form">
${hiddenFields({ ...common, slug: department.slug })}
${nameFields(prefix, values, name)}
<button${attrs({ type: 'submit', name: 'action', value: 'rename', id: `${prefix}-rename`, class: 'staff-button', autofocus: options.focus === `${prefix}-rename` })}>${m.rename(name)}</button>
</form>
<form method="post" action="${action}" class="staff-inline-form">
${hiddenFields({ ...common, slug: department.slug })}
<button${attrs({ type: 'submit', name: 'action', value: 'remove', id: `${prefix}-remove`, class: 'staff-button staff-button--secondary' })}>${m.remove(name)}</button>
</form>
</li>`;
  });

  const body = html`${notice(options.status)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<h2>${m.listHeading}</h2>
${items.length > 0 ? html`<ul class="staff-rules">${join(items, '\n')}</ul>` : html`<p>${m.none}</p>`}
<h2>${m.addHeading}</h2>
<form method="post" action="${action}" novalidate class="staff-form">
${hiddenFields({ ...common, slug: '' })}
${nameFields('new', valuesOf('new', {}))}
<button type="submit" name="action" value="add" class="staff-button">${m.add}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: settingsPaths.departments(lang),
    hasErrors: errors.length > 0,
  });
}
