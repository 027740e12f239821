/**
 * The form that renames one automatic theme or merges it into another
 * (/beheer/inzichten/thema?key=…, /en/manage/insights/theme?key=…). Works without JavaScript:
 * it posts back to its own address and shows the outcome or the errors there.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, type Html } from '../../../shared/html/index.ts';
import * as insightsTexts from './texts.ts';
import { errorSummary, fieldError, hiddenFields, notice } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { insightsPaths } from './paths.ts';

export type ThemeFormValues = { labelNl: string; labelEn: string; mergeInto: string };

export function renderThemeForm(options: {
  lang: Locale;
  session: PageSession;
  themeKey: string;
  /** The theme's name as the page shows it now (staff's or the automatic one). */
  name: string;
  version: number;
  values: ThemeFormValues;
  /** Themes it may be merged into: key and name (with its topic). */
  targets: Array<{ key: string; name: string }>;
  errors?: FieldError[];
  notice?: string | undefined;
}): string {
  const { lang, session, values } = options;
  const m = textsFor(insightsTexts, lang).themeForm;
  const errors = options.errors ?? [];
  const id = (name: string) => `theme-${name}`;
  const errorOf = (name: string) => errors.find((e) => e.field === name);
  const described = (name: string, hint?: boolean) =>
    [errorOf(name) && `${id(name)}-error`, hint && `${id(name)}-hint`].filter(Boolean).join(' ') || undefined;
  const wrap = (name: string, inner: Html) =>
    html`<div class="staff-field${errorOf(name) ? ' staff-field--invalid' : ''}">${inner}</div>`;
  const text = (name: 'labelNl' | 'labelEn', label: string) =>
    wrap(
      name,
      html`<label for="${id(name)}">${label}</label>
<p class="staff-hint" id="${id(name)}-hint">${m.labelHint}</p>
${errorOf(name) ? fieldError(lang, `${id(name)}-error`, errorOf(name)!.message) : ''}<input${attrs({
        type: 'text',
        id: id(name),
        name,
        value: values[name],
        lang: name === 'labelEn' ? 'en' : 'nl',
        'aria-invalid': errorOf(name) ? 'true' : undefined,
        'aria-describedby': described(name, true),
      })}>`,
    );
  const targetOptions = join(
    [
      html`<option value=""${values.mergeInto === '' ? ' selected' : ''}>${m.mergeNone}</option>`,
      ...options.targets.map(
        (target) =>
          html`<option${attrs({ value: target.key, selected: values.mergeInto === target.key })}>${target.name}</option>`,
      ),
    ],
    '\n',
  );
  const body = html`${notice(options.notice)}
${errorSummary(
  lang,
  errors.map((e) => ({ ...e, target: id(e.field) })),
)}
<p>${m.intro}</p>
<p>${m.key(options.themeKey)}</p>
<form method="post" action="${insightsPaths.theme('nl')}" class="staff-form" novalidate>
${hiddenFields({ csrf: session.csrfToken, lang, key: options.themeKey, version: String(options.version) })}
${text('labelNl', m.labelNl)}
${text('labelEn', m.labelEn)}
${wrap(
  'mergeInto',
  html`<label for="${id('mergeInto')}">${m.mergeInto}</label>
<p class="staff-hint" id="${id('mergeInto')}-hint">${m.mergeHint}</p>
${errorOf('mergeInto') ? fieldError(lang, `${id('mergeInto')}-error`, errorOf('mergeInto')!.message) : ''}<select${attrs(
    {
      id: id('mergeInto'),
      name: 'mergeInto',
      'aria-invalid': errorOf('mergeInto') ? 'true' : undefined,
      'aria-describedby': described('mergeInto', true),
    },
  )}>${targetOptions}</select>`,
)}
<button type="submit" class="staff-button">${m.save}</button>
</form>
<p><a href="${insightsPaths.page(lang)}">${m.back}</a></p>`;
  return staffPage({
    lang,
    title: m.title(options.name),
    body,
    session,
    path: insightsPaths.theme(lang, options.themeKey),
    hasErrors: errors.length > 0,
  });
}
