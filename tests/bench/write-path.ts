/**
 * The write path side by side (issue 18, item 3): residents' input sent through Podium
 * (`POST /api/consultations/{slug}/submissions`, in process, with every rule: checks,
 * screening, sentiment, due time, routing, audit), as a widget sends it (an idempotency key
 * and a proof of work), against a raw postgres.js transaction writing the same rows (the used
 * proof of work, the submission, its answers, the audit entry), at the same concurrency on
 * the same PostgreSQL server. Prints submissions per second, latency and the ratio to the
 * target (≥ 0.5 × raw). Never an assertion.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tests/bench/write-path.ts
 *
 * (default: the local server; a scratch database is made and dropped.) BENCH_WRITES and
 * BENCH_CONCURRENCY set the size of a round (default 600 writes, 8 at a time, after 300 of
 * each not measured); BENCH_ROUNDS
 * how often the two take turns (default 3): on two cores the same run drifts by a third
 * between minutes, so the ratio is the median of rounds measured side by side. Each line also
 * gives the Node CPU time per write, the figure that moves least with the machine.
 *
 * BENCH_WRITE_DATABASE=<url> writes into a database filled before (`podium generate --items
 * 1000000`, which seeds the demo too): the same consultation, beside a million items' indexes.
 * The rows written stay there.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/client.ts';
import { consultations, questions, submissions } from '../../api/db/schema.ts';
import { createChallenge } from '../../api/services/proof-of-work.ts';
import { seedDemoData } from '../../api/services/seed.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WRITES = Number(process.env.BENCH_WRITES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TARGET = 0.5;

const answers = (i: number) => ({
  route: 'parklaan',
  veiligheid: 1 + (i % 5),
  voorzieningen: ['verlichting', 'bomen'],
  toelichting: `Graag een veilige fietsroute langs het park, bijdrage ${i}: de kruising bij de school is druk.`,
});

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Input as a widget sends it: with an idempotency key and a solved proof of work. The
 * challenges are easy (a thousand numbers to try, not a hundred thousand) and solved before
 * the clock runs: the browser's work is not the server's.
 */
const POW_SECRET = 'bench-write-path';
const POW_SETTINGS = { maxNumber: 1000, ttlSeconds: 3600 };
function solvedProof(now: Date): { payload: string; challenge: string; expiresAt: Date } {
  const { algorithm, challenge, salt, signature } = createChallenge(POW_SECRET, now, POW_SETTINGS);
  for (let number = 0; number <= POW_SETTINGS.maxNumber; number++) {
    if (
      createHash('sha256')
        .update(salt + number)
        .digest('hex') === challenge
    ) {
      const payload = Buffer.from(JSON.stringify({ algorithm, challenge, number, salt, signature })).toString('base64');
      const expires = Number(new URLSearchParams(salt.split('?')[1]).get('expires'));
      return { payload, challenge, expiresAt: new Date(expires * 1000) };
    }
  }
  throw new Error('unsolvable challenge');
}
const WARM_UP = 300;

/** Runs `writes` writes, CONCURRENCY at a time; the latency of each, in milliseconds. */
async function drive(write: (i: number) => Promise<void>, writes: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < writes; i = next++) {
        const t0 = performance.now();
        await write(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

async function timed(label: string, write: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const latencies = await drive(write, WRITES);
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  const rate = WRITES / seconds;
  const cpuPerWrite = ((user + system) / 1000 / WRITES).toFixed(2);
  console.log(
    `  ${label.padEnd(34)} ${rate.toFixed(0).padStart(6)} /s   p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  Node CPU ${cpuPerWrite} ms/write`,
  );
  return rate;
}

const filled = process.env.BENCH_WRITE_DATABASE;
const name = `podium_bench_write_${randomBytes(4).toString('hex')}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
if (!filled) await admin.unsafe(`create database ${name}`);
const url = new URL(filled ?? serverUrl);
if (!filled) url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  if (!filled) await seedDemoData(database.db);
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    rateLimits: { submit: null, follow_up: null, rights: null, login: null, email_link: null },
    powSecret: POW_SECRET,
    powSettings: POW_SETTINGS,
  });
  // One proof per write of every round and of the warm-up, each used once.
  const proofs = Array.from({ length: 2 * WARM_UP + 2 * ROUNDS * WRITES }, () => solvedProof(new Date()));
  let nextProof = 0;
  const [consultation] = await database.db
    .select()
    .from(consultations)
    .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
  const questionRows = await database.db.select().from(questions).where(eq(questions.consultationId, consultation!.id));
  const questionId = new Map(questionRows.map((q) => [q.key, q.id]));
  // The consultation must be open now for the app to take input.
  await database.db
    .update(consultations)
    .set({ opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000) })
    .where(eq(consultations.id, consultation!.id));

  const items = await database.db.$count(submissions);
  console.log(
    `\nWrite path: ${WRITES} submissions, ${CONCURRENCY} at a time, PostgreSQL server, ${items.toLocaleString('en')} submissions already there`,
  );
  const raw = postgres(url.toString(), { max: 10, onnotice: () => {} });
  const rawWrite = async (i: number) => {
    const proof = proofs[nextProof++]!;
    await raw.begin(async (tx) => {
      await tx`insert into proof_of_work_solutions (challenge, expires_at) values (${proof.challenge}, ${proof.expiresAt})`;
      const [row] = await tx<{ id: string }[]>`
        insert into submissions (consultation_id, channel, language, follow_up_code, screening, sentiment, response_due_at)
        values (${consultation!.id}, 'widget', 'nl', ${randomUUID()}, ${tx.json({ version: 1, fields: [] })},
                ${tx.json({ label: 'neutral', score: 0 })}, now() + interval '5 days')
        returning id`;
      const values = Object.entries(answers(i)).map(([key, value]) => ({
        submission_id: row!.id,
        question_id: questionId.get(key)!,
        value: tx.json(value),
      }));
      await tx`insert into submission_answers ${tx(values, 'submission_id', 'question_id', 'value')}`;
      await tx`insert into audit_log (organisation_id, actor_type, action, subject_type, subject_id, details)
               values (${consultation!.organisationId}, 'resident', 'submission.received', 'submission', ${row!.id},
                       ${tx.json({ channel: 'widget' })})`;
    });
  };
  const podiumWrite = async (i: number) => {
    const response = await app.request('/api/consultations/fietsroute-stationsstraat/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ answers: answers(i), channel: 'widget', altcha: proofs[nextProof++]!.payload }),
    });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  };
  // Both run warm, as a server does: measured cold, the first round weighed Node compiling the
  // path (Podium 1.9–2.3 ms of Node CPU a write in round 1, 1.2–1.5 after; raw 0.6 and 0.45).
  await drive(rawWrite, WARM_UP);
  await drive(podiumWrite, WARM_UP);
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const rawRate = await timed(`raw postgres.js transaction (${round})`, rawWrite);
    const podiumRate = await timed(`Podium (POST …/submissions) (${round})`, podiumWrite);
    ratios.push(podiumRate / rawRate);
  }
  ratios.sort((x, y) => x - y);
  const ratio = ratios[Math.floor(ratios.length / 2)]!;
  console.log(
    `  ratio Podium / raw, median of ${ROUNDS} ${ratio.toFixed(2).padStart(8)}   target ≥ ${TARGET} (${(ratio / TARGET).toFixed(2)} × the target; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  await raw.end();
  await database.close();
} finally {
  if (!filled) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
