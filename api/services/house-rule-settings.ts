/**
 * House rules as an administrator maintains them on the settings page: add a rule, change
 * its Dutch and English title and body, move it up or down, retire it or bring it back.
 *
 * A rule's code never changes once made: moderation decisions store it, and the resident's
 * follow-up page looks the rule up by it. So a rule is never deleted; retiring it takes it
 * off the portal's list and out of the choices for new decisions, while every decision that
 * cited it keeps showing it.
 *
 * Every change is one transaction on the organisation's `house_rules_version`
 * (`UPDATE … WHERE house_rules_version = expected`): a change made on an older page is
 * refused with who changed which rule since, the audit log holds the rule before and after,
 * and the portal is marked for a rebuild.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  channelGuidelines,
  consultations,
  houseRules,
  organisations,
  socialPosts,
  socialThreads,
  submissions,
  type LocalizedText,
} from '../db/schema.ts';
import { changesSinceVersion } from './audit-log.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';

export type HouseRuleRow = {
  code: string;
  position: number;
  title: LocalizedText;
  body: LocalizedText;
  retiredAt: Date | null;
  /** Decisions on portal and widget input and on social posts that cite this rule. */
  citedBy: number;
  /** Keys of the channel guidelines that list this rule. */
  channels: string[];
};

export type HouseRuleSettings = { version: number; rules: HouseRuleRow[] };

/** The longest title and explanation a rule may have, in either language (the page and the JSON API check them). */
export const MAX_RULE_TITLE = 120;
export const MAX_RULE_BODY = 2000;

/** What one save does. Texts are checked by the caller; codes are checked here. */
export type HouseRuleChange =
  | { kind: 'add'; title: LocalizedText; body: LocalizedText }
  | { kind: 'edit'; code: string; title: LocalizedText; body: LocalizedText }
  | { kind: 'move'; code: string; direction: 'up' | 'down' }
  | { kind: 'retire'; code: string }
  | { kind: 'restore'; code: string };

export type HouseRuleAction = 'added' | 'edited' | 'moved' | 'retired' | 'restored';

export type HouseRuleChangeSeen = { by: string | null; at: Date; action: HouseRuleAction; title: LocalizedText };

export type HouseRuleSaveResult =
  | { kind: 'saved'; version: number; code: string; action: HouseRuleAction; changed: boolean }
  | { kind: 'stale'; version: number; changes: HouseRuleChangeSeen[] }
  | { kind: 'unknown_rule' }
  /** Moving the first rule up, the last down, or a retired rule at all. */
  | { kind: 'cannot_move' };

/** The most changes a refusal lists; older ones are in the audit log. */
const MAX_CHANGES = 5;
const HOUSE_RULE_ACTION = 'house_rule.changed' as const;

export async function loadHouseRuleSettings(db: Db, organisationId: string): Promise<HouseRuleSettings> {
  const [org] = await db
    .select({ version: organisations.houseRulesVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const rules = await db
    .select({
      code: houseRules.code,
      position: houseRules.position,
      title: houseRules.title,
      body: houseRules.body,
      retiredAt: houseRules.retiredAt,
    })
    .from(houseRules)
    .where(eq(houseRules.organisationId, organisationId))
    .orderBy(sql`${houseRules.retiredAt} is not null`, asc(houseRules.position), asc(houseRules.code));
  const inputCites = await db
    .select({ code: submissions.moderationRule, count: sql<number>`count(*)::int` })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(eq(consultations.organisationId, organisationId), sql`${submissions.moderationRule} is not null`))
    .groupBy(submissions.moderationRule);
  const postCites = await db
    .select({ code: socialPosts.moderationRule, count: sql<number>`count(*)::int` })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(and(eq(socialThreads.organisationId, organisationId), sql`${socialPosts.moderationRule} is not null`))
    .groupBy(socialPosts.moderationRule);
  const guidelines = await db
    .select({ key: channelGuidelines.key, rules: channelGuidelines.houseRules })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    .orderBy(asc(channelGuidelines.key));
  const cited = (code: string) =>
    [...inputCites, ...postCites].filter((row) => row.code === code).reduce((sum, row) => sum + Number(row.count), 0);
  return {
    version: org?.version ?? 1,
    rules: rules.map((rule) => ({
      ...rule,
      citedBy: cited(rule.code),
      channels: guidelines.filter((g) => g.rules.includes(rule.code)).map((g) => g.key),
    })),
  };
}

/**
 * A code for a new rule from its Dutch title: lower case, words joined by hyphens, at most
 * 40 characters, and unlike every code the organisation has (retired rules' codes included,
 * since old decisions still name them).
 *
 * @example
 * newRuleCode('Geen scheldwoorden!', ['respect']) // 'geen-scheldwoorden'
 * newRuleCode('Respect', ['respect'])             // 'respect-2'
 */
export function newRuleCode(title: string, taken: readonly string[]): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'regel';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** Thrown inside a save's transaction when the version moved on: rolls everything back. */
class StaleRules extends Error {}

/** Equal texts, whatever order the keys come in (jsonb gives them back in its own order). */
const sameText = (a: LocalizedText, b: LocalizedText) => a.nl === b.nl && (a.en ?? '') === (b.en ?? '');

export async function saveHouseRuleChange(
  db: Db,
  params: { organisationId: string; actorId: string; expectedVersion: number; change: HouseRuleChange; now: Date },
): Promise<HouseRuleSaveResult> {
  const { organisationId, change, now } = params;
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .update(organisations)
        .set({ houseRulesVersion: sql`${organisations.houseRulesVersion} + 1` })
        .where(and(eq(organisations.id, organisationId), eq(organisations.houseRulesVersion, params.expectedVersion)))
        .returning({ version: organisations.houseRulesVersion });
      if (!org) throw new StaleRules();
      const rules = await tx
        .select()
        .from(houseRules)
        .where(eq(houseRules.organisationId, organisationId))
        .orderBy(asc(houseRules.position), asc(houseRules.code));
      const audit = async (
        action: HouseRuleAction,
        code: string,
        title: LocalizedText,
        before: Record<string, unknown> | null,
        after: Record<string, unknown> | null,
      ) => {
        await recordAudit(tx, {
          organisationId,
          actorType: 'staff',
          actorId: params.actorId,
          at: now,
          action: HOUSE_RULE_ACTION,
          subjectType: 'house_rule',
          subjectId: code,
          details: { version: org.version, action, code, title, before, after },
        });
        // The portal lists the rules; a rebuild shows the change.
        await markContentChanged(tx);
      };
      const saved = (code: string, action: HouseRuleAction, changed = true) =>
        // Nothing changed: the transaction rolls back, so the version stays the one expected.
        ({ kind: 'saved', version: changed ? org.version : params.expectedVersion, code, action, changed }) as const;

      if (change.kind === 'add') {
        const code = newRuleCode(
          change.title.nl,
          rules.map((r) => r.code),
        );
        const position = Math.max(0, ...rules.map((r) => r.position)) + 1;
        await tx.insert(houseRules).values({
          organisationId,
          code,
          position,
          title: change.title,
          body: change.body,
          createdAt: now,
          updatedAt: now,
        });
        await audit('added', code, change.title, null, { title: change.title, body: change.body, position });
        return saved(code, 'added');
      }

      const rule = rules.find((r) => r.code === change.code);
      if (!rule) throw new Refusal({ kind: 'unknown_rule' });
      const where = and(eq(houseRules.organisationId, organisationId), eq(houseRules.code, rule.code));

      switch (change.kind) {
        case 'edit': {
          const before = { title: rule.title, body: rule.body };
          const after = { title: change.title, body: change.body };
          if (sameText(before.title, after.title) && sameText(before.body, after.body))
            throw new Refusal(saved(rule.code, 'edited', false));
          await tx
            .update(houseRules)
            .set({ ...after, updatedAt: now })
            .where(where);
          await audit('edited', rule.code, change.title, before, after);
          return saved(rule.code, 'edited');
        }
        case 'move': {
          const active = rules.filter((r) => r.retiredAt === null);
          const index = active.findIndex((r) => r.code === rule.code);
          const other = active[change.direction === 'up' ? index - 1 : index + 1];
          if (index < 0 || !other) throw new Refusal({ kind: 'cannot_move' });
          // Renumber the active rules 1…n in their new order, so equal or sparse positions settle.
          const order = active.map((r) => r.code);
          order[index] = other.code;
          order[active.indexOf(other)] = rule.code;
          for (const [i, code] of order.entries()) {
            await tx
              .update(houseRules)
              .set({ position: i + 1 })
              .where(and(eq(houseRules.organisationId, organisationId), eq(houseRules.code, code)));
          }
          await audit(
            'moved',
            rule.code,
            rule.title,
            { position: index + 1, title: rule.title },
            { position: order.indexOf(rule.code) + 1, title: rule.title },
          );
          return saved(rule.code, 'moved');
        }
        case 'retire': {
          if (rule.retiredAt) throw new Refusal(saved(rule.code, 'retired', false));
          await tx.update(houseRules).set({ retiredAt: now, updatedAt: now }).where(where);
          await audit(
            'retired',
            rule.code,
            rule.title,
            { title: rule.title, retiredAt: null },
            { retiredAt: now.toISOString() },
          );
          return saved(rule.code, 'retired');
        }
        case 'restore': {
          if (!rule.retiredAt) throw new Refusal(saved(rule.code, 'restored', false));
          // Back at the end of the list: where it stood may mean something else by now.
          const position = Math.max(0, ...rules.filter((r) => r.retiredAt === null).map((r) => r.position)) + 1;
          await tx.update(houseRules).set({ retiredAt: null, position, updatedAt: now }).where(where);
          await audit(
            'restored',
            rule.code,
            rule.title,
            { title: rule.title, retiredAt: rule.retiredAt.toISOString() },
            { retiredAt: null, position },
          );
          return saved(rule.code, 'restored');
        }
      }
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (!(error instanceof StaleRules)) throw error;
    return houseRulesStale(db, organisationId, params.expectedVersion);
  }
}

/** Ends a save's transaction without writing anything (the version is not raised either). */
class Refusal extends Error {
  readonly result: HouseRuleSaveResult;
  constructor(result: HouseRuleSaveResult) {
    super(result.kind);
    this.result = result;
  }
}

/** The refusal of a save made on `expected`: the changes since, newest first, by whom and to which rule. */
async function houseRulesStale(db: Db, organisationId: string, expected: number): Promise<HouseRuleSaveResult> {
  const [org] = await db
    .select({ version: organisations.houseRulesVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const rows = await changesSinceVersion(db, {
    organisationId,
    action: HOUSE_RULE_ACTION,
    since: expected,
    limit: MAX_CHANGES,
  });
  return {
    kind: 'stale',
    version: org?.version ?? 1,
    changes: rows.map((row) => ({
      by: row.by,
      at: row.at,
      action: row.details['action'] as HouseRuleAction,
      title: row.details['title'] as LocalizedText,
    })),
  };
}
