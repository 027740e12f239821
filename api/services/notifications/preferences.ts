/**
 * How each staff member wants to be told, per kind of notification: in the workbench, by
 * e-mail, both or neither. Without a saved choice both are on, so nobody misses an
 * assignment before they have found the settings.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffNotificationPreferences } from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';

export const NOTIFICATION_KINDS = [
  'item_assigned',
  'item_nearly_late',
  'item_escalated',
  // Four eyes: a colleague sent the person's answer back with a note (answer-approval.ts).
  'answer_returned',
  'security_alert',
  // The weekly summary of the insights (weekly-summary.ts): by e-mail only, for those who read insights.
  'weekly_summary',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Channels = { workbench: boolean; email: boolean };
export type Preferences = { language: Locale; channels: Record<NotificationKind, Channels> };

export const DEFAULT_CHANNELS: Channels = { workbench: true, email: true };

export async function preferencesOf(db: Pick<Db, 'select'>, staffUserId: string): Promise<Preferences> {
  const [row] = await db
    .select()
    .from(staffNotificationPreferences)
    .where(eq(staffNotificationPreferences.staffUserId, staffUserId))
    .limit(1);
  const channels = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, { ...DEFAULT_CHANNELS, ...row?.channels[kind] }]),
  ) as Record<NotificationKind, Channels>;
  return { language: row?.language ?? 'nl', channels };
}

export async function savePreferences(db: Db, staffUserId: string, preferences: Preferences, now: Date): Promise<void> {
  await db
    .insert(staffNotificationPreferences)
    .values({ staffUserId, ...preferences, updatedAt: now })
    .onConflictDoUpdate({ target: staffNotificationPreferences.staffUserId, set: { ...preferences, updatedAt: now } });
}
