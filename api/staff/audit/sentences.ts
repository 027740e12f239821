/**
 * An audit entry as a sentence a person can read: "Fatima de Vries publiceerde inbreng
 * #1a2b3c4d op Nieuwe fietsroute Stationsstraat". The sentence is built as parts, so the page
 * can link the person to their entries and the item to its page, and the exports can take
 * the same words as plain text.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { html, inlineText, join, localized, type Html } from '../../../shared/html/index.ts';
import { isAuditAction } from '../../services/audit-actions.ts';
import type { AuditRow } from '../../services/audit-log.ts';
import { staffPaths } from '../queue/paths.ts';
import { auditPaths } from './paths.ts';
import * as auditTexts from './texts.ts';

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'actor'; text: string; staffId: string | null }
  | { kind: 'item'; text: string; href: string | null; consultation: AuditRow['item'] extends infer I ? I : never };

/**
 * The description of every person's link ("every entry by this person"), given once on the
 * page (`personHint`) and referred to by each link, so the sentence itself reads plainly.
 */
export const PERSON_HINT_ID = 'audit-person-hint';

export function personHint(lang: Locale): Html {
  return html`<p id="${PERSON_HINT_ID}" hidden>${textsFor(auditTexts, lang).actorEntries}</p>`;
}

/** How an item is named in a sentence: its kind and the first eight characters of its id. */
export function itemReference(id: string): string {
  return `#${id.slice(0, 8)}`;
}

function actorName(row: AuditRow, lang: Locale): string {
  const t = textsFor(auditTexts, lang).actor;
  if (row.actorType === 'system') return t.system;
  if (row.actorType === 'resident') return t.resident;
  return row.actorName ?? t.erasedStaff;
}

function template(row: AuditRow, lang: Locale): string {
  const t = textsFor(auditTexts, lang);
  if (!isAuditAction(row.action)) return t.unknownAction(row.action);
  return t.sentences[row.action]({ details: row.details, subjectType: row.subjectType, subjectId: row.subjectId });
}

function parts(row: AuditRow, lang: Locale): Part[] {
  const t = textsFor(auditTexts, lang);
  const out: Part[] = [];
  const pieces = template(row, lang).split(/(\{actor\}|\{item\})/);
  for (const piece of pieces) {
    if (piece === '{actor}')
      out.push({
        kind: 'actor',
        text: actorName(row, lang),
        staffId: row.actorType === 'staff' && row.actorName !== null ? row.actorId : null,
      });
    else if (piece === '{item}') {
      const item = row.item;
      const type = item?.type ?? (row.subjectType === 'social_post' ? 'social_post' : 'submission');
      const id = row.subjectId ?? '';
      out.push({
        kind: 'item',
        text: t.item[type](itemReference(id)),
        href: item?.exists ? staffPaths.item(lang, id) : null,
        consultation: item,
      });
    } else if (piece) out.push({ kind: 'text', text: piece });
  }
  return out;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence as plain text, for the exports. */
export function sentenceText(row: AuditRow, lang: Locale): string {
  const on = textsFor(auditTexts, lang).item.on;
  const text = parts(row, lang)
    .map((part) => {
      if (part.kind !== 'item' || !part.consultation?.consultationTitle) return part.text;
      return `${part.text} ${on} ${localized(part.consultation.consultationTitle, lang).value}`;
    })
    .join('');
  return `${capitalised(text)}.`;
}

/** The sentence for the page: the person links to their entries, the item to its page. */
export function sentenceHtml(row: AuditRow, lang: Locale): Html {
  const t = textsFor(auditTexts, lang);
  const rendered = parts(row, lang).map((part, index) => {
    const text = index === 0 ? capitalised(part.text) : part.text;
    if (part.kind === 'actor')
      return part.staffId
        ? html`<a href="${auditPaths.page(lang)}?actor=${encodeURIComponent(part.staffId)}" aria-describedby="${PERSON_HINT_ID}">${text}</a>`
        : html`${text}`;
    if (part.kind === 'item') {
      const name = part.href ? html`<a href="${part.href}">${text}</a>` : html`${text}`;
      const title = part.consultation?.consultationTitle;
      return title ? html`${name} ${t.item.on} ${inlineText(title, lang)}` : name;
    }
    return html`${text}`;
  });
  return html`${join(rendered, '')}.`;
}
