/**
 * The inbox: the queue as a compact list, and the chosen item beside it on wide screens (on
 * its own below the list on narrow ones), at its permanent address `/beheer/items/<id>`.
 * The item has one form with one save for assignment, decision, answer, sentiment and a
 * note. Plain links and forms: everything works without JavaScript; the inbox script only
 * moves focus to the item that was opened from the list.
 */
import { postingStatus, type PostingLine } from '../kit/posting-status.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import * as queueTexts from './texts.ts';
import * as inboxTexts from './inbox-texts.ts';
import type { HouseRule, QueueFilterOptions, QueueItem, QueueOrder, Stale } from '../../services/moderation/index.ts';
import { DECISIONS, supports } from '../../services/moderation/index.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { clockHtml, clockMeta, shortcutStatus, type QueueWebcare } from '../webcare/view.ts';
import * as webcareTexts from '../webcare/texts.ts';
import {
  cursorPager,
  errorSummary,
  fieldError,
  hiddenFields,
  notice,
  pick,
  time,
  type FieldError,
} from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { staffPaths } from './paths.ts';
import { auditPaths } from '../audit/paths.ts';
import type { AccountUnderAttack } from '../../services/auth/login-alerts.ts';
import type { ItemNote } from '../../services/moderation/item-notes.ts';
import { renderNotes } from './notes-view.ts';
import { answerText, decisionForm, highlight, itemLang, socialSource, type DecisionFormState } from './view.ts';
import { renderItemContext } from './item-context-view.ts';
import type { ItemContext } from '../../services/moderation/item-context.ts';
import type { PresentColleague } from '../../services/moderation/presence.ts';
import type { MissingReference } from '../../services/moderation/saved-views.ts';
import { presenceBox } from './presence-view.ts';
import {
  approvalFieldId,
  renderAnswerApproval,
  returnedToViewer,
  type AnswerApprovalBlock,
} from './answer-approval-view.ts';
import {
  missingFiltersNotice,
  SAVED_VIEW_NAME_ID,
  savedViewsSection,
  type InboxSavedViews,
} from './saved-views-view.ts';
import { presencePaths } from './paths.ts';

export const BULK = 'bulk';

/** The list's filters as the form shows them; values are the raw query parameters. */
export type QueueFilterValues = {
  q?: string | undefined;
  view?: 'all' | 'mine' | 'waiting' | 'department' | undefined;
  sort?: QueueOrder | undefined;
  status?: string | undefined;
  /** The insights' period the list is narrowed to (a drill-down), if any. */
  period?: { from: string; to: string } | undefined;
  channel?: string | undefined;
  consultation?: string | undefined;
  topic?: string | undefined;
  department?: string | undefined;
  flag?: string | undefined;
  overdue?: boolean | undefined;
  /** The four-eyes filter: answers awaiting my approval, or my answers sent back. */
  approval?: 'awaiting' | 'returned' | undefined;
};

/** What the item's one form shows: what was sent (kept when refused), its errors, and a colleague's change. */
export type ItemFormState = {
  values: {
    version?: string | undefined;
    decision?: string | undefined;
    rule?: string | undefined;
    note?: string | undefined;
    department?: string | undefined;
    person?: string | undefined;
    sentiment?: string | undefined;
    answer?: string | undefined;
    answerLanguage?: string | undefined;
  };
  errors: FieldError[];
  stale?: Stale | undefined;
};

export type InboxDetail = {
  item: QueueItem;
  form?: ItemFormState | undefined;
  replies: ReadonlyArray<{ body: string; language: string; publishedAt: Date | null; posting?: PostingLine }>;
  /** The conversation around a social post and the contact history (item-context-view.ts). */
  context?: ItemContext | undefined;
  /** Colleagues who have the item open too (./presence-view.ts). */
  presence?: PresentColleague[] | undefined;
  /** Staff's notes on the item, oldest first. */
  notes?: readonly ItemNote[] | undefined;
  /** An answer waiting for a colleague's approval, or the last one sent back (./answer-approval-view.ts). */
  approval?: AnswerApprovalBlock | undefined;
};

export type InboxPage = {
  lang: Locale;
  session: PageSession;
  items: QueueItem[];
  rules: HouseRule[];
  canDecide: boolean;
  canRead: boolean;
  /** The list's query (filters and page), kept on every link and form so the list stays as it was. */
  listQuery: string;
  filter: QueueFilterValues;
  filterErrors?: FieldError[] | undefined;
  filterOptions: QueueFilterOptions;
  /** The person belongs to a department: "my department" is offered. */
  inDepartment?: boolean | undefined;
  /** The person's saved views and the refused save form (./saved-views-view.ts). */
  savedViews?: InboxSavedViews | undefined;
  /** Filters of the current query that name something that no longer exists. */
  missingFilters?: MissingReference[] | undefined;
  /** The query of the next page, when there is one. */
  nextQuery?: string | undefined;
  /** This is not the first page. */
  paged: boolean;
  /** The status message after a redirect. */
  status?: string | undefined;
  /** The refused bulk form. */
  form?: DecisionFormState | undefined;
  detail?: InboxDetail | undefined;
  now: Date;
  webcare?: QueueWebcare | undefined;
  /** For administrators: staff accounts whose log-in was throttled in the last hour. */
  accountsUnderAttack?: AccountUnderAttack[] | undefined;
};

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

export function renderInboxPage(options: InboxPage): string {
  const { lang, form, detail } = options;
  const m = textsFor(inboxTexts, lang);
  const q = textsFor(queueTexts, lang).queue;
  const bulkErrors = (form?.errors ?? []).map((e) => ({
    ...e,
    target: e.field === 'items' ? `item-${options.items[0]?.id ?? ''}-select` : `bulk-${e.field}`,
  }));
  const detailErrors = (detail?.form?.errors ?? []).map((e) => ({ ...e, target: `detail-${e.field}` }));
  const staleError = detail?.form?.stale ? [{ field: 'stale', message: m.stale.summary, target: 'detail-stale' }] : [];
  const filterErrors = (options.filterErrors ?? []).map((e) => ({ ...e, target: `filter-${e.field}` }));
  const savedViewErrors = (options.savedViews?.form?.errors ?? []).map((e) => ({ ...e, target: SAVED_VIEW_NAME_ID }));
  const approvalErrors = (detail?.approval?.form?.errors ?? []).map((e) => ({
    ...e,
    target: approvalFieldId(e.field),
  }));
  const errors = [
    ...filterErrors,
    ...savedViewErrors,
    ...staleError,
    ...approvalErrors,
    ...detailErrors,
    ...bulkErrors,
  ];
  const path = detail ? staffPaths.item(lang, detail.item.id) : staffPaths.queue(lang);
  let body: Html;
  if (!options.canRead) {
    body = html`<p>${q.noAccess}</p>`;
  } else {
    body = html`${notice(options.status)}
${errorSummary(lang, errors)}
${attackNotice(lang, options.accountsUnderAttack ?? [])}
${detail && html`<p class="staff-inbox-skip"><a href="#item-detail-heading">${m.form.heading}: ${itemTitle(detail.item, lang)}</a></p>`}
<p>${m.intro}</p>
<p class="staff-shortcut-hint">${textsFor(webcareTexts, lang).shortcuts.hint} <a href="${webcarePaths.shortcuts(lang)}">${textsFor(webcareTexts, lang).shortcuts.help}</a></p>
${shortcutStatus(lang)}
${missingFiltersNotice(lang, options.missingFilters ?? [])}
${options.filter.view === 'department' && !options.inDepartment ? html`<p class="staff-notice staff-notice--warning">${m.noDepartment}</p>` : nothing}
${renderInboxFilters(options)}
${options.savedViews && savedViewsSection({ lang, session: options.session, savedViews: options.savedViews, listQuery: options.listQuery, here: withQuery(path, options.listQuery) })}
<div class="staff-inbox${detail ? ' staff-inbox--detail' : ''}">
${renderList(options)}
${detail ? renderDetail(detail, options) : html`<section class="staff-inbox-detail staff-inbox-detail--empty" aria-label="${m.form.heading}"><p>${m.noneChosen}</p></section>`}
</div>`;
  }
  return staffPage({
    lang,
    title: detail ? `${itemTitle(detail.item, lang)} – ${m.title}` : m.title,
    body,
    session: options.session,
    path: withQuery(path, options.listQuery),
    hasErrors: errors.length > 0,
    wide: true,
    scripts: [webcarePaths.shortcutsScript, staffPaths.inboxScript, ...(detail ? [presencePaths.script] : [])],
  });
}

/** Accounts whose log-in was throttled lately, each linked to its audit entries. */
function attackNotice(lang: Locale, accounts: AccountUnderAttack[]): Html {
  if (accounts.length === 0) return nothing;
  const m = textsFor(queueTexts, lang).attack;
  const items = accounts.map(
    (account) =>
      html`<li><a href="${auditPaths.page(lang)}?${new URLSearchParams({ subject: account.staffUserId }).toString()}">${account.displayName} (${account.email})</a>: ${m.alerts(account.alerts)}, ${m.last} ${time(account.lastAt, formatDateTime(account.lastAt, lang))}</li>`,
  );
  return html`<section class="staff-attack" aria-labelledby="attack-heading">
<h2 id="attack-heading">${m.heading}</h2>
<p>${m.intro}</p>
<ul>${join(items, '\n')}</ul>
</section>`;
}

function itemTitle(item: QueueItem, lang: Locale): string {
  return textsFor(queueTexts, lang).queue.itemHeading(pick(item.consultation.title, lang));
}

/** The first words of the item's own text: what the list shows of it. */
function excerpt(item: QueueItem, lang: Locale): string {
  if (item.reviewState === 'erased') return textsFor(queueTexts, lang).states.erased;
  const text = item.answers.find((a) => a.kind === 'open_text' && typeof a.value === 'string' && a.value.trim());
  const whole = text ? String(text.value) : item.answers.map((a) => answerText(a, lang)).join(', ');
  const flat = whole.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function renderInboxFilters(options: InboxPage): Html {
  const { lang, filter } = options;
  const t = textsFor(queueTexts, lang);
  const m = textsFor(inboxTexts, lang);
  const f = t.queue.filters;
  const errorFor = (name: string) => options.filterErrors?.find((e) => e.field === name);
  const select = (
    name: keyof QueueFilterValues,
    label: string,
    first: string | undefined,
    choices: Array<[string, string]>,
  ) => {
    const id = `filter-${name}`;
    const current = filter[name];
    const all = first === undefined ? choices : [['', first] as [string, string], ...choices];
    const opts = all.map(
      ([value, text]) => html`<option${attrs({ value, selected: current === value && value !== '' })}>${text}</option>`,
    );
    return html`<div class="staff-field"><label for="${id}">${label}</label><select id="${id}" name="${name}">${opts}</select></div>`;
  };
  const searchError = errorFor('q');
  const more = [filter.status, filter.channel, filter.topic, filter.consultation, filter.department, filter.flag].some(
    Boolean,
  );
  return html`<form method="get" action="${staffPaths.queue(lang)}" class="staff-filters" aria-labelledby="filters-heading" role="search">
<h2 id="filters-heading">${f.heading}</h2>
<div class="staff-filter-fields">
<div class="staff-field${searchError ? ' staff-field--invalid' : ''}"><label for="filter-q">${m.search}</label>
<p class="staff-hint" id="filter-q-hint">${m.searchHint}</p>
${searchError && fieldError(lang, 'filter-q-error', searchError.message)}
<input${attrs({ type: 'search', id: 'filter-q', name: 'q', value: filter.q ?? '', 'aria-describedby': idRefs('filter-q-hint', searchError ? 'filter-q-error' : undefined), 'aria-invalid': searchError ? 'true' : undefined })}></div>
${select(
  'view',
  m.view,
  undefined,
  Object.entries(m.views).filter(([value]) => value !== 'department' || options.inDepartment),
)}
${select('sort', m.sort, undefined, Object.entries(m.sorts))}
${select('approval', m.approval, undefined, Object.entries(m.approvals))}
</div>
<p class="staff-hint">${m.viewsHint}${options.inDepartment ? ` ${m.departmentHint}` : ''} ${m.approvalHint}</p>
<details class="staff-more-filters"${attrs({ open: more || Boolean(filter.overdue) })}><summary>${m.moreFilters}</summary>
<div class="staff-filter-fields">
${select('status', f.state, f.stateOpen, Object.entries(t.states))}
${select('channel', f.channel, f.any, Object.entries(t.channels))}
${select(
  'topic',
  f.topic,
  f.any,
  options.filterOptions.topics.map((topic) => [topic.slug, pick(topic.title, lang)]),
)}
${select(
  'consultation',
  f.consultation,
  f.any,
  options.filterOptions.consultations.map((c) => [c.slug, pick(c.title, lang)]),
)}
${select(
  'department',
  f.department,
  f.any,
  options.filterOptions.departments.map((d) => [d.slug, pick(d.name, lang)]),
)}
${select('flag', f.flag, f.any, Object.entries(t.categories))}
</div>
<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: 'filter-overdue', name: 'overdue', value: '1', checked: Boolean(filter.overdue) })}><label for="filter-overdue">${f.overdue}</label></div>
</details>
${
  filter.period
    ? html`<p class="staff-notice" id="filter-period">${m.period(filter.period.from, filter.period.to)}</p>
<input type="hidden" name="from" value="${filter.period.from}"><input type="hidden" name="to" value="${filter.period.to}">`
    : nothing
}
<p class="staff-actions"><button type="submit" class="staff-button">${f.apply}</button> <a href="${staffPaths.queue(lang)}">${f.clear}</a></p>
</form>`;
}

function renderList(options: InboxPage): Html {
  const { lang } = options;
  const m = textsFor(inboxTexts, lang);
  const t = textsFor(queueTexts, lang);
  const selectedId = options.detail?.item.id;
  const bulkState = options.form?.itemId === BULK ? options.form : undefined;
  const rows = options.items.map((item) => {
    const title = itemTitle(item, lang);
    const received = formatDateTime(item.createdAt, lang);
    const flags = item.screening?.fields.flatMap((f) => f.flags) ?? [];
    const current = item.id === selectedId;
    const person = options.webcare?.choices.people.find((p) => p.id === item.assignedStaffUserId)?.name;
    const department = options.webcare?.choices.departments.find((d) => d.id === item.assignedDepartmentId);
    const assignee = person ?? (department ? pick(department.name, lang) : m.nobody);
    const selectId = `item-${item.id}-select`;
    const erased = item.reviewState === 'erased';
    const select =
      options.canDecide &&
      !erased &&
      html`<div class="staff-checkbox staff-inbox-select"><input${attrs({
        type: 'checkbox',
        id: selectId,
        name: 'item',
        value: `${item.id}:${item.version}`,
        form: 'bulk-form',
        checked: bulkState?.values.items?.includes(item.id) ?? false,
      })}><label for="${selectId}">${t.queue.bulk.select(title, received)}</label></div>`;
    const meta = (label: string, value: Html | string) =>
      html`<div><dt class="staff-visually-hidden">${label}</dt><dd>${value}</dd></div>`;
    return html`<li${attrs({ class: current ? 'staff-inbox-item staff-inbox-item--current' : 'staff-inbox-item' })}>
${select}
<a${attrs({ href: withQuery(staffPaths.item(lang, item.id), options.listQuery), 'aria-current': current ? 'true' : undefined, 'data-inbox-link': true, 'data-queue-item': true })}><span class="staff-inbox-title" data-queue-title>${title}</span> <span class="staff-inbox-excerpt"${attrs({ lang: itemLang(item) })}>${excerpt(item, lang)}</span>${current ? html` <span class="staff-visually-hidden">${m.selected}</span>` : nothing}</a>
<dl class="staff-inbox-meta">
${meta(m.columns.channel, t.channels[item.channel] ?? item.channel)}
${meta(m.columns.flags, flags.length === 0 ? m.noFlags : m.flagCount(flags.length))}
${meta(m.columns.sentiment, item.sentiment ? t.queue.sentimentLabels[item.sentiment.label] : m.unknownSentiment)}
${meta(m.columns.state, t.states[item.reviewState])}
${item.answerApproval && meta(m.columns.approval, html`<span class="staff-approval-mark">${m.approvalMarks[item.answerApproval.state]}</span>`)}
${meta(m.columns.assignee, assignee)}
${!erased && meta(m.columns.timeLeft, clockHtml(item.clock, lang))}
${meta(textsFor(queueTexts, lang).queue.received, time(item.createdAt, received))}
</dl>
</li>`;
  });
  const list =
    options.items.length === 0
      ? html`<p>${m.empty}</p>`
      : html`<ol class="staff-inbox-items" aria-label="${m.listLabel}">${join(rows, '\n')}</ol>`;
  const paging = cursorPager({
    label: m.listHeading,
    first: options.paged
      ? { href: withQuery(staffPaths.queue(lang), firstPageQuery(options.listQuery)), text: m.first }
      : undefined,
    next:
      options.nextQuery !== undefined
        ? { href: withQuery(staffPaths.queue(lang), options.nextQuery), text: m.next }
        : undefined,
  });
  const bulk =
    options.canDecide &&
    options.items.length > 0 &&
    html`<section class="staff-bulk" aria-labelledby="bulk-heading">
<h3 id="bulk-heading">${t.queue.bulk.heading}</h3>
<p>${t.queue.bulk.intro}</p>
${decisionForm({
  lang,
  prefix: 'bulk',
  formId: 'bulk-form',
  action: staffPaths.bulkDecision,
  rules: options.rules,
  session: options.session,
  here: withQuery(staffPaths.queue(lang), options.listQuery),
  state: bulkState,
  submit: t.queue.bulk.save,
})}
</section>`;
  return html`<section class="staff-inbox-list" aria-labelledby="inbox-list-heading">
<h2 id="inbox-list-heading">${m.listHeading}</h2>
<p>${t.queue.count(options.items.length)}</p>
${newItemsRegion(options)}
${list}
${paging}
${bulk}
</section>`;
}

/** How often the inbox asks for new items: often enough for a desk, rare enough for the server. */
const NEW_ITEMS_POLL_MS = 30_000;

/**
 * Where the inbox script says how many items arrived since the page was shown (a polite
 * status, present and empty from the start so screen readers announce what it later says),
 * with a link to the newest first. The list itself never changes under the person's cursor.
 * Without script it stays empty.
 */
function newItemsRegion(options: InboxPage): Html {
  const { lang } = options;
  const m = textsFor(inboxTexts, lang);
  const params = new URLSearchParams(firstPageQuery(options.listQuery));
  params.set('lang', lang);
  params.set('since', String(BigInt(options.now.getTime()) * 1000n));
  const newest = new URLSearchParams(firstPageQuery(options.listQuery));
  newest.set('sort', 'newest');
  return html`<div class="staff-new-items" data-new-items${attrs({ 'data-url': `${staffPaths.newItems}?${params.toString()}`, 'data-poll-ms': NEW_ITEMS_POLL_MS })}>
<p role="status" data-new-items-text></p>
<p data-new-items-link hidden><a href="${withQuery(staffPaths.queue(lang), newest.toString())}">${m.showNewItems}</a></p>
</div>`;
}

/** The list's query without its page: back to the first page with the same filters. */
function firstPageQuery(query: string): string {
  const params = new URLSearchParams(query);
  params.delete('na');
  return params.toString();
}

function renderDetail(detail: InboxDetail, options: InboxPage): Html {
  const { lang } = options;
  const { item } = detail;
  const t = textsFor(queueTexts, lang);
  const m = textsFor(inboxTexts, lang);
  if (item.reviewState === 'erased') return renderErasedDetail(item, options);
  const textLang = itemLang(item);
  const answers = item.answers.map((answer) => {
    const screened = item.screening?.fields.find((f) => f.question === answer.question);
    const value =
      answer.kind === 'open_text' && typeof answer.value === 'string'
        ? html`<p class="staff-answer"${attrs({ lang: textLang })}>${highlight(answer.value, screened?.flags ?? [])}</p>`
        : html`<p class="staff-answer">${answerText(answer, lang)}</p>`;
    const preview =
      screened &&
      typeof answer.value === 'string' &&
      screened.redacted !== answer.value &&
      html`<details class="staff-preview"><summary>${t.queue.redactedPreview}</summary><p${attrs({ lang: textLang })}>${screened.redacted}</p></details>`;
    return html`<h4>${pick(answer.prompt, lang)}</h4>${value}${preview}`;
  });
  const flags = item.screening?.fields.flatMap((f) => f.flags) ?? [];
  const screening = !item.screening
    ? html`<p>${t.queue.notScreened}</p>`
    : flags.length === 0
      ? html`<p>${t.queue.noFlags}</p>`
      : html`<ul class="staff-flags">${flags.map(
          (flag) =>
            html`<li class="staff-flag staff-flag--${flag.category}"><strong>${t.categories[flag.category]}:</strong> ${flag.reason[lang]}</li>`,
        )}</ul>`;
  const sentiment = item.sentiment
    ? t.queue.sentimentNow(
        t.queue.sentimentLabels[item.sentiment.label],
        item.sentiment.method === 'staff-correction'
          ? t.queue.sentimentByStaff
          : t.queue.sentimentByMethod(item.sentiment.confidence),
      )
    : t.queue.sentimentNone;
  const received = formatDateTime(item.createdAt, lang);
  const replies =
    detail.replies.length > 0 &&
    html`<h4>${m.repliesHeading}</h4>${detail.replies.map(
      (r) =>
        html`<blockquote class="staff-reply" lang="${r.language}"><p>${r.body}</p></blockquote>${postingStatus(r.posting ?? null, lang)}`,
    )}`;
  const stale = detail.form?.stale;
  const staleBox =
    stale &&
    html`<div class="staff-stale" id="detail-stale" tabindex="-1" role="alert">
<h3>${m.stale.heading}</h3>
<ul>${stale.changes.map((change) => html`<li>${m.stale.change(change, t.states, formatDateTime(change.at, lang))}</li>`)}</ul>
<p>${m.stale.intro}</p>
</div>`;
  return html`<section class="staff-inbox-detail" aria-labelledby="item-detail-heading" data-inbox-detail>
<article class="staff-item" aria-labelledby="item-detail-heading" data-queue-current>
<p class="staff-inbox-back"><a href="${withQuery(staffPaths.queue(lang), options.listQuery)}">${m.backToList}</a></p>
<h2 id="item-detail-heading" tabindex="-1">${itemTitle(item, lang)}</h2>
${presenceBox(lang, item.id, detail.presence ?? [], options.now)}
${staleBox}
<dl class="staff-meta">
<div><dt>${t.queue.received}</dt><dd>${time(item.createdAt, received)}</dd></div>
<div><dt>${t.queue.due}</dt><dd>${time(item.dueAt, formatDateTime(item.dueAt, lang))}</dd></div>
${clockMeta(item, lang)}
${item.openReports > 0 && html`<div><dt>${t.queue.reports}</dt><dd>${item.openReports}</dd></div>`}
<div><dt>${t.queue.channel}</dt><dd>${t.channels[item.channel] ?? item.channel}${socialSource(item, lang)}</dd></div>
<div><dt>${t.queue.state}</dt><dd>${t.states[item.reviewState]} (${m.form.version(item.version)})</dd></div>
<div><dt>${t.queue.sentiment}</dt><dd>${sentiment}</dd></div>
</dl>
<p><a href="${staffPaths.item(lang, item.id)}">${m.permalink}</a></p>
<h3>${m.textHeading}</h3>
${join(answers, '\n')}
<h4>${t.queue.screening}</h4>
${screening}
${item.screening?.proofOfWork === 'missing' && html`<p>${t.proofOfWork.missing}</p>`}
${replies}
${renderAnswerApproval(detail.approval, {
  lang,
  csrf: options.session.csrfToken,
  itemId: item.id,
  version: item.version,
  next: withQuery(staffPaths.item(lang, item.id), options.listQuery),
})}
${renderItemContext(detail.context, lang)}
${renderNotes(detail.notes, lang)}
${itemForm(detail, options)}
</article>
</section>`;
}

/** An erased item: that it was there and when, without a word of it and without a form. */
function renderErasedDetail(item: QueueItem, options: InboxPage): Html {
  const { lang } = options;
  const t = textsFor(queueTexts, lang);
  const m = textsFor(inboxTexts, lang);
  return html`<section class="staff-inbox-detail" aria-labelledby="item-detail-heading" data-inbox-detail>
<article class="staff-item staff-item--erased" aria-labelledby="item-detail-heading" data-queue-current>
<p class="staff-inbox-back"><a href="${withQuery(staffPaths.queue(lang), options.listQuery)}">${m.backToList}</a></p>
<h2 id="item-detail-heading" tabindex="-1">${itemTitle(item, lang)}</h2>
<dl class="staff-meta">
<div><dt>${t.queue.received}</dt><dd>${time(item.createdAt, formatDateTime(item.createdAt, lang))}</dd></div>
<div><dt>${t.queue.channel}</dt><dd>${t.channels[item.channel] ?? item.channel}</dd></div>
<div><dt>${t.queue.state}</dt><dd>${t.states[item.reviewState]}</dd></div>
</dl>
<p>${t.queue.erasedBody}</p>
</article>
</section>`;
}

/** The item's one form: every part the person may change, one save. */
function itemForm(detail: InboxDetail, options: InboxPage): Html {
  const { lang, webcare } = options;
  const { item } = detail;
  const state = detail.form;
  const values = state?.values ?? {};
  const t = textsFor(queueTexts, lang);
  const m = textsFor(inboxTexts, lang);
  const w = textsFor(webcareTexts, lang);
  const errorFor = (field: string) => state?.errors.find((e) => e.field === field);
  const id = (field: string) => `detail-${field}`;
  const errorAt = (field: string) => {
    const error = errorFor(field);
    return error && fieldError(lang, `${id(field)}-error`, error.message);
  };
  const invalid = (field: string, hint?: string) => ({
    'aria-invalid': errorFor(field) ? 'true' : undefined,
    'aria-describedby': idRefs(hint, errorFor(field) ? `${id(field)}-error` : undefined),
  });
  const fieldClass = (field: string) => `staff-field${errorFor(field) ? ' staff-field--invalid' : ''}`;
  const selectField = (field: string, label: string, choices: Array<[string, string]>, current: string) =>
    html`<div class="${fieldClass(field)}"><label for="${id(field)}">${label}</label>${errorAt(field)}<select${attrs({ id: id(field), name: field, ...invalid(field) })}>${choices.map(
      ([value, text]) => html`<option${attrs({ value, selected: value === current })}>${text}</option>`,
    )}</select></div>`;

  const canAssign = Boolean(webcare?.canAssign);
  const canAnswer = Boolean(webcare?.canAnswer);
  const assignable = supports(item, 'assign');
  const assignment = !canAssign
    ? nothing
    : !assignable
      ? html`<p>${m.form.noAssign}</p>`
      : html`<fieldset><legend>${w.assign.heading}</legend>
${selectField(
  'department',
  w.assign.department,
  [
    ['', w.assign.nobody],
    ...(webcare?.choices.departments ?? []).map((d): [string, string] => [d.id, pick(d.name, lang)]),
  ],
  values.department ?? item.assignedDepartmentId ?? '',
)}
${selectField(
  'person',
  w.assign.person,
  [['', w.assign.nobody], ...(webcare?.choices.people ?? []).map((p): [string, string] => [p.id, p.name])],
  values.person ?? item.assignedStaffUserId ?? '',
)}
</fieldset>`;

  const decision =
    options.canDecide &&
    html`<fieldset${attrs({ 'aria-describedby': errorFor('decision') ? `${id('decision')}-error` : undefined })}>
<legend>${t.queue.decision}</legend>
${errorAt('decision')}
<div class="staff-radio"><input${attrs({ type: 'radio', id: id('decision'), name: 'decision', value: '', checked: !values.decision })}><label for="${id('decision')}">${m.form.keep(t.states[item.reviewState])}</label></div>
${DECISIONS.map((d) => {
  const inputId = `${id('decision')}-${d}`;
  return html`<div class="staff-radio"><input${attrs({ type: 'radio', id: inputId, name: 'decision', value: d, checked: values.decision === d })}><label for="${inputId}">${t.queue.decisions[d]}</label></div>`;
})}
</fieldset>
${selectField(
  'rule',
  t.queue.rule,
  [
    ['', t.queue.ruleNone],
    ...options.rules.map((r): [string, string] => [r.code, `${r.position}. ${pick(r.title, lang)}`]),
  ],
  values.rule ?? '',
)}`;

  const answerable = supports(item, 'answer');
  // The writer's answer that came back starts the field, to change rather than type again.
  const returned = detail.form ? undefined : returnedToViewer(detail.approval);
  const answer = !canAnswer
    ? nothing
    : !answerable
      ? html`<p>${m.form.noAnswer}</p>`
      : detail.approval?.approval.state === 'awaiting'
        ? html`<p>${m.form.answerAwaitsApproval}</p>`
        : html`<fieldset><legend>${m.form.answerLegend}</legend>
${selectField(
  'answerLanguage',
  m.form.answerLanguage,
  [
    ['nl', 'Nederlands'],
    ['en', 'English'],
  ],
  values.answerLanguage ?? returned?.language ?? item.language,
)}
<div class="${fieldClass('answer')}"><label for="${id('answer')}">${m.form.answer}</label>
<p class="staff-hint" id="${id('answer')}-hint">${item.source ? `${m.form.answerHintSocial(item.source.platform)} ` : ''}${m.form.answerHint} <a href="${webcarePaths.answer(lang, item.id)}" data-shortcut-answer>${m.form.answerPage}</a></p>
${errorAt('answer')}
<textarea${attrs({ id: id('answer'), name: 'answer', rows: 5, ...invalid('answer', `${id('answer')}-hint`) })}>${values.answer ?? returned?.body ?? ''}</textarea></div>
</fieldset>`;

  const sentiment =
    options.canDecide &&
    selectField(
      'sentiment',
      t.queue.sentimentLabel,
      [
        ['', m.form.sentimentKeep],
        ...(['positive', 'neutral', 'negative'] as const).map((l): [string, string] => [l, t.queue.sentimentLabels[l]]),
      ],
      values.sentiment ?? '',
    );

  const canNote = options.canDecide || canAssign || canAnswer;
  if (!canNote) return nothing;
  const here = withQuery(staffPaths.item(lang, item.id), options.listQuery);
  return html`<form method="post" action="${staffPaths.itemSave(item.id)}" class="staff-form staff-decision staff-item-form" novalidate aria-labelledby="detail-form-heading">
<h3 id="detail-form-heading">${m.form.heading}</h3>
<p>${m.form.intro}</p>
${hiddenFields({ csrf: options.session.csrfToken, lang, next: here, version: String(item.version) })}
${assignment}
${decision}
${answer}
${sentiment}
<div class="${fieldClass('note')}">
<label for="${id('note')}">${t.queue.note}</label>
${errorAt('note')}
<textarea${attrs({ id: id('note'), name: 'note', rows: 2, ...invalid('note') })}>${values.note ?? ''}</textarea>
</div>
<button type="submit" class="staff-button">${m.form.save}</button>
</form>`;
}
