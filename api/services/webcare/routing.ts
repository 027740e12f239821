/**
 * Who answers an item: a department and/or a person. Routing rules per topic (and
 * optionally per channel) assign new items on arrival; staff assign or reassign from the
 * queue (`assignItem` in `../moderation/`, per source), and every change is audited with
 * what it was before and after.
 *
 * `routeFor` is a function of (organisation, topic, channel) only, so every way an item
 * arrives — portal, widget, mirrored social post — routes the same way.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { departments, routingRules, staffRoles, staffUsers, topics, type LocalizedText } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { can } from '../auth/roles.ts';
import type { Assignment, Channel } from '../moderation/source.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Db | Tx;

export type { Assignment, Channel };

const NOBODY: Assignment = { departmentId: null, staffUserId: null };

/**
 * The assignment for a new item on this topic from this channel: the rule for the topic
 * and channel if there is one, else the rule for the topic on every channel, else nobody.
 */
export async function routeFor(
  db: Reader,
  params: { organisationId: string; topicId: string; channel: Channel },
): Promise<Assignment> {
  return pickRoute(await routingRulesFor(db, params), params.channel);
}

type RoutingRule = typeof routingRules.$inferSelect;

/** The rules of a topic that can apply to a channel (or, without one, to any channel). */
export async function routingRulesFor(
  db: Reader,
  params: { organisationId: string; topicId: string; channel?: Channel },
): Promise<RoutingRule[]> {
  return db
    .select()
    .from(routingRules)
    .where(
      and(
        eq(routingRules.organisationId, params.organisationId),
        eq(routingRules.topicId, params.topicId),
        params.channel ? or(eq(routingRules.channel, params.channel), isNull(routingRules.channel)) : undefined,
      ),
    )
    .orderBy(asc(routingRules.createdAt));
}

/** Of a topic's rules, the one for this channel if there is one, else the one for every channel. */
export function pickRoute(rules: readonly RoutingRule[], channel: Channel): Assignment {
  const rule = rules.find((r) => r.channel === channel) ?? rules.find((r) => r.channel === null);
  return rule ? { departmentId: rule.departmentId, staffUserId: rule.staffUserId } : NOBODY;
}

// ---- choices on the assignment form ----------------------------------------------------

export type Assignee = { id: string; name: string };
export type AssignmentChoices = {
  departments: Array<{ id: string; slug: string; name: LocalizedText }>;
  people: Assignee[];
};

/** Departments and active staff who may work the queue, for the assignment forms. */
export async function assignmentChoices(db: Db, organisationId: string): Promise<AssignmentChoices> {
  const departmentRows = await db
    .select({ id: departments.id, slug: departments.slug, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.slug));
  const people = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.displayName,
      role: staffRoles.role,
      departmentId: staffRoles.departmentId,
    })
    .from(staffUsers)
    .innerJoin(staffRoles, eq(staffRoles.staffUserId, staffUsers.id))
    .where(and(eq(staffUsers.organisationId, organisationId), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.displayName));
  const seen = new Map<string, Assignee>();
  for (const person of people) {
    if (can([{ role: person.role, departmentId: person.departmentId }], 'queue.read') && !seen.has(person.id)) {
      seen.set(person.id, { id: person.id, name: person.name });
    }
  }
  return { departments: departmentRows, people: [...seen.values()] };
}

// ---- routing rules (administrators) -------------------------------------------------------

export type RoutingRuleView = {
  id: string;
  topic: { slug: string; title: LocalizedText };
  channel: Channel | null;
  departmentId: string | null;
  staffUserId: string | null;
};

export async function listRoutingRules(db: Db, organisationId: string): Promise<RoutingRuleView[]> {
  const rows = await db
    .select({ rule: routingRules, topic: { slug: topics.slug, title: topics.title } })
    .from(routingRules)
    .innerJoin(topics, eq(topics.id, routingRules.topicId))
    .where(eq(routingRules.organisationId, organisationId))
    .orderBy(asc(topics.position), asc(routingRules.createdAt));
  return rows.map(({ rule, topic }) => ({
    id: rule.id,
    topic,
    channel: rule.channel,
    departmentId: rule.departmentId,
    staffUserId: rule.staffUserId,
  }));
}

export type RuleResult =
  | { kind: 'saved'; id: string }
  | { kind: 'unknown_topic' | 'unknown_department' | 'unknown_person' | 'nobody' | 'duplicate' };

/** Adds a rule; one rule per topic and channel, so which rule wins is never a guess. */
export async function addRoutingRule(
  db: Db,
  params: {
    topicSlug: string;
    channel: Channel | null;
    assignment: Assignment;
    actor: { id: string; organisationId: string };
    now: Date;
  },
): Promise<RuleResult> {
  const { actor, assignment } = params;
  if (!assignment.departmentId && !assignment.staffUserId) return { kind: 'nobody' };
  const [topic] = await db
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.organisationId, actor.organisationId), eq(topics.slug, params.topicSlug)))
    .limit(1);
  if (!topic) return { kind: 'unknown_topic' };
  const choices = await assignmentChoices(db, actor.organisationId);
  if (assignment.departmentId && !choices.departments.some((d) => d.id === assignment.departmentId)) {
    return { kind: 'unknown_department' };
  }
  if (assignment.staffUserId && !choices.people.some((p) => p.id === assignment.staffUserId)) {
    return { kind: 'unknown_person' };
  }
  const existing = await db
    .select({ id: routingRules.id, channel: routingRules.channel })
    .from(routingRules)
    .where(and(eq(routingRules.organisationId, actor.organisationId), eq(routingRules.topicId, topic.id)));
  if (existing.some((r) => r.channel === params.channel)) return { kind: 'duplicate' };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(routingRules)
      .values({
        organisationId: actor.organisationId,
        topicId: topic.id,
        channel: params.channel,
        departmentId: assignment.departmentId,
        staffUserId: assignment.staffUserId,
        createdAt: params.now,
      })
      .returning({ id: routingRules.id });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: params.now,
      action: 'routing_rule.created',
      subjectType: 'routing_rule',
      subjectId: row!.id,
      details: { topic: params.topicSlug, channel: params.channel, ...assignment },
    });
    return row!.id;
  });
  return { kind: 'saved', id };
}

export async function deleteRoutingRule(
  db: Db,
  params: { ruleId: string; actor: { id: string; organisationId: string }; now: Date },
): Promise<'deleted' | 'not_found'> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(routingRules)
      .where(and(eq(routingRules.id, params.ruleId), eq(routingRules.organisationId, params.actor.organisationId)))
      .returning();
    if (!row) return 'not_found';
    await recordAudit(tx, {
      organisationId: params.actor.organisationId,
      actorType: 'staff',
      actorId: params.actor.id,
      at: params.now,
      action: 'routing_rule.deleted',
      subjectType: 'routing_rule',
      subjectId: row.id,
      details: {
        before: {
          topicId: row.topicId,
          channel: row.channel,
          departmentId: row.departmentId,
          staffUserId: row.staffUserId,
        },
      },
    });
    return 'deleted';
  });
}
