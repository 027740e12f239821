/**
 * Answer templates: per organisation, in Dutch and English, edited by administrators.
 * Placeholders in braces are filled from the item being answered, so one template serves
 * every consultation: `{consultatie}` / `{consultation}`, `{kanaal}` / `{channel}` and
 * `{datum}` / `{date}`. An answer that still holds a placeholder is not published
 * (`unfilledPlaceholders`): a resident should never read "Dear {naam}".
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { replyTemplates, type LocalizedText } from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { recordAudit } from '../audit.ts';

export type ReplyTemplate = typeof replyTemplates.$inferSelect;

/** The longest title a template may have, in either language (the page and the API refuse longer). */
export const TEMPLATE_TITLE_MAX = 200;

export type TemplateValues = { consultation: string; channel: string; date: string };

/** Both spellings of each placeholder work in both languages: staff type what they read. */
const PLACEHOLDERS = new Map<string, keyof TemplateValues>(
  Object.entries({
    consultatie: 'consultation',
    consultation: 'consultation',
    kanaal: 'channel',
    channel: 'channel',
    datum: 'date',
    date: 'date',
  }),
);

/** The placeholders as the pages document them, in the order shown, per language of the page. */
export const PLACEHOLDER_NAMES: Record<Locale, Record<keyof TemplateValues, string>> = {
  nl: { consultation: 'consultatie', channel: 'kanaal', date: 'datum' },
  en: { consultation: 'consultation', channel: 'channel', date: 'date' },
};

/** The template's own text in this language, or undefined when it has none (no silent fallback). */
export function templateText(template: Pick<ReplyTemplate, 'body'>, lang: Locale): string | undefined {
  const text = lang === 'en' ? template.body.en : template.body.nl;
  return text?.trim() ? text : undefined;
}

/**
 * The template's text in this language with its placeholders filled; undefined when the
 * template has no text in that language. Unknown placeholders stay as written, so
 * `unfilledPlaceholders` finds them before the answer is published.
 *
 * @example fillTemplate({ body: { nl: 'Over {consultatie}.' } }, 'nl', values) // 'Over Fietsroute.'
 */
export function fillTemplate(
  template: Pick<ReplyTemplate, 'body'>,
  lang: Locale,
  values: TemplateValues,
): string | undefined {
  const text = templateText(template, lang);
  return text?.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const key = PLACEHOLDERS.get(name.toLowerCase());
    return key ? values[key] : whole;
  });
}

/**
 * A placeholder left in a text: a name in braces, known (`{consultatie}` typed by hand) or
 * not (`{naam}`). Names are short words without spaces, so braces in ordinary prose
 * ("{ zie hieronder }" is rare, but a set such as "{1, 2}") are not taken for one.
 */
const LEFT_PLACEHOLDER = /\{\s*([\p{L}\p{N}_.-]{1,40})\s*\}/gu;

/**
 * The placeholders still in an answer, each once, in the order they appear.
 *
 * @example unfilledPlaceholders('Beste {naam}, over {consultatie}.') // ['{naam}', '{consultatie}']
 */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(LEFT_PLACEHOLDER)].map((match) => `{${match[1]}}`))];
}

/**
 * A template inserted into what was already typed: the template comes first (it is the
 * opening: thanks, the consultation, the date) and the typed text stays below it, after a
 * blank line, so inserting never wipes anything. A template already at the top is not
 * inserted twice.
 */
export function insertTemplate(filled: string, typed: string): string {
  const rest = typed.trim();
  if (!rest) return filled;
  if (rest.startsWith(filled.trim())) return typed;
  return `${filled.trimEnd()}\n\n${rest}`;
}

export async function listTemplates(db: Db, organisationId: string): Promise<ReplyTemplate[]> {
  return db
    .select()
    .from(replyTemplates)
    .where(eq(replyTemplates.organisationId, organisationId))
    .orderBy(asc(replyTemplates.createdAt), asc(replyTemplates.id));
}

export async function findTemplate(db: Db, organisationId: string, id: string): Promise<ReplyTemplate | undefined> {
  const [row] = await db
    .select()
    .from(replyTemplates)
    .where(and(eq(replyTemplates.organisationId, organisationId), eq(replyTemplates.id, id)))
    .limit(1);
  return row;
}

type Actor = { id: string; organisationId: string };

export async function saveTemplate(
  db: Db,
  params: { id?: string | undefined; title: LocalizedText; body: LocalizedText; actor: Actor; now: Date },
): Promise<{ kind: 'saved'; id: string } | { kind: 'not_found' }> {
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    let id = params.id;
    let before: { title: LocalizedText; body: LocalizedText } | undefined;
    if (id) {
      const [old] = await tx
        .select()
        .from(replyTemplates)
        .where(and(eq(replyTemplates.organisationId, actor.organisationId), eq(replyTemplates.id, id)))
        .limit(1);
      if (!old) return { kind: 'not_found' as const };
      before = { title: old.title, body: old.body };
      await tx
        .update(replyTemplates)
        .set({ title: params.title, body: params.body, updatedAt: now })
        .where(eq(replyTemplates.id, id));
    } else {
      const [row] = await tx
        .insert(replyTemplates)
        .values({
          organisationId: actor.organisationId,
          title: params.title,
          body: params.body,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: replyTemplates.id });
      id = row!.id;
    }
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: before ? 'reply_template.updated' : 'reply_template.created',
      subjectType: 'reply_template',
      subjectId: id,
      details: { ...(before ? { before } : {}), after: { title: params.title, body: params.body } },
    });
    return { kind: 'saved' as const, id };
  });
}

export async function deleteTemplate(
  db: Db,
  params: { id: string; actor: Actor; now: Date },
): Promise<'deleted' | 'not_found'> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(replyTemplates)
      .where(and(eq(replyTemplates.organisationId, params.actor.organisationId), eq(replyTemplates.id, params.id)))
      .returning();
    if (!row) return 'not_found';
    await recordAudit(tx, {
      organisationId: params.actor.organisationId,
      actorType: 'staff',
      actorId: params.actor.id,
      at: params.now,
      action: 'reply_template.deleted',
      subjectType: 'reply_template',
      subjectId: row.id,
      details: { before: { title: row.title, body: row.body } },
    });
    return 'deleted';
  });
}
