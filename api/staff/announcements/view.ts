/**
 * The announcement pages: the list with a start for each kind, and the composer — the
 * fields, each image with its alternative text, the moment within the posting hours, the
 * text per platform with that platform's count, the text to copy for platforms Podium does
 * not post on, where it stands on each platform, and the approval and delete forms.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import type { Announcement, Channels } from '../../services/announcements/compose.ts';
import { COPY_PLATFORMS, type CopyPlatform } from '../../services/announcements/copies.ts';
import { LIMITS, platformText, type PreviewPlatform } from '../../services/announcements/limits.ts';
import { describePostingHours } from '../../services/announcements/posting-hours.ts';
import { ANNOUNCEMENT_KINDS, KIND_NAMES, type AnnouncementKind } from '../../services/announcements/templates.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { threadPaths } from '../threads/paths.ts';
import { resultSection, type ImportResultView } from '../threads/view.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { readabilityHint } from '../webcare/view.ts';
import { announcementPaths } from './paths.ts';
import * as announcementTexts from './texts.ts';

export type ListRow = {
  id: string;
  title: string;
  kind: AnnouncementKind;
  state: Announcement['state'];
  scheduledAt: Date | null;
  publishedAt: Date | null;
};

export function renderListPage(options: {
  lang: Locale;
  session: PageSession;
  rows: ListRow[];
  notice?: string | undefined;
}): string {
  const { lang, session } = options;
  const m = textsFor(announcementTexts, lang);
  const table =
    options.rows.length === 0
      ? html`<p>${m.empty}</p>`
      : html`<div class="staff-table-wrap" role="region" aria-labelledby="announcements-caption" tabindex="0"><table class="staff-table">
<caption id="announcements-caption">${m.listHeading}</caption>
<thead><tr><th scope="col">${m.columns.title}</th><th scope="col">${m.columns.kind}</th><th scope="col">${m.columns.state}</th><th scope="col">${m.columns.when}</th></tr></thead>
<tbody>${options.rows.map((row) => {
          const when = row.publishedAt ?? row.scheduledAt;
          return html`<tr><th scope="row"><a href="${announcementPaths.one(lang, row.id)}">${row.title}</a></th><td>${KIND_NAMES[row.kind][lang]}</td><td>${m.states[row.state]}</td><td>${when ? time(when, formatDateTime(when, lang)) : ''}</td></tr>`;
        })}</tbody></table></div>`;
  const body = html`${notice(options.notice)}
<p>${m.intro}</p>
<h2>${m.newHeading}</h2>
<form method="get" action="${announcementPaths.compose(lang)}" class="staff-form">
<div class="staff-field"><label for="new-kind">${m.chooseKind}</label>
<p class="staff-hint" id="new-kind-hint">${m.chooseKindHint}</p>
<select id="new-kind" name="soort" aria-describedby="new-kind-hint">${ANNOUNCEMENT_KINDS.map(
    (kind) => html`<option value="${kind}">${KIND_NAMES[kind][lang]}</option>`,
  )}</select></div>
<button type="submit" class="staff-button">${m.start}</button>
</form>
<h2>${m.listHeading}</h2>
${table}`;
  return staffPage({ lang, title: m.title, body, session, path: announcementPaths.list(lang) });
}

const COPY_EXAMPLES: Record<CopyPlatform, string> = {
  x: 'https://x.com/gemeente/status/1790000000000000000',
  facebook: 'https://www.facebook.com/gemeente/posts/1234567890',
  instagram: 'https://www.instagram.com/p/C1a2b3c4d5e/',
};

export type ComposerValues = {
  kind: string;
  title: string;
  body: string;
  language: string;
  contentWarning: string;
  accountIds: string[];
  scheduledAt: string;
  /** Alternative texts typed for stored images, by image id. */
  alts: Record<string, string>;
  newAlt: string;
  removeImages: string[];
  /** For an edit: delete the Bluesky post and post it again (checked unless unticked). */
  repostBluesky?: boolean;
};

export function renderComposerPage(options: {
  lang: Locale;
  session: PageSession;
  staffUserId: string;
  channels: Channels;
  values: ComposerValues;
  announcement?: Announcement | undefined;
  errors?: FieldError[];
  notice?: string | undefined;
  publicUrl: string;
  /** Addresses typed into the copy forms, kept after a refusal. */
  copyUrls?: Partial<Record<CopyPlatform, string>>;
  /** Whether the staff member may import threads (`threads.import`): only then the reply import forms. */
  canImportReplies?: boolean;
  /** The outcome of a reply import for one copy, shown beside it (its sentence is the page's notice). */
  repliesResult?: { platform: CopyPlatform; result: ImportResultView } | undefined;
}): string {
  const { lang, session, values, announcement, channels } = options;
  const m = textsFor(announcementTexts, lang);
  const errors = options.errors ?? [];
  const errorOf = (name: string) => errors.find((e) => e.field === name);
  const basics = { csrf: session.csrfToken, lang };
  const id = (name: string) => `announcement-${name}`;
  const described = (name: string, hint: boolean) =>
    [hint ? `${id(name)}-hint` : '', errorOf(name) ? `${id(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const wrap = (name: string, label: string, hint: string | null, control: Html, labelFor = id(name)) => {
    const error = errorOf(name);
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${labelFor}">${label}</label>
${hint ? html`<p class="staff-hint" id="${id(name)}-hint">${hint}</p>` : nothing}${error ? fieldError(lang, `${id(name)}-error`, error.message) : nothing}${control}</div>`;
  };
  const invalid = (name: string) => (errorOf(name) ? 'true' : undefined);

  const kindField = wrap(
    'kind',
    m.kind,
    null,
    html`<select${attrs({ id: id('kind'), name: 'kind', 'aria-invalid': invalid('kind'), 'aria-describedby': described('kind', false) })}>${ANNOUNCEMENT_KINDS.map(
      (kind) =>
        html`<option${attrs({ value: kind, selected: values.kind === kind })}>${KIND_NAMES[kind][lang]}</option>`,
    )}</select>`,
  );
  const titleField = wrap(
    'title',
    m.titleLabel,
    m.titleHint,
    html`<input${attrs({ id: id('title'), name: 'title', type: 'text', value: values.title, 'aria-invalid': invalid('title'), 'aria-describedby': described('title', true) })}>`,
  );
  const languageField = wrap(
    'language',
    m.language,
    null,
    html`<select${attrs({ id: id('language'), name: 'language', 'aria-invalid': invalid('language'), 'aria-describedby': described('language', false) })}>${(
      ['nl', 'en'] as const
    ).map(
      (code) =>
        html`<option${attrs({ value: code, selected: values.language === code })}>${m.languages[code]}</option>`,
    )}</select>`,
  );
  const textLang: Locale = values.language === 'en' ? 'en' : 'nl';
  const bodyField = wrap(
    'body',
    m.body,
    m.bodyHint,
    html`<textarea${attrs({ id: id('body'), name: 'body', rows: 8, lang: textLang, 'aria-invalid': invalid('body'), 'aria-describedby': `${described('body', true) ?? ''} ${id('readability')}`.trim() })}>${values.body}</textarea>
${readabilityHint({ text: values.body, textLang, lang, id: id('readability'), forField: id('body') })}`,
  );
  const warningField = wrap(
    'contentWarning',
    m.contentWarning,
    m.contentWarningHint,
    html`<input${attrs({ id: id('contentWarning'), name: 'contentWarning', type: 'text', value: values.contentWarning, 'aria-invalid': invalid('contentWarning'), 'aria-describedby': described('contentWarning', true) })}>`,
  );

  const accountsError = errorOf('accounts');
  const accountsField =
    channels.accounts.length === 0
      ? html`<p>${m.noAccounts}</p>`
      : html`<fieldset class="staff-fieldset${accountsError ? ' staff-field--invalid' : ''}"${attrs({ 'aria-describedby': [`${id('accounts')}-hint`, accountsError ? `${id('accounts')}-error` : ''].filter(Boolean).join(' ') })}>
<legend>${m.accounts}</legend><p class="staff-hint" id="${id('accounts')}-hint">${m.accountsHint}</p>
${accountsError ? fieldError(lang, `${id('accounts')}-error`, accountsError.message) : nothing}
${channels.accounts.map(
  (account, i) =>
    html`<div class="staff-check"><input${attrs({ type: 'checkbox', name: 'account', value: account.id, id: i === 0 ? id('accounts') : `${id('accounts')}-${i}`, checked: values.accountIds.includes(account.id) })}><label for="${i === 0 ? id('accounts') : `${id('accounts')}-${i}`}">${account.handle} (${m.platformNames[account.platform as 'mastodon' | 'bluesky']})${account.needsApproval ? html` — ${m.approvalNeeded}` : nothing}</label></div>`,
)}</fieldset>`;

  const stored = (announcement?.images ?? []).filter((image) => !values.removeImages.includes(image.id));
  const imagesBlock = html`<fieldset class="staff-fieldset"><legend>${m.images}</legend>
<p class="staff-hint" id="${id('images')}-hint">${m.imagesHint}</p>
${stored.map((image) => {
  const name = `image-${image.position}`;
  const error = errorOf(name);
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><p><strong>${m.image(image.position)}</strong> (${image.mime}, ${Math.ceil(image.size / 1024)} kB)</p>
<label for="${id(name)}">${m.alt(image.position)}</label>
<p class="staff-hint" id="${id(name)}-hint">${m.altHint}</p>
${error ? fieldError(lang, `${id(name)}-error`, error.message) : nothing}
<textarea${attrs({ id: id(name), name: `alt-${image.id}`, rows: 3, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': [`${id(name)}-hint`, error ? `${id(name)}-error` : ''].filter(Boolean).join(' ') })}>${values.alts[image.id] ?? image.description}</textarea>
<div class="staff-check"><input type="checkbox" name="remove-image" value="${image.id}" id="${id(name)}-remove"><label for="${id(name)}-remove">${m.removeImage(image.position)}</label></div></div>`;
})}
${wrap('images', m.imageFile, null, html`<input${attrs({ id: id('images'), name: 'image', type: 'file', accept: 'image/jpeg,image/png,image/webp', 'aria-invalid': invalid('images'), 'aria-describedby': [`${id('images')}-hint`, errorOf('images') ? `${id('images')}-error` : ''].filter(Boolean).join(' ') })}>`)}
<div class="staff-field"><label for="${id('image-new-alt')}">${m.altNew}</label>
<p class="staff-hint" id="${id('image-new-alt')}-hint">${m.altHint}</p>
<textarea${attrs({ id: id('image-new-alt'), name: 'image-alt', rows: 3, 'aria-describedby': `${id('image-new-alt')}-hint` })}>${values.newAlt}</textarea></div>
</fieldset>`;

  const chosen = channels.accounts.filter((a) => values.accountIds.includes(a.id));
  const hours = [channels.portal, ...chosen]
    .filter((c) => c.hours.length > 0)
    .map((c) => describePostingHours(c.hours, lang));
  const published = announcement?.state === 'published';
  const whenField = published
    ? nothing
    : wrap(
        'scheduledAt',
        m.scheduledAt,
        m.scheduledAtHint(hours.length > 0 ? [...new Set(hours)].join('; ') : m.anyTime),
        html`<input${attrs({ id: id('scheduledAt'), name: 'scheduledAt', type: 'datetime-local', value: values.scheduledAt, 'aria-invalid': invalid('scheduledAt'), 'aria-describedby': described('scheduledAt', true) })}>`,
      );

  const action = announcement ? announcementPaths.save(announcement.id) : announcementPaths.create;
  const onBluesky = published && announcement.postings.some((p) => p.platform === 'bluesky' && p.state === 'sent');
  const repost = onBluesky
    ? html`<input type="hidden" name="repostOffered" value="1"><div class="staff-field"><p class="staff-hint" id="${id('repost')}-hint">${m.blueskyEdit}</p>
<div class="staff-check"><input${attrs({ type: 'checkbox', name: 'repostBluesky', value: '1', id: id('repost'), checked: values.repostBluesky ?? true, 'aria-describedby': `${id('repost')}-hint` })}><label for="${id('repost')}">${m.blueskyRepost}</label></div></div>`
    : nothing;
  const buttons = published
    ? html`${repost}<button type="submit" name="action" value="save" class="staff-button">${m.saveEdit}</button>`
    : html`<button type="submit" name="action" value="schedule" class="staff-button">${m.schedule}</button>
<button type="submit" name="action" value="save" class="staff-button staff-button--secondary">${m.save}</button>`;
  const form = html`<form method="post" action="${action}" enctype="multipart/form-data" class="staff-form" novalidate>
${hiddenFields({ ...basics, ...(announcement ? { version: String(announcement.version) } : {}) })}
${kindField}${titleField}${languageField}${bodyField}${warningField}${accountsField}${imagesBlock}${whenField}
<div class="staff-actions">${buttons}</div>
</form>`;

  const images = announcement?.images ?? [];
  const copyBlock = (platform: CopyPlatform, p: ReturnType<typeof previewOf>) => {
    const name = m.platformNames[platform];
    const recorded = announcement?.copies.find((copy) => copy.platform === platform);
    const urlName = `copy-url-${platform}`;
    const error = errorOf(urlName);
    const altList =
      images.length === 0
        ? nothing
        : html`<p id="copy-${platform}-alt-heading">${m.altReminder(name)}</p>
<ul aria-labelledby="copy-${platform}-alt-heading">${images.map((image) => html`<li>${m.altReminderImage(image.position)} ${image.description.trim() || m.altNone}</li>`)}</ul>`;
    const filesName = `copy-replies-${platform}`;
    const filesError = errorOf(filesName);
    const shown = options.repliesResult?.platform === platform ? options.repliesResult : undefined;
    // The replies go into the copy's own thread, read as the thread-import page reads a file.
    const repliesForm =
      recorded?.threadId && announcement && options.canImportReplies
        ? html`<form method="post" action="${announcementPaths.copyReplies(announcement.id)}" enctype="multipart/form-data" class="staff-form" novalidate>
${hiddenFields({ ...basics, platform })}
<fieldset><legend>${m.repliesLegend(name)}</legend>
<div class="staff-field${filesError ? ' staff-field--invalid' : ''}"><label for="${id(filesName)}">${m.repliesFile(name)}</label>
<p class="staff-hint" id="${id(filesName)}-hint">${m.repliesHint}</p>
${filesError ? fieldError(lang, `${id(filesName)}-error`, filesError.message) : nothing}
<input${attrs({ id: id(filesName), name: 'files', type: 'file', accept: 'application/json,.json', 'aria-invalid': filesError ? 'true' : undefined, 'aria-describedby': [`${id(filesName)}-hint`, filesError ? `${id(filesName)}-error` : ''].filter(Boolean).join(' ') })}></div>
<button type="submit" class="staff-button staff-button--secondary">${m.repliesSubmit(name)}</button></fieldset></form>
${shown ? resultSection(lang, shown.result, undefined) : nothing}`
        : nothing;
    const urlPart = recorded
      ? html`<p>${m.copyRecorded(name)} <a href="${recorded.url}">${recorded.url}</a>${recorded.threadId ? html` — <a href="${threadPaths.page(lang)}">${m.copyThread}</a>` : nothing}</p>
${repliesForm}`
      : announcement && published
        ? html`<form method="post" action="${announcementPaths.copy(announcement.id)}" class="staff-form" novalidate>
${hiddenFields({ ...basics, platform })}
<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id(urlName)}">${m.copyUrl(name)}</label>
<p class="staff-hint" id="${id(urlName)}-hint">${m.copyUrlHint(COPY_EXAMPLES[platform])}</p>
${error ? fieldError(lang, `${id(urlName)}-error`, error.message) : nothing}
<input${attrs({ id: id(urlName), name: 'url', type: 'url', inputmode: 'url', autocomplete: 'off', value: options.copyUrls?.[platform] ?? '', 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': [`${id(urlName)}-hint`, error ? `${id(urlName)}-error` : ''].filter(Boolean).join(' ') })}></div>
<button type="submit" class="staff-button staff-button--secondary">${m.copyUrlSave(name)}</button></form>`
        : html`<p class="staff-hint">${m.copyUrlLater}</p>`;
    return html`<div class="staff-preview"><div class="staff-field"><label for="copy-${platform}">${name}</label>
<p class="staff-hint" id="copy-${platform}-hint">${m.count(p.length, p.max, 'characters')} — ${p.fits ? m.fits : m.tooLong(p.length - p.max)}${platform === 'instagram' ? ` ${m.instagramNote}` : ''}</p>
<textarea id="copy-${platform}" readonly rows="5" lang="${textLang}" aria-describedby="copy-${platform}-hint">${p.text}</textarea></div>
<button type="button" class="staff-button staff-button--secondary" hidden${attrs({ 'data-copy-for': `copy-${platform}`, 'data-copied': m.copied(name), 'data-failed': m.copyFailed })}>${m.copyButton(name)}</button>
${altList}
${urlPart}</div>`;
  };
  const portalUrl = `${options.publicUrl.replace(/\/$/, '')}${values.language === 'en' ? '/en/news' : '/nieuws'}/${announcement?.slug ?? '…'}/`;
  const previewOf = (platform: PreviewPlatform) =>
    platformText(platform, { body: values.body, contentWarning: values.contentWarning || null, portalUrl });
  const previewPlatforms: PreviewPlatform[] = ['mastodon', 'bluesky'];
  const previews = html`<section aria-labelledby="preview-heading"><h2 id="preview-heading">${m.previewHeading}</h2>
<p>${m.previewIntro}</p>
${previewPlatforms.map((platform) => {
  const p = previewOf(platform);
  return html`<article class="staff-preview" aria-labelledby="preview-${platform}"><h3 id="preview-${platform}">${m.platformNames[platform]}</h3>
${platform === 'mastodon' && values.contentWarning ? html`<p><strong>CW:</strong> ${values.contentWarning}</p>` : nothing}
<div class="staff-preview-text" lang="${textLang}">${join(
    p.text.split('\n').map((line) => html`${line}`),
    html`<br>`,
  )}</div>
<p class="${p.fits ? 'staff-count' : 'staff-count staff-count--over'}">${m.count(p.length, p.max, LIMITS[platform].unit)} — ${p.fits ? m.fits : m.tooLong(p.length - p.max)}</p></article>`;
})}</section>
<section aria-labelledby="copy-heading"><h2 id="copy-heading">${m.copyHeading}</h2>
<p>${m.copyIntro}</p>
<p class="staff-visually-hidden" aria-live="polite" data-copy-status></p>
${COPY_PLATFORMS.map((platform) => copyBlock(platform, previewOf(platform)))}</section>`;

  const postings =
    announcement && announcement.postings.length > 0
      ? html`<h2>${m.postingsHeading}</h2><ul>${announcement.postings.map(
          (p) =>
            html`<li>${p.handle}: ${m.postingStates[p.state as 'pending']}${p.lastError ? ` (${p.lastError})` : ''}${p.url ? html` — <a href="${p.url}">${m.view}</a>` : nothing}</li>`,
        )}</ul>`
      : nothing;
  const awaiting = announcement?.state === 'awaiting_approval';
  const approval = awaiting
    ? announcement.submittedBy === options.staffUserId
      ? html`<p class="staff-notice">${m.ownApproval}</p>`
      : html`<p>${m.awaitingApproval}</p><form method="post" action="${announcementPaths.approve(announcement.id)}">${hiddenFields({ ...basics, version: String(announcement.version) })}<button type="submit" class="staff-button">${m.approve}</button></form>`
    : nothing;
  const remove = announcement
    ? html`<form method="post" action="${announcementPaths.remove(announcement.id)}">${hiddenFields({ ...basics, version: String(announcement.version) })}<button type="submit" class="staff-button staff-button--secondary">${m.delete}</button></form>`
    : nothing;
  const state = announcement
    ? html`<p><strong>${m.columns.state}:</strong> ${m.states[announcement.state]}${announcement.scheduledAt ? html` — ${time(announcement.scheduledAt, formatDateTime(announcement.scheduledAt, lang))}` : nothing}</p>`
    : nothing;

  const summaryErrors = errors.map((e) => ({ ...e, target: id(e.field) }));
  const body = html`${notice(options.notice)}
${errorSummary(lang, summaryErrors)}
<p><a href="${announcementPaths.list(lang)}">${m.back}</a></p>
${state}${approval}
${form}
${previews}
${postings}
${remove}`;
  return staffPage({
    lang,
    title: announcement ? m.editTitle(announcement.title) : m.composeTitle,
    body,
    session,
    path: announcement ? announcementPaths.one(lang, announcement.id) : announcementPaths.compose(lang),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript, announcementPaths.copyScript],
  });
}
