/**
 * Staff's notes on the opened item ("Notities"), oldest first, each with its author and
 * time. The words come from `item_notes`, not from the audit log (services/moderation/item-notes.ts).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { html, nothing, type Html } from '../../../shared/html/index.ts';
import type { ItemNote } from '../../services/moderation/item-notes.ts';
import { time } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import * as notesTexts from './notes-texts.ts';

export function renderNotes(notes: readonly ItemNote[] | undefined, lang: Locale): Html {
  if (!notes || notes.length === 0) return nothing;
  const t = textsFor(notesTexts, lang);
  return html`<h4 id="detail-notes-heading">${t.heading}</h4>
<ol class="staff-notes" aria-labelledby="detail-notes-heading">${notes.map(
    (
      note,
    ) => html`<li class="staff-note"><p class="staff-note-meta">${note.authorName ?? t.erasedAuthor}, ${time(note.createdAt, formatDateTime(note.createdAt, lang))}</p>
<p class="staff-note-body">${note.body}</p></li>`,
  )}</ol>`;
}
