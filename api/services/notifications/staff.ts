/**
 * Notifications for staff: an item assigned to them, an item of theirs nearly late, an
 * escalated item, their answer sent back by a colleague (four eyes), and security alerts for administrators. Each goes to the workbench list
 * and/or by e-mail, as the person chose (preferences.ts), and is written in the transaction
 * of the event that causes it. A dedupe key makes each event notify each person once.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  socialPosts,
  socialThreads,
  staffNotifications,
  staffRoles,
  staffUsers,
  submissions,
} from '../../db/schema.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { textsFor } from '../../../shared/i18n.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { can, type RoleGrant } from '../auth/roles.ts';
import {
  newUnsubscribeToken,
  oneClickHeaders,
  renderMail,
  unsubscribePath,
  type MailBlock,
} from '../../../shared/render/mail.ts';
import { enqueueMail } from './outbox.ts';
import { preferencesOf, type NotificationKind } from './preferences.ts';
import { mailPublicUrl } from './settings.ts';
import * as staffTexts from './staff-texts.ts';
import * as texts from './texts.ts';

type Tx = Pick<Db, 'select' | 'insert'>;

export type NotificationParams = {
  itemId?: string;
  consultation?: LocalizedText;
  dueAt?: string;
  message?: LocalizedText;
};

export type StaffNotification = typeof staffNotifications.$inferSelect & { params: NotificationParams };

/** The permanent address of an item in the workbench. */
export const itemPath = (lang: Locale, id: string) =>
  lang === 'en' ? `/en/manage/items/${id}` : `/beheer/items/${id}`;
export const notificationsPath = (lang: Locale) => (lang === 'en' ? '/en/manage/notifications' : '/beheer/meldingen');

/** Tells one person, in the workbench and/or by e-mail as they chose. */
export async function notifyStaff(
  tx: Tx,
  event: { staffUserId: string; kind: NotificationKind; params: NotificationParams; dedupeKey: string },
  now: Date,
): Promise<void> {
  const [person] = await tx
    .select({
      email: staffUsers.email,
      name: staffUsers.displayName,
      organisationId: staffUsers.organisationId,
      disabledAt: staffUsers.disabledAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, event.staffUserId))
    .limit(1);
  if (!person || person.disabledAt) return;
  const preferences = await preferencesOf(tx, event.staffUserId);
  const chosen = preferences.channels[event.kind];
  if (chosen.workbench) {
    await tx
      .insert(staffNotifications)
      .values({
        staffUserId: event.staffUserId,
        kind: event.kind,
        params: event.params,
        dedupeKey: event.dedupeKey,
        createdAt: now,
      })
      .onConflictDoNothing();
  }
  if (chosen.email) {
    const lang = preferences.language;
    const m = textsFor(texts, lang).staff;
    const s = textsFor(staffTexts, lang);
    const base = mailPublicUrl();
    const { token, hash } = newUnsubscribeToken();
    const unsubscribeUrl = `${base}${unsubscribePath(lang, token)}`;
    const link: MailBlock = event.params.itemId
      ? { kind: 'link', href: `${base}${itemPath(lang, event.params.itemId)}`, text: m.openItem }
      : { kind: 'link', href: `${base}${notificationsPath(lang)}`, text: m.open };
    const mail = renderMail({
      lang,
      subject: s.subject[event.kind],
      heading: s.subject[event.kind],
      blocks: [
        { kind: 'text', text: m.greeting(person.name) },
        { kind: 'text', text: s.sentence[event.kind](event.params) },
        link,
      ],
      footer: [
        { kind: 'text', text: m.footerWhy },
        { kind: 'link', href: `${base}${notificationsPath(lang)}`, text: m.preferences },
        { kind: 'link', href: unsubscribeUrl, text: m.unsubscribeText },
      ],
    });
    await enqueueMail(
      tx,
      {
        organisationId: person.organisationId,
        staffUserId: event.staffUserId,
        recipient: person.email,
        kind: `staff.${event.kind}`,
        locale: lang,
        ...mail,
        headers: oneClickHeaders(unsubscribeUrl),
        dedupeKey: `staff:${event.staffUserId}:${event.dedupeKey}`,
        unsubscribeTokenHash: hash,
      },
      now,
    );
  }
}

async function itemParams(tx: Tx, itemId: string): Promise<NotificationParams> {
  const [row] = await tx
    .select({ title: consultations.title })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(eq(submissions.id, itemId))
    .limit(1);
  if (row) return { itemId, consultation: row.title };
  // A mirrored post: its thread's consultation, else the title staff gave the mirror.
  const [post] = await tx
    .select({ consultation: consultations.title, thread: socialThreads.title })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(eq(socialPosts.id, itemId))
    .limit(1);
  const title = post?.consultation ?? post?.thread;
  return title ? { itemId, consultation: title } : { itemId };
}

/** An item was assigned to someone (not when they took it themselves). */
export async function itemAssigned(
  tx: Tx,
  params: { itemId: string; staffUserId: string | null; actorId: string | null; now: Date },
): Promise<void> {
  if (!params.staffUserId || params.staffUserId === params.actorId) return;
  await notifyStaff(
    tx,
    {
      staffUserId: params.staffUserId,
      kind: 'item_assigned',
      params: await itemParams(tx, params.itemId),
      dedupeKey: `assigned:${params.itemId}:${params.now.toISOString()}`,
    },
    params.now,
  );
}

/** The person who has it, or (nobody has it) everyone in the organisation who may decide. */
export async function itemEscalated(
  tx: Tx,
  params: {
    itemId: string;
    organisationId: string;
    assignedStaffUserId: string | null;
    actorId: string | null;
    now: Date;
  },
): Promise<void> {
  // The assignee escalating their own item wants a colleague who may decide: tell those.
  const recipients =
    params.assignedStaffUserId && params.assignedStaffUserId !== params.actorId
      ? [params.assignedStaffUserId]
      : await peopleWho(tx, params.organisationId, (roles) => can(roles, 'queue.decide'));
  const details = await itemParams(tx, params.itemId);
  for (const staffUserId of recipients) {
    if (staffUserId === params.actorId) continue;
    await notifyStaff(
      tx,
      {
        staffUserId,
        kind: 'item_escalated',
        params: details,
        dedupeKey: `escalated:${params.itemId}:${params.now.toISOString()}`,
      },
      params.now,
    );
  }
}

/**
 * A colleague sent the writer's answer back (four eyes): once per answer. Only the item's
 * title and link go out; the note, which may quote the resident, is read on the item.
 */
export async function answerReturned(
  tx: Tx,
  params: { itemId: string; approvalId: string; staffUserId: string | null; actorId: string; now: Date },
): Promise<void> {
  // An author whose account was erased has nobody left to tell.
  if (!params.staffUserId || params.staffUserId === params.actorId) return;
  await notifyStaff(
    tx,
    {
      staffUserId: params.staffUserId,
      kind: 'answer_returned',
      params: await itemParams(tx, params.itemId),
      dedupeKey: `returned:${params.approvalId}`,
    },
    params.now,
  );
}

/** An item of theirs is nearly late: once per item and promised time. */
export async function itemNearlyLate(
  tx: Tx,
  params: { itemId: string; staffUserId: string; dueAt: Date; consultation: LocalizedText; now: Date },
): Promise<void> {
  await notifyStaff(
    tx,
    {
      staffUserId: params.staffUserId,
      kind: 'item_nearly_late',
      params: { itemId: params.itemId, consultation: params.consultation, dueAt: params.dueAt.toISOString() },
      dedupeKey: `late:${params.itemId}:${params.dueAt.toISOString()}`,
    },
    params.now,
  );
}

/**
 * Tells every administrator of the organisation, e.g. "account under attack" from the
 * log-in throttling. `dedupeKey` keeps a repeated alert for the same event to one.
 */
export async function notifyAdministrators(
  tx: Tx,
  params: { organisationId: string; message: LocalizedText; dedupeKey: string; now: Date },
): Promise<number> {
  const admins = await peopleWho(tx, params.organisationId, (roles) => can(roles, 'admin'));
  for (const staffUserId of admins) {
    await notifyStaff(
      tx,
      {
        staffUserId,
        kind: 'security_alert',
        params: { message: params.message },
        dedupeKey: `security:${params.dedupeKey}`,
      },
      params.now,
    );
  }
  return admins.length;
}

async function peopleWho(tx: Tx, organisationId: string, allowed: (roles: RoleGrant[]) => boolean): Promise<string[]> {
  const rows = await tx
    .select({ id: staffUsers.id, role: staffRoles.role, departmentId: staffRoles.departmentId })
    .from(staffUsers)
    .innerJoin(staffRoles, eq(staffRoles.staffUserId, staffUsers.id))
    .where(and(eq(staffUsers.organisationId, organisationId), isNull(staffUsers.disabledAt)));
  const grants = new Map<string, RoleGrant[]>();
  for (const row of rows) grants.set(row.id, [...(grants.get(row.id) ?? []), row]);
  return [...grants].filter(([, roles]) => allowed(roles)).map(([id]) => id);
}

// ---- the workbench list -------------------------------------------------------------------------

export async function listNotifications(db: Db, staffUserId: string, limit = 50): Promise<StaffNotification[]> {
  return (await db
    .select()
    .from(staffNotifications)
    .where(eq(staffNotifications.staffUserId, staffUserId))
    .orderBy(desc(staffNotifications.createdAt))
    .limit(limit)) as StaffNotification[];
}

export async function unreadCount(db: Pick<Db, 'select'>, staffUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffNotifications)
    .where(and(eq(staffNotifications.staffUserId, staffUserId), isNull(staffNotifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks these (or, without ids, all) of the person's notifications read; others' are never touched. */
export async function markRead(
  db: Db,
  staffUserId: string,
  ids: readonly string[] | 'all',
  now: Date,
): Promise<number> {
  const mine = and(eq(staffNotifications.staffUserId, staffUserId), isNull(staffNotifications.readAt));
  const rows = await db
    .update(staffNotifications)
    .set({ readAt: now })
    .where(ids === 'all' ? mine : and(mine, inArray(staffNotifications.id, [...ids])))
    .returning({ id: staffNotifications.id });
  return rows.length;
}
