/**
 * Channel guidelines and house rules as residents read them: per channel the promised
 * response time, whether replies are allowed, when it is staffed, and which house rules
 * apply. Like the rest of the public API, one deployment serves one organisation.
 */
import { asc, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channelGuidelines, departments, houseRules, type LocalizedText, type PostingHours } from '../db/schema.ts';

export type PublicHouseRule = { code: string; position: number; title: LocalizedText; body: LocalizedText };

export type PublicChannelGuideline = {
  key: string;
  channel: 'portal' | 'widget' | 'social';
  platform: string | null;
  name: LocalizedText;
  responseDays: number;
  repliesAllowed: boolean;
  moderatedBy: LocalizedText | null;
  postingHours: PostingHours;
  houseRules: string[];
};

export async function listHouseRulesPublic(db: Db): Promise<PublicHouseRule[]> {
  const rows = await db.select().from(houseRules).where(isNull(houseRules.retiredAt)).orderBy(asc(houseRules.position));
  return rows.map(({ code, position, title, body }) => ({ code, position, title, body }));
}

export async function listChannelGuidelines(db: Db): Promise<PublicChannelGuideline[]> {
  const rows = await db.select().from(channelGuidelines).orderBy(asc(channelGuidelines.key));
  const departmentRows = await db.select({ id: departments.id, name: departments.name }).from(departments);
  return rows.map((row) => ({
    key: row.key,
    channel: row.channel,
    platform: row.platform,
    name: row.name,
    responseDays: row.responseDays,
    repliesAllowed: row.repliesAllowed,
    moderatedBy: departmentRows.find((d) => d.id === row.moderatedByDepartmentId)?.name ?? null,
    postingHours: row.postingHours,
    houseRules: row.houseRules,
  }));
}
