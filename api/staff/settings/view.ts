/**
 * The house-rules settings page: each rule in force with its own form (Dutch and English
 * title and explanation, a readability hint on each explanation), buttons to move it up or
 * down (no drag and drop) and to retire it; the retired rules with a button to bring one
 * back; and the form for a new rule. After a refusal the form that was sent shows what was
 * typed, not what is stored, so nothing typed is lost.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, join, nothing, type Html } from '../../../shared/html/index.ts';
import { MAX_RULE_BODY, MAX_RULE_TITLE, type HouseRuleRow } from '../../services/house-rule-settings.ts';
import { errorSummary, fieldError, hiddenFields, notice, pick } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { readabilityHint } from '../webcare/view.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { settingsPaths } from './paths.ts';
import * as guidelineTexts from './guideline-texts.ts';
import * as organisationTexts from './organisation-texts.ts';
import * as statementTexts from './statement-texts.ts';
import * as settingsTexts from './texts.ts';

/** A message for a field, or for the whole form (`target`: where its summary link goes). */
export type FormError = FieldError & { target?: string };

/** One rule's texts as typed (or as stored). */
export type RuleValues = { titleNl: string; titleEn: string; bodyNl: string; bodyEn: string };

export const MAX_TITLE = MAX_RULE_TITLE;
export const MAX_BODY = MAX_RULE_BODY;

/** The ids of a rule's fields: `<prefix>-title-nl`…; `new` for the form that adds one. */
export const fieldId = (prefix: string, name: 'title-nl' | 'title-en' | 'body-nl' | 'body-en') => `${prefix}-${name}`;

function textField(options: {
  lang: Locale;
  id: string;
  name: string;
  label: string;
  value: string;
  errors: readonly FieldError[];
  multiline?: { textLang: Locale };
  inputLang: Locale;
}): Html {
  const error = options.errors.find((e) => e.field === options.id);
  const errorId = error ? `${options.id}-error` : undefined;
  const readabilityId = options.multiline ? `${options.id}-readability` : undefined;
  const common = {
    id: options.id,
    name: options.name,
    lang: options.inputLang,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': idRefs(errorId, readabilityId),
  };
  const control = options.multiline
    ? html`<textarea${attrs({ ...common, rows: 4, maxlength: MAX_BODY + 500 })}>${options.value}</textarea>
${readabilityHint({ text: options.value, textLang: options.multiline.textLang, lang: options.lang, id: readabilityId!, forField: options.id })}`
    : html`<input${attrs({ ...common, type: 'text', value: options.value, maxlength: MAX_TITLE + 100, autocomplete: 'off' })}>`;
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${options.id}">${options.label}</label>
${error ? fieldError(options.lang, errorId!, error.message) : nothing}${control}</div>`;
}

function ruleFields(lang: Locale, prefix: string, values: RuleValues, errors: readonly FieldError[]): Html {
  const m = textsFor(settingsTexts, lang).houseRules;
  return html`${textField({ lang, id: fieldId(prefix, 'title-nl'), name: 'title-nl', label: m.titleNl, value: values.titleNl, errors, inputLang: 'nl' })}
${textField({ lang, id: fieldId(prefix, 'title-en'), name: 'title-en', label: m.titleEn, value: values.titleEn, errors, inputLang: 'en' })}
${textField({ lang, id: fieldId(prefix, 'body-nl'), name: 'body-nl', label: m.bodyNl, value: values.bodyNl, errors, inputLang: 'nl', multiline: { textLang: 'nl' } })}
${textField({ lang, id: fieldId(prefix, 'body-en'), name: 'body-en', label: m.bodyEn, value: values.bodyEn, errors, inputLang: 'en', multiline: { textLang: 'en' } })}`;
}

export const storedValues = (rule: HouseRuleRow): RuleValues => ({
  titleNl: rule.title.nl,
  titleEn: rule.title.en ?? '',
  bodyNl: rule.body.nl,
  bodyEn: rule.body.en ?? '',
});

/** A small form with one button: move, retire or bring back a rule. */
function actionButton(
  options: { csrf: string; lang: Locale; version: string; code: string },
  action: string,
  label: string,
  id: string,
  focus?: string,
): Html {
  return html`<form method="post" action="${settingsPaths.houseRulesSave}" class="staff-inline-form">
${hiddenFields({ csrf: options.csrf, lang: options.lang, version: options.version, code: options.code })}
<button${attrs({ type: 'submit', name: 'action', value: action, id, class: 'staff-button staff-button--secondary', autofocus: focus === id })}>${label}</button>
</form>`;
}

/** The settings index: one link per settings page, with what it is for. */
export function renderSettingsIndex(options: { lang: Locale; session: PageSession }): string {
  const { lang, session } = options;
  const m = textsFor(settingsTexts, lang);
  const statement = textsFor(statementTexts, lang);
  const guidelines = textsFor(guidelineTexts, lang);
  const organisation = textsFor(organisationTexts, lang);
  const pages = [
    {
      href: settingsPaths.organisation(lang),
      title: organisation.organisation.title,
      what: organisation.organisation.what,
    },
    {
      href: settingsPaths.departments(lang),
      title: organisation.departments.title,
      what: organisation.departments.what,
    },
    { href: settingsPaths.houseRules(lang), title: m.houseRules.title, what: m.pages.houseRules },
    { href: settingsPaths.statement(lang), title: statement.title, what: statement.what },
    { href: settingsPaths.guidelines(lang), title: guidelines.title, what: guidelines.what },
  ];
  const body = html`<p>${m.intro}</p>
<ul class="staff-settings-pages">${join(
    pages.map((p) => html`<li><a href="${p.href}">${p.title}</a><p class="staff-hint">${p.what}</p></li>`),
    '\n',
  )}</ul>`;
  return staffPage({ lang, title: m.title, body, session, path: settingsPaths.home(lang) });
}

export function renderHouseRulesPage(options: {
  lang: Locale;
  session: PageSession;
  version: string;
  rules: readonly HouseRuleRow[];
  /** What was typed into one rule's form (its code, or `new`), shown instead of what is stored. */
  typed?: { code: string; values: RuleValues } | undefined;
  errors?: FormError[];
  status?: string | undefined;
  /** The control to give focus to after a move (the moved rule's button), so keyboard users keep their place. */
  focus?: string | undefined;
}): string {
  const { lang, session, version, errors = [] } = options;
  const m = textsFor(settingsTexts, lang).houseRules;
  const active = options.rules.filter((r) => r.retiredAt === null);
  const retired = options.rules.filter((r) => r.retiredAt !== null);
  const common = { csrf: session.csrfToken, lang, version };
  const focus = options.focus;
  const valuesFor = (rule: HouseRuleRow) =>
    options.typed?.code === rule.code ? options.typed.values : storedValues(rule);

  const activeItems = active.map((rule, index) => {
    const title = pick(rule.title, lang);
    const buttons = [
      index > 0 ? actionButton({ ...common, code: rule.code }, 'up', m.up(title), `${rule.code}-up`, focus) : nothing,
      index < active.length - 1
        ? actionButton({ ...common, code: rule.code }, 'down', m.down(title), `${rule.code}-down`, focus)
        : nothing,
      actionButton({ ...common, code: rule.code }, 'retire', m.retire(title), `${rule.code}-retire`, focus),
    ];
    return html`<li class="staff-rule" id="regel-${rule.code}">
<h3>${m.ruleHeading(index + 1, title)}</h3>
<p class="staff-hint">${m.code(rule.code)} ${m.cited(rule.citedBy)}${rule.channels.length > 0 ? html` ${m.channels(rule.channels.join(', '))}` : nothing}</p>
<form method="post" action="${settingsPaths.houseRulesSave}" novalidate class="staff-form">
${hiddenFields({ ...common, code: rule.code })}
${ruleFields(lang, rule.code, valuesFor(rule), errors)}
<button type="submit" name="action" value="save" class="staff-button">${m.save}</button>
</form>
<div class="staff-rule__actions">${buttons}</div>
</li>`;
  });

  const retiredItems = retired.map((rule) => {
    const title = pick(rule.title, lang);
    return html`<li class="staff-rule" id="regel-${rule.code}">
<h3>${title}</h3>
<p class="staff-hint">${m.code(rule.code)} ${m.cited(rule.citedBy)}</p>
${actionButton({ ...common, code: rule.code }, 'restore', m.restore(title), `${rule.code}-restore`, focus)}
</li>`;
  });

  const newValues = options.typed?.code === 'new' ? options.typed.values : undefined;
  const body = html`${notice(options.status)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<h2>${m.activeHeading}</h2>
${activeItems.length > 0 ? html`<ol class="staff-rules">${join(activeItems, '\n')}</ol>` : html`<p>${m.none}</p>`}
<h2>${m.addHeading}</h2>
<form method="post" action="${settingsPaths.houseRulesSave}" novalidate class="staff-form">
${hiddenFields({ ...common, code: '' })}
${ruleFields(lang, 'new', newValues ?? { titleNl: '', titleEn: '', bodyNl: '', bodyEn: '' }, errors)}
<button type="submit" name="action" value="add" class="staff-button">${m.add}</button>
</form>
${
  retiredItems.length > 0
    ? html`<h2>${m.retiredHeading}</h2>
<p>${m.retiredIntro}</p>
<ul class="staff-rules">${join(retiredItems, '\n')}</ul>`
    : nothing
}
`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: settingsPaths.houseRules(lang),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}
