import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import {
  consultations,
  organisations,
  socialPosts,
  submissionContacts,
  submissions,
  topics,
} from '../../../../api/db/schema.ts';
import { importMastodonThread } from '../../../../api/services/social/mastodon.ts';
import { importThread } from '../../../../api/services/social/threads.ts';
import {
  REPLIES_SHOWN,
  SIBLINGS_AROUND,
  threadContext,
  WHOLE_THREAD_LIMIT,
} from '../../../../api/services/moderation/item-context.ts';
import { mastodonAccount, mastodonStatus } from '../../../fixtures/social/payloads.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
const directory = {
  ownAccounts: ['gemeente@social.gemeente.example'],
  officialAccounts: ['politie@social.gemeente.example'],
};
type Login = { cookie: string; csrf: string };

/**
 * The municipality's root; Anna answers it, Bob answers Anna, the police answer the root.
 * Ids start with `root` so every thread's posts are distinct.
 */
function conversation(root: string, annaText: string) {
  return {
    status: mastodonStatus(root, { content: '<p>Waar wilt u de nieuwe fietsroute?</p>' }),
    context: {
      ancestors: [],
      descendants: [
        mastodonStatus(`${root}1`, {
          in_reply_to_id: root,
          account: mastodonAccount('anna'),
          url: `https://social.gemeente.example/@anna/${root}1`,
          content: `<p>${annaText}</p>`,
          created_at: '2026-11-20T10:00:00.000Z',
        }),
        mastodonStatus(`${root}2`, {
          in_reply_to_id: `${root}1`,
          account: mastodonAccount('bob'),
          url: `https://social.gemeente.example/@bob/${root}2`,
          content: '<p>Eens met Anna, langs het park is veiliger.</p>',
          created_at: '2026-11-20T11:00:00.000Z',
        }),
        mastodonStatus(`${root}3`, {
          in_reply_to_id: root,
          account: mastodonAccount('politie'),
          content: '<p>Wij kijken mee bij het kruispunt.</p>',
          created_at: '2026-11-20T12:00:00.000Z',
        }),
      ],
    },
  };
}

for (const target of databaseTargets()) {
  describe(`an item's context in the inbox: the conversation and the contact history (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let moderator: Login;
    let departmentMember: Login;
    let posts: Record<'root' | 'anna' | 'bob' | 'police', string>;
    let annaElsewhere: string;
    let otherOrganisationPost: string;

    const page = async (path: string, who: Login = moderator) => {
      const response = await t.app.request(path, { headers: { Cookie: who.cookie } });
      assert.equal(response.status, 200, path);
      return response.text();
    };
    /** The opened item only: the list beside it shows other items' excerpts. */
    const detail = async (path: string, who: Login = moderator) => {
      const html = await page(path, who);
      return html.slice(html.indexOf('data-inbox-detail'));
    };

    async function mirror(root: string, annaText: string, organisation = organisationId) {
      const thread = importMastodonThread(conversation(root, annaText), directory);
      // Demodam's threads belong to the bike-route consultation, so its traffic team sees them.
      const [consultation] = await t.db
        .select()
        .from(consultations)
        .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
      const { threadId } = await importThread(t.db, {
        organisationId: organisation,
        thread,
        live: false,
        consultationId: organisation === organisationId ? consultation!.id : null,
        now: NOW,
      });
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      const id = (external: string) => rows.find((p) => p.externalId === external)!.id;
      return { root: id(root), anna: id(`${root}1`), bob: id(`${root}2`), police: id(`${root}3`) };
    }

    async function submit(text: string, contact: { email?: string; consent?: boolean } = {}) {
      const response = await postJson(t.app, submitPath, {
        answers: { ...validAnswers, toelichting: text },
        ...contact,
      });
      assert.equal(response.status, 201, await response.clone().text());
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    /** Toetsdam, another municipality on the same Podium, with input by the same address. */
    async function otherOrganisation(email: string) {
      const [org] = await t.db
        .insert(organisations)
        .values({ slug: 'toetsdam', name: 'Gemeente Toetsdam' })
        .returning();
      const [topic] = await t.db
        .insert(topics)
        .values({ organisationId: org!.id, slug: 'toets', title: { nl: 'Toets' }, description: { nl: 'Toets' } })
        .returning();
      const [consultation] = await t.db
        .insert(consultations)
        .values({
          organisationId: org!.id,
          topicId: topic!.id,
          slug: 'toets-parkeren',
          title: { nl: 'Parkeren in Toetsdam' },
          summary: { nl: '-' },
          background: { nl: '-' },
          afterwards: { nl: '-' },
          whoDecides: { nl: '-' },
          status: 'open',
          opensAt: new Date('2026-10-01T00:00:00Z'),
          closesAt: new Date('2026-12-31T00:00:00Z'),
        })
        .returning();
      const [row] = await t.db
        .insert(submissions)
        .values({ consultationId: consultation!.id, channel: 'portal', language: 'nl', followUpCode: 'TOETS-1234' })
        .returning();
      await t.db
        .insert(submissionContacts)
        .values({ submissionId: row!.id, email, consentToContact: true, consentGivenAt: NOW });
      return org!.id;
    }

    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam')))[0]!.id;
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      await addStaffUser(t, 'team@demodam.example', 'department_member', { department: 'verkeer' });
      moderator = await logIn(t, 'moderator@demodam.example');
      departmentMember = await logIn(t, 'team@demodam.example');
      posts = await mirror('500', 'Langs het park graag, daar is het rustig.');
      // Anna's reply is published, so the portal already calls her "Inwoner A".
      const published = await staffPost(
        t,
        `/beheer/items/${posts.anna}`,
        [
          ['csrf', moderator.csrf],
          ['lang', 'nl'],
          ['version', '1'],
          ['decision', 'publish'],
        ],
        moderator.cookie,
      );
      assert.equal(published.status, 303);
      annaElsewhere = (await mirror('600', 'Ook hier: meer licht op het fietspad.')).anna;
      const toetsdam = await otherOrganisation('anna@example.org');
      otherOrganisationPost = (await mirror('700', 'In Toetsdam schreef ik dit.', toetsdam)).anna;
    });
    after(() => t.close());

    it('shows a reply with its author, the post it answers and the whole thread, this post marked', async () => {
      const html = await detail(`/beheer/items/${posts.bob}`);
      assert.match(html, /<h3 id="item-conversation-heading">Gesprek op Mastodon<\/h3>/);
      assert.match(
        html,
        /<dt>Geschreven door<\/dt><dd>Inwoner B<\/dd>/,
        'Bob gets the letter after the published Anna',
      );
      assert.match(
        html,
        /<dt>Reageert op<\/dt><dd>Inwoner A: <q lang="nl">Langs het park graag, daar is het rustig\.<\/q>/,
      );
      assert.match(html, new RegExp(`<a href="/beheer/items/${posts.anna}">Bericht van Inwoner A van `));
      const thread = html.slice(
        html.indexOf('<ol class="staff-thread"'),
        html.indexOf('</ol>', html.indexOf('<ol class="staff-thread"')),
      );
      assert.equal((thread.match(/<li /g) ?? []).length, 4, 'every post of the thread');
      assert.equal((thread.match(/aria-current="true"/g) ?? []).length, 1);
      assert.match(
        thread,
        /aria-current="true">\n<p class="staff-thread-this"><strong>Dit bericht<\/strong><\/p>\n<p class="staff-thread-by"><strong>Inwoner B<\/strong>/,
      );
      assert.match(
        thread,
        /Gemeente Voorbeeld \(account van de gemeente\)<\/strong>.*\n<p class="staff-thread-state"><span class="staff-visually-hidden">Status: <\/span>Gepubliceerd<\/p>/,
      );
      assert.match(thread, /Inwoner A<\/strong>[^\n]*reageert op Gemeente Voorbeeld[^\n]*\n[^\n]*Gepubliceerd<\/p>/);
      assert.match(thread, /<strong>Inwoner B<\/strong>[^\n]*\n[^\n]*Nieuw \(niet op het portaal\)<\/p>/);
      assert.match(thread, /politie[^<]* \(officieel account\)<\/strong>[^\n]*\n[^\n]*Nieuw \(niet op het portaal\)/);
      const context = html.slice(html.indexOf('id="item-conversation-heading"'), html.indexOf('<form method="post"'));
      assert.doesNotMatch(context, /@anna|@bob|anna :blobcat:|bob :blobcat:/, 'no name or handle of a resident');
      const english = await detail(`/en/manage/items/${posts.bob}`);
      assert.match(english, /<dt>Written by<\/dt><dd>Resident B<\/dd>/);
      assert.match(english, /<strong>This post<\/strong>/);
    });

    it('shows a long thread as the chain up to the root, the nearest siblings and the first replies, and says how much is left out', async () => {
      // The root, then 50 replies to it; one of them has a reply of its own, which has one too.
      const descendants = Array.from({ length: WHOLE_THREAD_LIMIT + 10 }, (_, n) =>
        mastodonStatus(`8${String(n).padStart(3, '0')}`, {
          in_reply_to_id: '900',
          account: mastodonAccount(`inwoner${n}`),
          content: `<p>Reactie ${n}</p>`,
        }),
      );
      descendants.push(
        mastodonStatus('9101', { in_reply_to_id: '8009', account: mastodonAccount('anna'), content: '<p>Midden</p>' }),
        mastodonStatus('9102', {
          in_reply_to_id: '9101',
          account: mastodonAccount('inwoner9'),
          content: '<p>Diep</p>',
        }),
      );
      const thread = importMastodonThread(
        { status: mastodonStatus('900'), context: { ancestors: [], descendants } },
        directory,
      );
      const { threadId } = await importThread(t.db, { organisationId, thread, live: false, now: NOW });
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      const id = (external: string) => rows.find((p) => p.externalId === external)!.id;
      const moderatorView = { organisationId, roles: [{ role: 'moderator' as const, departmentId: null }] };
      const deep = await threadContext(t.db, moderatorView, id('9101'));
      assert.equal(deep?.total, rows.length);
      assert.deepEqual(
        deep?.posts.map((p) => p.id),
        [id('900'), id('8009'), id('9101'), id('9102')],
        'root, parent, the post (an only child) and its reply',
      );
      // Each shown post with its own text; a resident who wrote twice has one letter.
      assert.deepEqual(
        deep?.posts.map((p) => p.excerpt),
        [rows.find((p) => p.externalId === '900')!.contentText, 'Reactie 9', 'Midden', 'Diep'],
      );
      assert.ok(deep!.posts[0]!.excerpt.length > 0, "the root's own text");
      assert.equal(deep?.posts[1]?.author.kind, 'resident');
      assert.deepEqual(deep?.posts[3]?.author, deep?.posts[1]?.author, 'inwoner9 wrote 8009 and 9102');
      assert.notDeepEqual(deep?.posts[2]?.author, deep?.posts[1]?.author);
      assert.deepEqual(deep?.posts[3]?.answers, deep?.posts[2]?.author);
      assert.deepEqual(deep?.parent?.excerpt, 'Reactie 9');
      const wide = await threadContext(t.db, moderatorView, id('8020'));
      assert.deepEqual(
        wide?.posts.map((p) => p.id),
        [id('900'), ...Array.from({ length: 2 * SIBLINGS_AROUND + 1 }, (_, n) => id(`80${15 + n}`))],
        'the root and the nearest replies to it on either side, not all fifty',
      );
      assert.equal(wide?.posts.filter((p) => p.current).length, 1);
      const first = await threadContext(t.db, moderatorView, id('8000'));
      assert.equal(first?.posts.length, 1 + 1 + SIBLINGS_AROUND, 'at the start: the root, the post, those after it');
      const root = await threadContext(t.db, moderatorView, id('900'));
      assert.deepEqual(
        root?.posts.map((p) => p.id),
        [id('900'), ...Array.from({ length: REPLIES_SHOWN }, (_, n) => id(`800${n}`))],
        'the root and its first replies',
      );
      const html = await detail(`/beheer/items/${id('9101')}`);
      assert.match(html, new RegExp(`u ziet 4 van de ${rows.length} berichten`));
      assert.equal(
        await threadContext(t.db, { ...moderatorView, organisationId: randomUUID() }, id('9101')),
        undefined,
        "another organisation's staff get nothing",
      );
    });

    it('finds a resident by address and an account by author through their indexes, not by reading every row', async () => {
      const plan = async (query: string) => {
        // Without the index the planner has no choice but a sequential scan, whatever it is told.
        const rows = await t.db.transaction(async (tx) => {
          await tx.execute(sql.raw('set local enable_seqscan = off'));
          return tx.execute(sql.raw(`explain ${query}`));
        });
        const lines = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
        return lines.map((line) => Object.values(line as Record<string, string>)[0]).join('\n');
      };
      assert.match(
        await plan(
          "select submission_id from submission_contacts where lower(email) = lower('sam@example.org') and consent_to_contact = true",
        ),
        /submission_contacts_email\b/,
      );
      // A residents'-rights search finds every address, with consent or without (personal-data.ts).
      assert.match(
        await plan("select submission_id from submission_contacts where lower(email) = 'sam@example.org'"),
        /submission_contacts_email\b/,
      );
      assert.match(
        await plan(
          "select id from social_posts where author_id = '00000000-0000-0000-0000-000000000000' order by created_at desc limit 20",
        ),
        /social_posts_author/,
      );
    });

    it('says that the root starts the conversation and names the municipality as its author', async () => {
      const html = await detail(`/beheer/items/${posts.root}`);
      assert.match(html, /<dt>Geschreven door<\/dt><dd>Gemeente Voorbeeld \(account van de gemeente\)<\/dd>/);
      assert.match(html, /<dt>Reageert op<\/dt><dd>Dit bericht begint het gesprek\.<\/dd>/);
      assert.match(html, /Dit is een account van de gemeente: er is geen contactgeschiedenis\./);
    });

    it('names an official account by its name and shows what it answers', async () => {
      const html = await detail(`/beheer/items/${posts.police}`);
      assert.match(html, /<dt>Geschreven door<\/dt><dd>politie[^<]* \(officieel account\)<\/dd>/);
      assert.match(
        html,
        /<dt>Reageert op<\/dt><dd>Gemeente Voorbeeld \(account van de gemeente\): <q lang="nl">Waar wilt u/,
      );
    });

    it("lists the same account's other posts in this organisation only, by link", async () => {
      const html = await detail(`/beheer/items/${posts.anna}`);
      const history = html.slice(html.indexOf('id="item-history-heading"'), html.indexOf('<form method="post"'));
      assert.match(history, /Andere berichten van hetzelfde account/);
      assert.match(history, new RegExp(`<a href="/beheer/items/${annaElsewhere}">`));
      assert.match(history, /Ook hier: meer licht op het fietspad\./);
      assert.doesNotMatch(history, new RegExp(otherOrganisationPost), "never another organisation's post");
      assert.doesNotMatch(history, /Toetsdam/);
      assert.doesNotMatch(history, new RegExp(`/beheer/items/${posts.anna}"`), 'not the item itself');
    });

    it('links input with the same address (in any case) where both came with consent, and says why others are not linked', async () => {
      const first = await submit('Eerste: meer fietsenrekken bij het station.', {
        email: 'Sam@Example.org',
        consent: true,
      });
      const second = await submit('Tweede: de stoep is te smal.', { email: 'sam@example.org', consent: true });
      const withoutConsent = await submit('Zonder toestemming: ik wil niet gekoppeld worden.');
      await t.db
        .insert(submissionContacts)
        .values({ submissionId: withoutConsent.id, email: 'sam@example.org', consentToContact: false });
      const html = await detail(`/beheer/items/${second.id}`);
      const history = html.slice(html.indexOf('id="item-history-heading"'));
      assert.match(history, /Inbreng zonder die toestemming wordt niet gekoppeld\./);
      assert.match(history, new RegExp(`<a href="/beheer/items/${first.id}">Nieuwe fietsroute Stationsstraat</a>`));
      assert.match(
        history,
        /<p class="staff-history-text" lang="nl">Eerste: meer fietsenrekken bij het station\.<\/p>/,
      );
      assert.match(history, /<dt>Status<\/dt><dd>Nieuw<\/dd>/);
      assert.doesNotMatch(history, new RegExp(withoutConsent.id), 'input without consent is not linked');
      assert.doesNotMatch(html, /sam@example\.org/i, 'the address itself is never shown');
      const refused = await detail(`/beheer/items/${withoutConsent.id}`);
      assert.match(refused, /De inwoner gaf geen toestemming voor contact\./);
      assert.doesNotMatch(refused, new RegExp(first.id));
      const anonymous = await detail(`/beheer/items/${(await submit('Zonder adres.')).id}`);
      assert.match(anonymous, /De inwoner gaf geen e-mailadres\./);
    });

    it("never shows another organisation's input with the same address", async () => {
      const mine = await submit('Anna via het portaal.', { email: 'anna@example.org', consent: true });
      const html = await detail(`/beheer/items/${mine.id}`);
      assert.match(html, /Geen andere bijdragen gevonden\./);
      assert.doesNotMatch(html, /Parkeren in Toetsdam/);
    });

    it('leaves erased input out of the history', async () => {
      const kept = await submit('Blijft: het kruispunt is onoverzichtelijk.', {
        email: 'erik@example.org',
        consent: true,
      });
      const erased = await submit('Wordt gewist: mijn buurman.', { email: 'erik@example.org', consent: true });
      const before = await detail(`/beheer/items/${kept.id}`);
      assert.match(before, new RegExp(`/beheer/items/${erased.id}`), 'linked before the erasure');
      const erasure = await postJson(t.app, `/api/follow-up/${erased.followUpCode}/erase`, { confirm: true });
      assert.equal(erasure.status, 200);
      const html = await detail(`/beheer/items/${kept.id}`);
      assert.doesNotMatch(html, new RegExp(erased.id));
      assert.doesNotMatch(html, /Wordt gewist/);
      assert.match(html, /Geen andere bijdragen gevonden\./);
    });

    it('shows a role without contacts.read the conversation but neither the history nor a hint of its size', async () => {
      const first = await submit('Team: eerste.', { email: 'teun@example.org', consent: true });
      const second = await submit('Team: tweede.', { email: 'teun@example.org', consent: true });
      const html = await detail(`/beheer/items/${second.id}`, departmentMember);
      assert.match(html, /<h2 id="item-detail-heading"/, 'the member sees the item');
      assert.doesNotMatch(html, /item-history-heading|Eerdere bijdragen|bijdragen|toestemming voor contact/);
      assert.doesNotMatch(html, new RegExp(first.id));
      const social = await detail(`/beheer/items/${posts.anna}`, departmentMember);
      assert.doesNotMatch(social, /item-history-heading|Andere berichten van hetzelfde account/);
      assert.doesNotMatch(social, new RegExp(annaElsewhere));
    });
  });
}
