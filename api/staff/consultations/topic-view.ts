/**
 * The topics pages: the list in the portal's order (each with its place buttons and a link
 * to edit it) with the form for a new topic, and one topic's edit page with its removal.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, nothing, type Html } from '../../../shared/html/index.ts';
import type { AuthoredTopic } from '../../services/topic-authoring.ts';
import { errorSummary, hiddenFields, notice, pick, type FieldError } from '../kit/components.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { topicPaths } from './paths.ts';
import * as topicTexts from './topic-texts.ts';
import { control } from './view.ts';

type Texts = typeof topicTexts.nl;

/** What the topic form holds, as typed. */
export type TopicForm = {
  slug: string;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
};

export const emptyTopicForm = (): TopicForm => ({
  slug: '',
  titleNl: '',
  titleEn: '',
  descriptionNl: '',
  descriptionEn: '',
});

/** The title and description fields, Dutch and English, the descriptions with their readability hint. */
function textFields(lang: Locale, m: Texts, form: TopicForm, errors: readonly FieldError[]): Html {
  return html`<fieldset><legend>${m.dutch}</legend>
${control({ lang, id: 'titleNl', label: m.titleField, value: form.titleNl, errors, textLang: 'nl' })}
${control({ lang, id: 'descriptionNl', label: m.description, value: form.descriptionNl, errors, kind: 'textarea', textLang: 'nl', readability: true })}
</fieldset>
<fieldset><legend>${m.english}</legend>
${control({ lang, id: 'titleEn', label: m.titleField, value: form.titleEn, errors, textLang: 'en' })}
${control({ lang, id: 'descriptionEn', label: m.description, value: form.descriptionEn, errors, kind: 'textarea', textLang: 'en', readability: true })}
</fieldset>`;
}

const placeButton = (
  session: PageSession,
  lang: Locale,
  topic: AuthoredTopic,
  direction: 'up' | 'down',
  label: string,
) =>
  html`<form method="post" action="${topicPaths.movePost(topic.slug)}" class="staff-inline-form">
${hiddenFields({ csrf: session.csrfToken, lang, direction })}
<button type="submit" class="staff-button staff-button--secondary">${label}</button>
</form>`;

export function renderTopicList(options: {
  lang: Locale;
  session: PageSession;
  topics: readonly AuthoredTopic[];
  form: TopicForm;
  errors: readonly FieldError[];
  status?: string | undefined;
}): string {
  const { lang, session, topics, form, errors } = options;
  const m = textsFor(topicTexts, lang);
  // A list, not a table: it reflows at 320 px without scrolling sideways.
  const items = topics.map((topic, index) => {
    const title = pick(topic.title, lang);
    const moves = [
      index > 0 ? placeButton(session, lang, topic, 'up', m.up(title)) : nothing,
      index < topics.length - 1 ? placeButton(session, lang, topic, 'down', m.down(title)) : nothing,
    ];
    // The link and the buttons on lines of their own, so each target has room around it.
    return html`<li class="staff-topic"><p><a href="${topicPaths.edit(lang, topic.slug)}">${title}</a></p>
<p>${m.address}: ${topic.slug}. ${m.consultations(topic.consultations)}.</p>
<div class="staff-actions">${moves}</div></li>`;
  });
  const body = html`${errorSummary(lang, errors)}
${notice(options.status)}
<p>${m.intro}</p>
${items.length > 0 ? html`<ol class="staff-links">${items}</ol>` : html`<p>${m.none}</p>`}
<h2 id="new-topic">${m.createHeading}</h2>
<form method="post" action="${topicPaths.createPost}" class="staff-form" novalidate aria-labelledby="new-topic">
${hiddenFields({ csrf: session.csrfToken, lang })}
${control({ lang, id: 'slug', label: m.slug, hint: m.slugHint, value: form.slug, errors })}
${textFields(lang, m, form, errors)}
<p class="staff-actions"><button type="submit" class="staff-button">${m.create}</button></p>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: topicPaths.list(lang),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}

export function renderTopicEditPage(options: {
  lang: Locale;
  session: PageSession;
  topic: AuthoredTopic;
  form: TopicForm;
  version: number;
  errors: readonly FieldError[];
  status?: string | undefined;
}): string {
  const { lang, session, topic, form, errors } = options;
  const m = textsFor(topicTexts, lang);
  const title = pick(topic.title, lang);
  const removal =
    topic.consultations > 0
      ? html`<p>${m.cannotRemove(topic.consultations)}</p>`
      : html`<p>${m.removeHint}</p>
<form method="post" action="${topicPaths.removePost(topic.slug)}">
${hiddenFields({ csrf: session.csrfToken, lang })}
<button type="submit" class="staff-button staff-button--secondary">${m.remove}</button>
</form>`;
  const body = html`${errorSummary(lang, errors)}
${notice(options.status)}
<p><a href="${topicPaths.list(lang)}">${m.back}</a> · <a href="${topicPaths.portal(lang, topic.slug)}">${m.onPortal}</a></p>
<p>${m.address}: ${topic.slug}. ${m.consultations(topic.consultations)}.</p>
<form method="post" action="${topicPaths.savePost(topic.slug)}" class="staff-form" novalidate>
${hiddenFields({ csrf: session.csrfToken, lang, version: String(options.version) })}
${textFields(lang, m, form, errors)}
<p class="staff-actions"><button${attrs({ type: 'submit', class: 'staff-button' })}>${m.save}</button></p>
</form>
<h2>${m.removeHeading}</h2>
${removal}`;
  return staffPage({
    lang,
    title: m.editTitle(title),
    body,
    session,
    path: topicPaths.edit(lang, topic.slug),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}
