import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { submissions } from '../../api/db/schema.ts';
import { NOW, openTestApp, postForm, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { addStaffUser, logIn } from '../support/staff.ts';

const path = '/api/consultations/fietsroute-stationsstraat/submissions';
type Challenge = { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string };

/** What a browser does: try numbers until SHA-256(salt + n) matches, then encode the payload. */
function solve(challenge: Challenge): string {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    ) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(
        JSON.stringify({ algorithm, challenge: challenge.challenge, number: n, salt, signature }),
      ).toString('base64');
    }
  }
  throw new Error('No solution found');
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));

async function newChallenge(app: TestApp['app']): Promise<Challenge> {
  const response = await app.request('/api/challenge');
  assert.equal(response.status, 200);
  return response.json();
}

async function proofOfWorkOf(t: TestApp, code: string) {
  const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
  return row?.screening?.proofOfWork;
}

for (const target of databaseTargets()) {
  describe(`proof of work on submissions (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    before(async () => {
      t = await openTestApp(target, { now: () => clock });
    });
    after(() => t.close());

    it('issues a signed SHA-256 challenge that expires in twenty minutes and is never cached', async () => {
      const response = await t.app.request('/api/challenge', { headers: { Origin: 'http://localhost:8080' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'http://localhost:8080');
      const challenge: Challenge = await response.json();
      assert.equal(challenge.algorithm, 'SHA-256');
      assert.equal(challenge.maxnumber, 100_000);
      const expires = Number(new URLSearchParams(challenge.salt.split('?')[1]).get('expires'));
      assert.equal(expires, NOW.getTime() / 1000 + 20 * 60);
      assert.match(challenge.signature, /^[0-9a-f]{64}$/);
      const other = await newChallenge(t.app);
      assert.notEqual(other.salt, challenge.salt, 'every challenge has its own salt');
    });

    it('documents the challenge and the altcha field in the OpenAPI document', async () => {
      const document = await (await t.app.request('/api/openapi.json')).json();
      assert.ok(document.paths['/api/challenge']?.get, 'GET /api/challenge is documented');
      assert.ok(document.components.schemas.SubmissionRequest.properties.altcha, 'the altcha field is documented');
    });

    it('accepts input with a valid solution and records it as verified', async () => {
      const altcha = solve(await newChallenge(t.app));
      const response = await postJson(t.app, path, { answers: validAnswers, altcha });
      assert.equal(response.status, 201);
      assert.equal(await proofOfWorkOf(t, (await response.json()).code), 'verified');
    });

    it('accepts input without a solution and records "no proof of work" for moderators', async () => {
      const response = await postJson(t.app, path, { answers: validAnswers });
      assert.equal(response.status, 201);
      assert.equal(await proofOfWorkOf(t, (await response.json()).code), 'missing');
    });

    it('shows moderators in the queue which input came without a proof of work', async () => {
      const without = await postJson(t.app, path, { answers: { route: 'parklaan', toelichting: 'Zonder bewijs.' } });
      const altcha = solve(await newChallenge(t.app));
      const withProof = await postJson(t.app, path, {
        answers: { route: 'parklaan', toelichting: 'Met bewijs.' },
        altcha,
      });
      assert.equal(without.status, 201);
      assert.equal(withProof.status, 201);
      await addStaffUser(t, 'pow-moderator@demodam.example', 'moderator');
      const { cookie } = await logIn(t, 'pow-moderator@demodam.example');
      const page = await (await t.app.request('/beheer/', { headers: { Cookie: cookie } })).text();
      // Each item's own page (linked from the list) says it.
      const itemPage = async (text: string, lang: 'nl' | 'en' = 'nl') => {
        const row = page.split('<li').find((part) => part.includes(text)) ?? '';
        const id = row.match(/href="\/beheer\/items\/([0-9a-f-]{36})/)?.[1];
        assert.ok(id, `the list links to the item with ${text}`);
        const path = lang === 'en' ? `/en/manage/items/${id}` : `/beheer/items/${id}`;
        return (await t.app.request(path, { headers: { Cookie: cookie } })).text();
      };
      assert.match(await itemPage('Zonder bewijs.'), /Geen bewijs van werk/);
      assert.doesNotMatch(await itemPage('Met bewijs.'), /Geen bewijs van werk/);
      assert.match(await itemPage('Zonder bewijs.', 'en'), /No proof of work/);
    });

    it('refuses a wrong number, a forged signature and garbage, in Dutch and English, storing nothing', async () => {
      const challenge = await newChallenge(t.app);
      const good = decode(solve(challenge));
      const forged = createHmac('sha256', 'not-the-secret').update(challenge.challenge).digest('hex');
      const bad = [
        encode({ ...good, number: good.number + 1 }),
        encode({ ...good, signature: forged }),
        encode({ ...good, algorithm: 'SHA-1' }),
        'bm90IGpzb24=',
        '%%%',
      ];
      const before = await t.db.$count(submissions);
      for (const altcha of bad) {
        const response = await postJson(t.app, path, { answers: validAnswers, altcha });
        assert.equal(response.status, 400, altcha);
        const problem = await response.json();
        assert.equal(problem.type, 'https://podium.nl/problems/proof-of-work-invalid');
        assert.equal(problem.title, 'De controle tegen spam klopt niet.');
        assert.match(problem.detail, /Wat u invulde staat nog in het formulier/);
      }
      const english = await postJson(
        t.app,
        path,
        { answers: validAnswers, altcha: bad[0] },
        { 'Accept-Language': 'en' },
      );
      assert.equal((await english.json()).title, 'The check against spam is not valid.');
      assert.equal(await t.db.$count(submissions), before);
    });

    it('refuses an expired solution', async () => {
      const altcha = solve(await newChallenge(t.app));
      clock = new Date(NOW.getTime() + 21 * 60 * 1000);
      try {
        const response = await postJson(t.app, path, { answers: validAnswers, altcha });
        assert.equal(response.status, 400);
        assert.equal((await response.json()).type, 'https://podium.nl/problems/proof-of-work-expired');
      } finally {
        clock = NOW;
      }
    });

    it('refuses a solution used before, even for other input', async () => {
      const altcha = solve(await newChallenge(t.app));
      assert.equal((await postJson(t.app, path, { answers: validAnswers, altcha })).status, 201);
      const before = await t.db.$count(submissions);
      const again = await postJson(t.app, path, { answers: { ...validAnswers, route: 'stationsstraat' }, altcha });
      assert.equal(again.status, 400);
      assert.equal((await again.json()).type, 'https://podium.nl/problems/proof-of-work-replayed');
      assert.equal(await t.db.$count(submissions), before);
    });

    it('answers a retry with the same idempotency key and solution with the first receipt', async () => {
      const altcha = solve(await newChallenge(t.app));
      const headers = { 'Idempotency-Key': 'pow-retry-after-timeout' };
      const first = await postJson(t.app, path, { answers: validAnswers, altcha }, headers);
      const second = await postJson(t.app, path, { answers: validAnswers, altcha }, headers);
      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      assert.equal((await second.json()).code, (await first.json()).code);
    });

    it('does not use up a solution when the answers are refused', async () => {
      const altcha = solve(await newChallenge(t.app));
      const invalid = await postJson(t.app, path, { answers: { ...validAnswers, route: 'nergens' }, altcha });
      assert.equal(invalid.status, 422);
      const fixed = await postJson(t.app, path, { answers: validAnswers, altcha });
      assert.equal(fixed.status, 201);
    });

    it('checks the solution of a form post and gives the form back, filled in, when it is refused', async () => {
      const fields: Array<[string, string]> = [
        ['lang', 'nl'],
        ['answers.route', 'parklaan'],
        ['answers.veiligheid', '3'],
        ['answers.toelichting', 'Een bankje bij de bushalte.'],
      ];
      const altcha = solve(await newChallenge(t.app));
      const accepted = await postForm(t.app, path, [...fields, ['altcha', altcha]]);
      assert.equal(accepted.status, 303);
      const code = accepted.headers.get('Location')!.split('/')[2]!;
      assert.equal(await proofOfWorkOf(t, code), 'verified');

      const replayed = await postForm(t.app, path, [...fields, ['altcha', altcha]]);
      assert.equal(replayed.status, 422);
      const page = await replayed.text();
      assert.match(page, /Deze controle tegen spam is al gebruikt\. Uw inbreng is nog niet verstuurd\./);
      assert.match(page, /Een bankje bij de bushalte\./, 'what the resident typed is still in the form');
      assert.doesNotMatch(page, new RegExp(altcha.slice(0, 24)), 'the used solution is not put back');

      const withoutJavaScript = await postForm(t.app, path, fields);
      assert.equal(withoutJavaScript.status, 303);
      assert.equal(await proofOfWorkOf(t, withoutJavaScript.headers.get('Location')!.split('/')[2]!), 'missing');
    });

    it('keeps a generated secret in the database, so another process checks what this one signed', async () => {
      const second = createApp({ db: t.db, databaseKind: t.database.kind, now: () => NOW });
      const altcha = solve(await newChallenge(t.app));
      const response = await postJson(second, path, { answers: validAnswers, altcha });
      assert.equal(response.status, 201);
    });

    it('signs with PODIUM_POW_SECRET when it is configured', async () => {
      const configured = createApp({
        db: t.db,
        databaseKind: t.database.kind,
        now: () => NOW,
        powSecret: 'a-configured-secret',
        powSettings: { maxNumber: 1_000, ttlSeconds: 60 },
      });
      const challenge: Challenge = await (await configured.request('/api/challenge')).json();
      assert.equal(challenge.maxnumber, 1_000);
      assert.equal(
        challenge.signature,
        createHmac('sha256', 'a-configured-secret').update(challenge.challenge).digest('hex'),
      );
      const refused = await postJson(t.app, path, { answers: validAnswers, altcha: solve(challenge) });
      assert.equal(refused.status, 400, 'the stored secret does not accept what the configured one signed');
    });
  });
}
