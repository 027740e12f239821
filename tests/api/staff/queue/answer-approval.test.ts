/**
 * Four eyes on an answer in the workbench (api/staff/queue/answer-approval-routes.ts, the JSON
 * routes in api.ts): an administrator turns approval on in the channel guidelines, webcare's
 * answer then waits on the item page with who wrote it, its writer is refused with a clear
 * message, a colleague sends it back or approves it through the form or the API; and bad
 * input, refused as a problem or at its field, with nothing changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { channelGuidelines, organisations, socialPosts, staffReplies, staffUsers } from '../../../../api/db/schema.ts';
import { importThreadFrom } from '../../../../api/services/social/thread-admin.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../../../support/platform-server.ts';
import { addStaffUser, apiKeyFor, logIn, staffPost, withKey } from '../../../support/staff.ts';

type Problem = { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };
type Guideline = { id: string; platform: string | null; version: number; answersNeedApproval: boolean } & Record<
  string,
  unknown
>;

for (const target of databaseTargets()) {
  describe(`four eyes on an answer in the workbench (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    const keys: Record<'admin' | 'writer' | 'colleague' | 'analyst', string> = {
      admin: '',
      writer: '',
      colleague: '',
      analyst: '',
    };

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      keys.admin = await apiKeyFor(t, await addStaffUser(t, 'beheer@ogen.example', 'administrator'));
      keys.writer = await apiKeyFor(t, await addStaffUser(t, 'schrijver@ogen.example', 'webcare'));
      keys.colleague = await apiKeyFor(t, await addStaffUser(t, 'moderator@ogen.example', 'moderator'));
      keys.analyst = await apiKeyFor(t, await addStaffUser(t, 'analist@ogen.example', 'analyst'));
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    async function residentPost(rootId: string) {
      seedMastodonThread(platform, rootId);
      const outcome = await importThreadFrom(t.db, {
        organisationId,
        url: platform.mastodonUrl(rootId),
        accounts: { ownAccounts: ['gemeente'] },
        publish: true,
        settings: { allowPrivateHosts: true },
        now: NOW,
      });
      const threadId = (outcome as { threadId: string }).threadId;
      const [reply] = await t.db
        .select()
        .from(socialPosts)
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)));
      return reply!;
    }
    const versionOf = async (id: string) =>
      (await t.db.select({ v: socialPosts.version }).from(socialPosts).where(eq(socialPosts.id, id)))[0]!.v;
    const refusal = async (response: Response, status: number) => {
      assert.equal(response.status, status);
      return (await response.json()) as Problem;
    };
    /** Webcare writes an answer through the API; it waits for approval. */
    async function waitingAnswer(rootId: string) {
      const post = await residentPost(rootId);
      const saved = await withKey(t, keys.writer, 'POST', `/api/staff/items/${post.id}/answer`, {
        version: post.version,
        body: 'Dank u, de veegwagen komt vandaag.',
        language: 'nl',
      });
      assert.equal(saved.status, 200);
      assert.deepEqual(((await saved.json()) as { parts: string[] }).parts, ['answer_for_approval']);
      return post.id;
    }

    it('lets an administrator turn approval of answers on for Mastodon, versioned and audited; left out, it stays', async () => {
      const list = await withKey(t, keys.admin, 'GET', '/api/staff/channel-guidelines');
      const { guidelines } = (await list.json()) as { guidelines: Guideline[] };
      const mastodon = guidelines.find((g) => g.platform === 'mastodon')!;
      assert.equal(mastodon.answersNeedApproval, false);
      const { id, key, channel, platform: p, responseDays, responseHours, ...rest } = mastodon;
      void [key, channel, p, responseDays, responseHours];
      const body = {
        version: rest.version,
        name: rest['name'],
        repliesAllowed: rest['repliesAllowed'],
        moderatedByDepartmentId: rest['moderatedByDepartmentId'],
        postingHours: rest['postingHours'],
      };
      const wrongType = await withKey(t, keys.admin, 'PUT', `/api/staff/channel-guidelines/${id}`, {
        ...body,
        answersNeedApproval: 'ja',
      });
      assert.equal(wrongType.status, 422);
      const saved = await withKey(t, keys.admin, 'PUT', `/api/staff/channel-guidelines/${id}`, {
        ...body,
        answersNeedApproval: true,
      });
      assert.equal(saved.status, 200);
      const after = (await saved.json()) as Guideline;
      assert.equal(after.answersNeedApproval, true);
      assert.equal(after.version, mastodon.version + 1);
      // A save that leaves the approvals out (a script from before them) keeps them as they are.
      const again = await withKey(t, keys.admin, 'PUT', `/api/staff/channel-guidelines/${id}`, {
        ...body,
        version: after.version,
        repliesAllowed: !body.repliesAllowed,
      });
      assert.equal(((await again.json()) as Guideline).answersNeedApproval, true);
      const [row] = await t.db.select().from(channelGuidelines).where(eq(channelGuidelines.id, id));
      assert.equal(row!.answersNeedApproval, true);
    });

    it('shows the waiting answer on the item page with who wrote it; the writer sees no buttons, a colleague does', async () => {
      const id = await waitingAnswer('91');
      const writer = await logIn(t, 'schrijver@ogen.example');
      const own = await (await t.app.request(`/beheer/items/${id}`, { headers: { Cookie: writer.cookie } })).text();
      assert.match(own, /Antwoord wacht op goedkeuring/);
      assert.match(own, /Geschreven door schrijver op/);
      assert.match(own, /U schreef dit antwoord zelf/);
      assert.doesNotMatch(own, /Antwoord goedkeuren en plaatsen/);
      const colleague = await logIn(t, 'moderator@ogen.example');
      const page = await (await t.app.request(`/beheer/items/${id}`, { headers: { Cookie: colleague.cookie } })).text();
      assert.match(page, /Antwoord goedkeuren en plaatsen/);
      assert.match(page, /Antwoord terugsturen/);
      const json = (await (await withKey(t, keys.colleague, 'GET', `/api/staff/items/${id}`)).json()) as {
        approval: { state: string; writtenBy: { name: string } };
      };
      assert.equal(json.approval.state, 'awaiting');
      assert.equal(json.approval.writtenBy.name, 'schrijver');
    });

    it('refuses the writer’s own approval with a clear message, and roles without the permission', async () => {
      const id = await waitingAnswer('92');
      const version = await versionOf(id);
      const own = await refusal(
        await withKey(t, keys.writer, 'POST', `/api/staff/items/${id}/answer/approve`, { version }),
        409,
      );
      assert.match(own.title, /eigen antwoord niet goedkeuren/);
      const english = await refusal(
        await withKey(
          t,
          keys.writer,
          'POST',
          `/api/staff/items/${id}/answer/approve`,
          { version },
          {
            'Accept-Language': 'en',
          },
        ),
        409,
      );
      assert.match(english.title, /cannot approve or send back your own answer/);
      await refusal(await withKey(t, keys.analyst, 'POST', `/api/staff/items/${id}/answer/approve`, { version }), 403);
      const anonymous = await t.app.request(`/api/staff/items/${id}/answer/return`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version, note: 'x' }),
      });
      assert.equal(anonymous.status, 401);
      // Through the form too: the writer's post is refused with the message, nothing changes.
      const writer = await logIn(t, 'schrijver@ogen.example');
      const form = await staffPost(
        t,
        `/beheer/items/${id}/antwoord/goedkeuren`,
        [
          ['csrf', writer.csrf],
          ['version', String(version)],
        ],
        writer.cookie,
      );
      assert.equal(form.status, 409);
      assert.match(await form.text(), /U kunt uw eigen antwoord niet goedkeuren/);
      assert.equal(await versionOf(id), version);
    });

    it('refuses bad input as a problem that names the field, with nothing changed', async () => {
      const id = await waitingAnswer('93');
      const version = await versionOf(id);
      const path = `/api/staff/items/${id}/answer`;
      const noVersion = await refusal(await withKey(t, keys.colleague, 'POST', `${path}/approve`, {}), 422);
      assert.ok(noVersion.errors?.some((e) => e.field === 'version'));
      const extra = await withKey(t, keys.colleague, 'POST', `${path}/approve`, { version, force: true });
      assert.equal(extra.status, 422);
      const emptyNote = await refusal(
        await withKey(t, keys.colleague, 'POST', `${path}/return`, { version, note: ' ' }),
        422,
      );
      assert.ok(emptyNote.errors?.some((e) => e.field === 'note'));
      const longNote = await withKey(t, keys.colleague, 'POST', `${path}/return`, { version, note: 'x'.repeat(2001) });
      assert.equal(longNote.status, 422);
      const badId = await withKey(t, keys.colleague, 'POST', '/api/staff/items/niet-een-id/answer/approve', {
        version,
      });
      assert.ok([404, 422].includes(badId.status));
      const unknown = await withKey(
        t,
        keys.colleague,
        'POST',
        '/api/staff/items/00000000-0000-4000-8000-000000000000/answer/approve',
        { version },
      );
      assert.equal(unknown.status, 404);
      const stale = await refusal(
        await withKey(t, keys.colleague, 'POST', `${path}/approve`, { version: version - 1 }),
        409,
      );
      assert.match(stale.detail ?? '', /answer_submitted/);
      const colleague = await logIn(t, 'moderator@ogen.example');
      const form = await staffPost(
        t,
        `/beheer/items/${id}/antwoord/terugsturen`,
        [
          ['csrf', colleague.csrf],
          ['version', String(version)],
          ['note', ''],
        ],
        colleague.cookie,
      );
      assert.equal(form.status, 422);
      assert.match(await form.text(), /Schrijf een toelichting/);
      assert.equal(await versionOf(id), version);
    });

    it('sends an answer back with a note through the form, which the writer then reads on the item', async () => {
      const id = await waitingAnswer('94');
      const colleague = await logIn(t, 'moderator@ogen.example');
      const sent = await staffPost(
        t,
        `/beheer/items/${id}/antwoord/terugsturen`,
        [
          ['csrf', colleague.csrf],
          ['version', String(await versionOf(id))],
          ['note', 'Noem ook wanneer de veegwagen komt.'],
        ],
        colleague.cookie,
      );
      assert.equal(sent.status, 303);
      assert.match(sent.headers.get('Location') ?? '', /opgeslagen=teruggestuurd/);
      const writer = await logIn(t, 'schrijver@ogen.example');
      const page = await (await t.app.request(`/beheer/items/${id}`, { headers: { Cookie: writer.cookie } })).text();
      assert.match(page, /Antwoord teruggestuurd/);
      assert.match(page, /Noem ook wanneer de veegwagen komt\./);
    });

    it('lets a colleague find answers awaiting their approval in the inbox and the API, marked in words, never the writer', async () => {
      const id = await waitingAnswer('96');
      const [writerRow] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'schrijver@ogen.example'));
      const colleague = await logIn(t, 'moderator@ogen.example');
      const inbox = async (who: { cookie: string }, path: string) =>
        (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
      const mine = await inbox(colleague, '/beheer/?approval=awaiting');
      assert.match(
        mine,
        /<label for="filter-approval">Goedkeuring van antwoorden<\/label><select id="filter-approval" name="approval">/,
      );
      assert.match(mine, /<option value="awaiting" selected>Wacht op mijn goedkeuring<\/option>/);
      assert.ok(mine.includes(`/beheer/items/${id}?approval=awaiting`), 'the waiting answer is listed');
      assert.match(mine, /<span class="staff-approval-mark">Antwoord wacht op goedkeuring<\/span>/);
      // The default list keeps to open items; the filter finds the answer whatever the item's state.
      const unanswered = await residentPost('97');
      assert.ok(!mine.includes(`/beheer/items/${unanswered.id}`), 'an item without a waiting answer is not');
      const writer = await logIn(t, 'schrijver@ogen.example');
      assert.ok(!(await inbox(writer, '/beheer/?approval=awaiting')).includes(id), 'nobody approves their own');
      const english = await inbox(colleague, '/en/manage/?approval=awaiting');
      assert.match(english, /<span class="staff-approval-mark">Answer awaiting approval<\/span>/);
      // A value the form does not offer lists as without the filter, as every inbox filter does.
      assert.equal(
        (await t.app.request('/beheer/?approval=nope', { headers: { Cookie: colleague.cookie } })).status,
        200,
      );

      type Page = { items: Array<{ id: string; answerApproval: unknown }>; next: string | null };
      const listed = async (key: string, query: string) => {
        const response = await withKey(t, key, 'GET', `/api/staff/queue?${query}`);
        assert.equal(response.status, 200);
        return (await response.json()) as Page;
      };
      const api = await listed(keys.colleague, 'approval=awaiting&limit=100');
      const found = api.items.find((item) => item.id === id);
      assert.deepEqual(found?.answerApproval, { state: 'awaiting', writtenBy: writerRow!.id });
      assert.ok(api.items.every((item) => item.answerApproval !== null));
      assert.ok(!(await listed(keys.writer, 'approval=awaiting&limit=100')).items.some((item) => item.id === id));
      const plain = await listed(
        keys.colleague,
        `limit=100&status=${(await t.db.select().from(socialPosts).where(eq(socialPosts.id, unanswered.id)))[0]!.reviewState}`,
      );
      assert.equal(plain.items.find((item) => item.id === unanswered.id)?.answerApproval, null);
      const bad = await refusal(await withKey(t, keys.colleague, 'GET', '/api/staff/queue?approval=nope'), 422);
      assert.ok(bad.errors?.some((e) => e.field === 'approval'));
    });

    it('lets the writer find their answers sent back, with the text in the answer field to change', async () => {
      const id = await waitingAnswer('98');
      const sent = await withKey(t, keys.colleague, 'POST', `/api/staff/items/${id}/answer/return`, {
        version: await versionOf(id),
        note: 'Noem de datum.',
      });
      assert.equal(sent.status, 200);
      const writer = await logIn(t, 'schrijver@ogen.example');
      const colleague = await logIn(t, 'moderator@ogen.example');
      const inbox = async (who: { cookie: string }, path: string) =>
        (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
      const returned = await inbox(writer, '/beheer/?approval=returned');
      assert.ok(returned.includes(`/beheer/items/${id}?approval=returned`));
      assert.match(returned, /<span class="staff-approval-mark">Teruggestuurd<\/span>/);
      assert.match(
        await inbox(writer, '/en/manage/?approval=returned'),
        /<span class="staff-approval-mark">Sent back<\/span>/,
      );
      assert.ok(!(await inbox(colleague, '/beheer/?approval=returned')).includes(id), 'only the writer’s own');
      assert.ok(!(await inbox(colleague, '/beheer/?approval=awaiting')).includes(id), 'no longer waiting');
      const api = (await (await withKey(t, keys.writer, 'GET', '/api/staff/queue?approval=returned')).json()) as {
        items: Array<{ id: string; answerApproval: { state: string } | null }>;
      };
      assert.equal(api.items.find((item) => item.id === id)?.answerApproval?.state, 'returned');
      const page = await inbox(writer, `/beheer/items/${id}`);
      assert.match(page, /Uw teruggestuurde antwoord staat in het antwoordveld/);
      assert.match(page, /name="answer"[^>]*>Dank u, de veegwagen komt vandaag\.<\/textarea>/);
      // A colleague's field stays empty: only the writer's own text is put back.
      assert.match(await inbox(colleague, `/beheer/items/${id}`), /name="answer"[^>]*><\/textarea>/);
    });

    it('publishes the answer when a colleague approves it through the API', async () => {
      const id = await waitingAnswer('95');
      const version = await versionOf(id);
      const approved = await withKey(t, keys.colleague, 'POST', `/api/staff/items/${id}/answer/approve`, { version });
      assert.equal(approved.status, 200);
      assert.deepEqual(await approved.json(), { state: 'approved', version: version + 1, posting: false });
      const replies = await t.db.select().from(staffReplies).where(eq(staffReplies.socialPostId, id));
      assert.equal(replies.length, 1);
      const json = (await (await withKey(t, keys.colleague, 'GET', `/api/staff/items/${id}`)).json()) as {
        approval: unknown;
        item: { state: string };
      };
      assert.equal(json.approval, null);
      assert.equal(json.item.state, 'answered');
    });
  });
}
