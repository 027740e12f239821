/**
 * The contract every source of the moderation queue keeps: the same filters and actions,
 * run against each source on data that has items matching and not matching each filter,
 * so a source that ignores a filter (or quietly skips an action) fails here.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  channelGuidelines,
  consultations,
  departments,
  organisations,
  socialPosts,
  submissions,
  topics,
} from '../../../api/db/schema.ts';
import type { RoleGrant } from '../../../api/services/auth/roles.ts';
import {
  ALL_STATES,
  countQueue,
  decide,
  findItem,
  listQueue,
  MODERATION_SOURCES,
  UNSUPPORTED,
  type QueueFilter,
  type ReviewState,
} from '../../../api/services/moderation/index.ts';
import { returnAnswer } from '../../../api/services/moderation/answer-approval.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread } from '../../../api/services/social/threads.ts';
import { fillMissingClocks } from '../../../api/services/office-hours/due-times.ts';
import { mastodonAccount, mastodonStatus } from '../../fixtures/social/payloads.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser } from '../../support/staff.ts';

const DAY = 24 * 60 * 60 * 1000;
const HERE = 'fietsroute-stationsstraat';
/** Moved to a topic and department of its own in `before`, so every filter has a miss. */
const THERE = 'parkeren-centrum';

type Make = { consultation?: string; text?: string; createdAt?: Date; state?: ReviewState };

/** How the test puts an item into each source: the way it arrives, then its dates and state set. */
type Fixture = { make(options?: Make): Promise<string> };

for (const target of databaseTargets()) {
  describe(`every moderation source keeps the same contract (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let moderatorId: string;
    let writerId: string;
    let consultationIds: Record<string, string>;
    let counter = 0;
    const grant = (role: RoleGrant['role']): RoleGrant[] => [{ role, departmentId: null }];
    const viewer = () => ({ organisationId, roles: grant('moderator') });
    const moderator = () => ({ id: moderatorId, organisationId, roles: grant('moderator') });
    const analyst = () => ({ id: moderatorId, organisationId, roles: grant('analyst') });

    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      moderatorId = await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      writerId = await addStaffUser(t, 'schrijver@demodam.example', 'webcare');
      const [topic] = await t.db
        .insert(topics)
        .values({ organisationId, slug: 'contract-topic', title: { nl: 'Ander thema' }, description: { nl: '-' } })
        .returning();
      const [department] = await t.db
        .insert(departments)
        .values({ organisationId, slug: 'contract-department', name: { nl: 'Andere afdeling' } })
        .returning();
      await t.db
        .update(consultations)
        .set({ topicId: topic!.id, departmentId: department!.id })
        .where(eq(consultations.slug, THERE));
      const rows = await t.db.select({ id: consultations.id, slug: consultations.slug }).from(consultations);
      consultationIds = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    });
    after(() => t.close());

    const fixtures: Record<string, Fixture> = {
      input: {
        async make({ consultation = HERE, text, createdAt = NOW, state = 'new' } = {}) {
          const toelichting = text ?? `Inbreng ${++counter} over de route.`;
          const response = await postJson(t.app, `/api/consultations/${HERE}/submissions`, {
            answers: { ...validAnswers, toelichting },
          });
          assert.equal(response.status, 201);
          const { code } = (await response.json()) as { code: string };
          const [row] = await t.db
            .update(submissions)
            // Backdated: the due time is computed again from the new arrival, as on start.
            .set({ consultationId: consultationIds[consultation]!, createdAt, reviewState: state, responseDueAt: null })
            .where(eq(submissions.followUpCode, code))
            .returning({ id: submissions.id });
          await fillMissingClocks(t.db);
          return row!.id;
        },
      },
      social: {
        async make({ consultation = HERE, text, createdAt = NOW, state = 'new' } = {}) {
          const rootId = `contract${++counter}`;
          const content = `<p>${text ?? `Reactie ${counter} over de route.`}</p>`;
          const payload = {
            status: mastodonStatus(rootId),
            context: {
              ancestors: [],
              descendants: [
                mastodonStatus(`${rootId}1`, {
                  in_reply_to_id: rootId,
                  account: mastodonAccount('anna'),
                  url: `https://social.gemeente.example/@anna/${rootId}1`,
                  content,
                }),
              ],
            },
          };
          const thread = importMastodonThread(payload, { ownAccounts: ['gemeente@social.gemeente.example'] });
          const { threadId } = await importThread(t.db, {
            organisationId,
            thread,
            consultationId: consultationIds[consultation]!,
            live: false,
            now: NOW,
          });
          // A decision to publish (or to answer) puts the post in the mirror, as it does in use.
          const shows = state === 'published' || state === 'needs_answer' || state === 'answered';
          const [row] = await t.db
            .update(socialPosts)
            .set({ createdAt, reviewState: state, publishedAt: shows ? createdAt : null, responseDueAt: null })
            .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)))
            .returning({ id: socialPosts.id });
          await fillMissingClocks(t.db);
          return row!.id;
        },
      },
    };

    it('has a fixture for every source, so no source escapes the contract', () => {
      assert.deepEqual(
        MODERATION_SOURCES.map((s) => s.name),
        Object.keys(fixtures),
      );
    });

    for (const source of MODERATION_SOURCES) {
      describe(`the ${source.name} source`, () => {
        const make = (options?: Make) => fixtures[source.name]!.make(options);
        // Every filter is also counted: a source's count is the length of its list without a limit.
        const listed = async (filter: QueueFilter) => {
          const ids = (await source.list(t.db, viewer(), { now: NOW, limit: 10_000, ...filter })).map(
            (item) => item.id,
          );
          if (filter.limit === undefined && filter.after === undefined) {
            assert.equal(await source.count(t.db, viewer(), { now: NOW, ...filter }), ids.length, 'counted as listed');
            assert.equal(
              await source.count(t.db, viewer(), { now: NOW, ...filter }, 1),
              Math.min(ids.length, 1),
              'counting stops at the limit asked for',
            );
          }
          return ids;
        };
        const includes = (ids: string[], match: string, miss: string) => {
          assert.ok(ids.includes(match), 'the matching item is listed');
          assert.ok(!ids.includes(miss), 'the item that does not match is left out');
        };

        it('lists only items in the asked states, and open items by default', async () => {
          const open = await make({ state: 'new' });
          const published = await make({ state: 'published' });
          includes(await listed({}), open, published);
          includes(await listed({ states: ['published'] }), published, open);
        });

        it('lists only items of the asked channel', async () => {
          const item = await make();
          const [own] = (await source.list(t.db, viewer(), { itemId: item, now: NOW })).map((i) => i.channel);
          for (const channel of ['portal', 'widget', 'social'] as const) {
            const items = await source.list(t.db, viewer(), { channel, now: NOW, limit: 10_000 });
            assert.ok(
              items.every((i) => i.channel === channel),
              `only ${channel} items`,
            );
            assert.equal(
              items.some((i) => i.id === item),
              own === channel,
            );
          }
        });

        it('lists only items of the asked consultation, topic and department', async () => {
          const here = await make({ consultation: HERE });
          const there = await make({ consultation: THERE });
          includes(await listed({ consultation: HERE }), here, there);
          includes(await listed({ consultation: THERE }), there, here);
          includes(await listed({ topic: 'contract-topic' }), there, here);
          includes(await listed({ department: 'contract-department' }), there, here);
          includes(await listed({ department: 'verkeer' }), here, there);
        });

        it('lists only items with a screening flag of the asked category', async () => {
          const flagged = await make({ text: 'Bel me op 06-12345678 over de route.' });
          const clean = await make({ text: 'Een nette reactie over de route.' });
          includes(await listed({ flag: 'personal_data' }), flagged, clean);
        });

        it('lists only items past their promised response time, counted from the given moment', async () => {
          const late = await make({ createdAt: new Date(NOW.getTime() - 60 * DAY) });
          const fresh = await make({ createdAt: NOW });
          includes(await listed({ overdue: true }), late, fresh);
          const later = new Date(NOW.getTime() + 365 * DAY);
          assert.ok((await listed({ overdue: true, now: later })).includes(fresh));
        });

        it('lists only items assigned to the asked person, and none where nothing can be assigned', async () => {
          const assigned = await make();
          const unassigned = await make();
          const result = await source.assign(t.db, {
            itemId: assigned,
            assignment: { departmentId: null, staffUserId: moderatorId },
            actor: moderator(),
            now: NOW,
          });
          const items = await source.list(t.db, viewer(), { assignedTo: moderatorId, now: NOW, limit: 10_000 });
          assert.ok(!items.some((i) => i.id === unassigned));
          assert.ok(items.every((i) => i.assignedStaffUserId === moderatorId));
          if (source.supports.assign) {
            assert.equal(result.kind, 'assigned');
            assert.ok(items.some((i) => i.id === assigned));
          } else {
            assert.deepEqual(result, UNSUPPORTED);
            assert.deepEqual(items, []);
          }
        });

        it('lists only items routed to the asked departments ("my department"), and none for no department', async () => {
          const [verkeer] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
          const routed = await make();
          const unrouted = await make();
          const result = await source.assign(t.db, {
            itemId: routed,
            assignment: { departmentId: verkeer!.id, staffUserId: null },
            actor: moderator(),
            now: NOW,
          });
          const items = await source.list(t.db, viewer(), { routedTo: [verkeer!.id], now: NOW, limit: 10_000 });
          assert.ok(!items.some((i) => i.id === unrouted));
          assert.ok(items.every((i) => i.assignedDepartmentId === verkeer!.id));
          assert.deepEqual(await source.list(t.db, viewer(), { routedTo: [], now: NOW, limit: 10_000 }), []);
          if (source.supports.assign) {
            assert.equal(result.kind, 'assigned');
            assert.ok(items.some((i) => i.id === routed));
          } else {
            assert.deepEqual(result, UNSUPPORTED);
            assert.deepEqual(items, []);
          }
        });

        it('lists only the asked item, even when an older one would come first', async () => {
          const older = await make({ createdAt: new Date(NOW.getTime() - DAY) });
          const asked = await make({ createdAt: NOW });
          assert.deepEqual(await listed({ itemId: asked, limit: 1 }), [asked]);
          assert.deepEqual(await listed({ itemId: older, limit: 1 }), [older]);
          assert.deepEqual(await listed({ itemId: randomUUID() }), []);
        });

        it('lists the oldest first, up to the limit', async () => {
          const first = await make({ createdAt: new Date(NOW.getTime() - 400 * DAY) });
          await make({ createdAt: new Date(NOW.getTime() - 399 * DAY) });
          assert.deepEqual(await listed({ limit: 1 }), [first]);
        });

        it('searches the text in Dutch and English word forms', async () => {
          const dutch = await make({ text: 'De fietspaden bij de brug zijn gevaarlijk.' });
          const english = await make({ text: 'The cycling lanes near the bridge feel unsafe.' });
          includes(await listed({ search: 'fietspad' }), dutch, english);
          includes(await listed({ search: 'cycle lane' }), english, dutch);
        });

        it('pages by keyset on (created_at, id), oldest or newest first, each item once', async () => {
          const at = new Date(NOW.getTime() - 800 * DAY);
          const same = [await make({ createdAt: at }), await make({ createdAt: at }), await make({ createdAt: at })];
          const sorted = [...same].sort();
          const oldest: string[] = [];
          let after: QueueFilter['after'];
          for (let i = 0; i < 3; i++) {
            const [item] = await source.list(t.db, viewer(), { now: NOW, limit: 1, order: 'oldest', after });
            oldest.push(item!.id);
            after = item!.cursor;
          }
          assert.deepEqual(oldest, sorted, 'the same moment: by id, each once');
          const [newest] = await source.list(t.db, viewer(), { now: NOW, limit: 1, order: 'newest', after });
          assert.equal(newest?.id, sorted[1], 'newest first goes on before the cursor');
        });

        it('lists answers awaiting approval for a colleague (never its writer) and sent-back answers for their writer, paged by keyset', async () => {
          const writer = { id: writerId, organisationId, roles: grant('webcare') };
          const fourEyes = (on: boolean) =>
            t.db
              .update(channelGuidelines)
              .set({ answersNeedApproval: on })
              .where(eq(channelGuidelines.organisationId, organisationId));
          const at = new Date(NOW.getTime() - 900 * DAY);
          const items = [
            await make({ state: 'needs_answer', createdAt: at }),
            await make({ state: 'needs_answer', createdAt: at }),
            await make({ state: 'needs_answer', createdAt: at }),
          ];
          const unanswered = await make({ state: 'needs_answer', createdAt: at });
          await fourEyes(true);
          const written = [];
          try {
            for (const itemId of items)
              written.push(
                await source.answer(t.db, { itemId, body: 'Dank u.', language: 'nl', actor: writer, now: NOW }),
              );
          } finally {
            await fourEyes(false);
          }
          const approval = (state: 'awaiting' | 'returned', staffUserId: string) => ({
            states: ALL_STATES,
            approval: { state, staffUserId },
          });
          if (written.every((result) => result.kind !== 'awaiting_approval')) {
            // A source whose answers are never held for four eyes has nothing to approve or send back.
            assert.deepEqual(await listed(approval('awaiting', moderatorId)), []);
            assert.deepEqual(await listed(approval('returned', writerId)), []);
            assert.equal((await source.find(t.db, viewer(), items[0]!, NOW))?.answerApproval, undefined);
            return;
          }
          assert.deepEqual(
            written.map((result) => result.kind),
            ['awaiting_approval', 'awaiting_approval', 'awaiting_approval'],
          );
          includes(await listed(approval('awaiting', moderatorId)), items[0]!, unanswered);
          assert.ok(!(await listed(approval('awaiting', writerId))).includes(items[0]!), 'nobody approves their own');
          assert.deepEqual((await source.find(t.db, viewer(), items[0]!, NOW))?.answerApproval, {
            state: 'awaiting',
            writtenBy: writerId,
          });
          assert.equal((await source.find(t.db, viewer(), unanswered, NOW))?.answerApproval, undefined);
          // Keyset paging goes on through the filter, each waiting answer once, in order.
          const paged: string[] = [];
          let after: QueueFilter['after'];
          for (let i = 0; i < 3; i++) {
            const [item] = await source.list(t.db, viewer(), {
              ...approval('awaiting', moderatorId),
              now: NOW,
              limit: 1,
              after,
            });
            paged.push(item!.id);
            after = item!.cursor;
          }
          assert.deepEqual(paged, [...items].sort());
          // Sent back: off the colleague's list, on the writer's, marked on the item.
          const version = (await source.find(t.db, viewer(), items[0]!, NOW))!.version;
          const step = { itemId: items[0]!, expectedVersion: version, now: NOW, note: 'Noem de datum.' };
          assert.equal((await returnAnswer(t.db, { ...step, actor: moderator() })).kind, 'returned');
          assert.ok(!(await listed(approval('awaiting', moderatorId))).includes(items[0]!));
          includes(await listed(approval('returned', writerId)), items[0]!, items[1]!);
          assert.deepEqual(await listed(approval('returned', moderatorId)), [], 'only the writer’s own answers');
          assert.deepEqual((await source.find(t.db, viewer(), items[0]!, NOW))?.answerApproval, {
            state: 'returned',
            writtenBy: writerId,
          });
          // The writer answers again (without four eyes now): no longer sent back.
          const again = await source.answer(t.db, {
            itemId: items[0]!,
            body: 'Op 12 december.',
            language: 'nl',
            actor: writer,
            now: new Date(NOW.getTime() + 60_000),
          });
          assert.equal(again.kind, 'answered');
          assert.ok(!(await listed(approval('returned', writerId))).includes(items[0]!));
          assert.equal((await source.find(t.db, viewer(), items[0]!, NOW))?.answerApproval, undefined);
        });

        it('refuses a decision made on an older version, saying what changed and by whom', async () => {
          const item = await make();
          const version = (await source.find(t.db, viewer(), item, NOW))!.version;
          const params = { itemId: item, actor: moderator(), now: NOW, expectedVersion: version };
          assert.equal((await source.decide(t.db, { ...params, decision: 'publish' })).kind, 'decided');
          assert.equal((await source.find(t.db, viewer(), item, NOW))!.version, version + 1);
          const stale = await source.decide(t.db, { ...params, decision: 'escalate' });
          assert.equal(stale.kind, 'stale');
          if (stale.kind !== 'stale') return;
          assert.equal(stale.version, version + 1);
          assert.deepEqual(
            stale.changes.map((c) => [c.action, c.by, c.to]),
            [['decision', 'moderator', 'published']],
          );
          assert.equal((await source.find(t.db, viewer(), item, NOW))!.reviewState, 'published');
        });

        it('lists nothing for someone who may not read the queue', async () => {
          await make();
          assert.deepEqual(await source.list(t.db, { organisationId, roles: grant('analyst') }, { now: NOW }), []);
        });

        it('finds one item in any state for the viewer, and holds only its own items', async () => {
          const item = await make({ state: 'rejected' });
          assert.equal((await source.find(t.db, viewer(), item, NOW))?.id, item);
          assert.equal(await source.find(t.db, { organisationId, roles: grant('analyst') }, item, NOW), undefined);
          assert.equal(await source.find(t.db, viewer(), randomUUID(), NOW), undefined);
          assert.equal(await source.holds(t.db, organisationId, item), true);
          assert.equal(await source.holds(t.db, randomUUID(), item), false);
          const others = MODERATION_SOURCES.filter((s) => s !== source);
          for (const other of others) assert.equal(await other.holds(t.db, organisationId, item), false);
        });

        it('decides with a house rule, audited, and refuses what cannot be decided', async () => {
          const item = await make();
          const params = { itemId: item, actor: moderator(), now: NOW };
          assert.deepEqual(await source.decide(t.db, { ...params, decision: 'reject' }), { kind: 'rule_required' });
          assert.deepEqual(await source.decide(t.db, { ...params, decision: 'reject', ruleCode: 'nope' }), {
            kind: 'unknown_rule',
          });
          assert.deepEqual(await source.decide(t.db, { ...params, actor: analyst(), decision: 'publish' }), {
            kind: 'forbidden',
          });
          assert.deepEqual(await source.decide(t.db, { ...params, itemId: randomUUID(), decision: 'publish' }), {
            kind: 'not_found',
          });
          assert.deepEqual(await source.decide(t.db, { ...params, decision: 'reject', ruleCode: 'privacy' }), {
            kind: 'decided',
            state: 'rejected',
          });
          assert.deepEqual(await source.decide(t.db, { ...params, decision: 'reject', ruleCode: 'privacy' }), {
            kind: 'already_decided',
            state: 'rejected',
          });
          assert.equal((await source.find(t.db, viewer(), item, NOW))?.reviewState, 'rejected');
          const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, item));
          assert.deepEqual(
            audit.filter((entry) => entry.action.endsWith('.decision')).map((entry) => entry.details.houseRule),
            ['privacy'],
          );
        });

        it("corrects an item's sentiment, and only an item it holds", async () => {
          const item = await make();
          const params = { organisationId, label: 'negative' as const, staffUserId: moderatorId, now: NOW };
          const result = await source.correctSentiment(t.db, { ...params, itemId: item });
          assert.equal(result.kind, 'corrected');
          const found = await source.find(t.db, viewer(), item, NOW);
          assert.deepEqual([found?.sentiment?.label, found?.sentiment?.method], ['negative', 'staff-correction']);
          assert.deepEqual(await source.correctSentiment(t.db, { ...params, itemId: randomUUID() }), {
            kind: 'not_found',
          });
        });

        it('answers an item, or says answering is not supported and leaves the item as it was', async () => {
          const item = await make({ state: 'needs_answer' });
          const params = { itemId: item, body: 'Dank u wel.', language: 'nl' as const, now: NOW };
          assert.deepEqual(await source.answer(t.db, { ...params, actor: analyst() }), { kind: 'forbidden' });
          assert.deepEqual(await source.answer(t.db, { ...params, itemId: randomUUID(), actor: moderator() }), {
            kind: 'not_found',
          });
          const result = await source.answer(t.db, { ...params, actor: moderator() });
          const state = (await source.find(t.db, viewer(), item, NOW))?.reviewState;
          if (source.supports.answer) {
            assert.equal(result.kind, 'answered');
            assert.equal(state, 'answered');
            const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, item));
            assert.ok(audit.some((entry) => entry.action.endsWith('.answered')));
          } else {
            assert.deepEqual(result, UNSUPPORTED);
            assert.equal(state, 'needs_answer');
          }
        });

        it('refuses an answer or an assignment made on an older version, saying what changed and by whom', async () => {
          const item = await make({ state: 'needs_answer' });
          const version = (await source.find(t.db, viewer(), item, NOW))!.version;
          const assigned = await source.assign(t.db, {
            itemId: item,
            assignment: { departmentId: null, staffUserId: moderatorId },
            actor: moderator(),
            now: NOW,
            expectedVersion: version,
          });
          if (!source.supports.assign || !source.supports.answer) return;
          assert.equal(assigned.kind, 'assigned');
          const answer = { itemId: item, body: 'Dank u.', language: 'nl' as const, actor: moderator(), now: NOW };
          const stale = await source.answer(t.db, { ...answer, expectedVersion: version });
          assert.equal(stale.kind, 'stale');
          if (stale.kind === 'stale')
            assert.deepEqual(
              stale.changes.map((c) => [c.action, c.by]),
              [['assigned', 'moderator']],
            );
          const staleAssignment = await source.assign(t.db, {
            itemId: item,
            assignment: { departmentId: null, staffUserId: null },
            actor: moderator(),
            now: NOW,
            expectedVersion: version,
          });
          assert.equal(staleAssignment.kind, 'stale');
          const found = await source.find(t.db, viewer(), item, NOW);
          assert.deepEqual([found?.reviewState, found?.assignedStaffUserId], ['needs_answer', moderatorId]);
          assert.equal((await source.answer(t.db, { ...answer, expectedVersion: version + 1 })).kind, 'answered');
        });

        it('lists an item routed to a department for that department, and waiting for its assignee only', async () => {
          if (!source.supports.assign) return;
          const [department] = await t.db
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.slug, 'contract-department'));
          const routed = await make({ consultation: HERE });
          const taken = await make({ consultation: HERE });
          for (const [itemId, staffUserId] of [
            [routed, null],
            [taken, moderatorId],
          ] as const) {
            const result = await source.assign(t.db, {
              itemId,
              assignment: { departmentId: department!.id, staffUserId },
              actor: moderator(),
              now: NOW,
            });
            assert.equal(result.kind, 'assigned');
          }
          const members = {
            organisationId,
            roles: [{ role: 'department_member' as const, departmentId: department!.id }],
          };
          const seen = (await source.list(t.db, members, { now: NOW, limit: 10_000 })).map((i) => i.id);
          assert.ok(seen.includes(routed) && seen.includes(taken), 'routed items show to the department');
          includes(await listed({ department: 'contract-department' }), routed, await make({ consultation: HERE }));
          const someoneElse = randomUUID();
          includes(await listed({ waitingFor: someoneElse }), routed, taken);
        });

        it('assigns an item, or says assigning is not supported', async () => {
          const item = await make();
          const params = { itemId: item, assignment: { departmentId: null, staffUserId: moderatorId }, now: NOW };
          assert.deepEqual(await source.assign(t.db, { ...params, actor: analyst() }), { kind: 'forbidden' });
          assert.deepEqual(await source.assign(t.db, { ...params, itemId: randomUUID(), actor: moderator() }), {
            kind: 'not_found',
          });
          const result = await source.assign(t.db, { ...params, actor: moderator() });
          if (source.supports.assign) {
            assert.equal(result.kind, 'assigned');
            assert.deepEqual(await source.assign(t.db, { ...params, actor: moderator() }), { kind: 'unchanged' });
          } else {
            assert.deepEqual(result, UNSUPPORTED);
          }
        });
      });
    }

    describe('the facade over all sources', () => {
      it('finds and decides the asked item of each source while older items of the other sources wait', async () => {
        const old = {
          input: await fixtures.input!.make({ createdAt: new Date(NOW.getTime() - 500 * DAY) }),
          social: await fixtures.social!.make({ createdAt: new Date(NOW.getTime() - 500 * DAY) }),
        };
        for (const source of MODERATION_SOURCES) {
          const item = await fixtures[source.name]!.make({ createdAt: NOW });
          const [listedItem] = await listQueue(t.db, viewer(), {
            states: ALL_STATES,
            itemId: item,
            now: NOW,
            limit: 1,
          });
          assert.equal(listedItem?.id, item);
          assert.equal((await findItem(t.db, viewer(), item, NOW))?.id, item);
          assert.deepEqual(await decide(t.db, { itemId: item, decision: 'escalate', actor: moderator(), now: NOW }), {
            kind: 'decided',
            state: 'escalated',
          });
          const queue = (await listQueue(t.db, viewer(), { now: NOW, limit: 10_000 })).map((i) => i.id);
          assert.ok(queue.includes(item) && queue.includes(old.input) && queue.includes(old.social));
        }
      });

      it('lists the items of all sources merged, oldest first', async () => {
        const items = await listQueue(t.db, viewer(), { now: NOW, limit: 10_000 });
        const times = items.map((item) => item.createdAt.getTime());
        assert.deepEqual(
          times,
          [...times].sort((a, b) => a - b),
        );
        assert.equal(new Set(items.map((i) => (i.channel === 'social' ? 'social' : 'input'))).size, 2);
      });

      it('counts the items of all sources, and no further than a limit wherever between the sources it falls', async () => {
        const perSource = await Promise.all(
          MODERATION_SOURCES.map((source) => source.count(t.db, viewer(), { now: NOW })),
        );
        assert.ok(
          perSource.every((n) => n > 0),
          `every source holds open items: ${perSource.join(', ')}`,
        );
        const all = perSource.reduce((sum, n) => sum + n, 0);
        assert.equal(await countQueue(t.db, viewer(), { now: NOW }), all);
        for (const upTo of [1, perSource[0]! - 1, perSource[0]!, perSource[0]! + 1, all - 1, all, all + 1]) {
          assert.equal(await countQueue(t.db, viewer(), { now: NOW }, upTo), Math.min(all, upTo), `up to ${upTo}`);
        }
      });
    });
  });
}
