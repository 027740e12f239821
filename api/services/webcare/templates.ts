/**
 * Answer templates: per organisation, in Dutch and English, edited by administrators.
 * Placeholders in braces are filled from the item being answered, so one template serves
 * every consultation: `{consultatie}` / `{consultation}` and `{kanaal}` / `{channel}`.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { replyTemplates, type LocalizedText } from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { recordAudit } from '../audit.ts';

export type ReplyTemplate = typeof replyTemplates.$inferSelect;

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

export const PLACEHOLDER_NAMES = { nl: ['consultatie', 'kanaal', 'datum'], en: ['consultation', 'channel', 'date'] };

/** The template's text in this language (Dutch when there is no English), placeholders filled. */
export function fillTemplate(template: Pick<ReplyTemplate, 'body'>, lang: Locale, values: TemplateValues): string {
  const text = lang === 'en' ? (template.body.en ?? template.body.nl) : template.body.nl;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const key = PLACEHOLDERS.get(name.toLowerCase());
    return key ? values[key] : whole;
  });
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
