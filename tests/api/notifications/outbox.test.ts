import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../../api/db/schema.ts';
import { memoryTransport, smtpTransport } from '../../../api/services/mail.ts';
import {
  claimDueMail,
  enqueueMail,
  MAX_ATTEMPTS,
  retryDelayMs,
  SEND_LEASE_MS,
  sendDueMail,
} from '../../../api/services/notifications/outbox.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { startCaptureServer, type CaptureServer } from '../../support/mail-capture.ts';

const at = (ms: number) => new Date(NOW.getTime() + ms);
const message = (n: number) => ({
  recipient: `resident${n}@example.nl`,
  kind: 'test',
  locale: 'nl' as const,
  subject: `Bericht ${n}`,
  text: `Tekst ${n}`,
  html: `<p>Tekst ${n}</p>`,
  dedupeKey: `test:${n}`,
});

for (const target of databaseTargets()) {
  describe(`the durable mail outbox (${target.name})`, () => {
    let t: TestApp;
    let smtp: CaptureServer;
    before(async () => {
      t = await openTestApp(target);
      smtp = await startCaptureServer();
    });
    after(async () => {
      await smtp.close();
      await t.close();
    });
    afterEach(async () => {
      await t.db.delete(outboxMessages);
      smtp.received.length = 0;
    });

    it('queues a message once per dedupe key', async () => {
      assert.equal(await enqueueMail(t.db, message(1), NOW), true);
      assert.equal(await enqueueMail(t.db, message(1), NOW), false);
      assert.equal((await t.db.select().from(outboxMessages)).length, 1);
    });

    it('sends every message exactly once when two sender loops race', async () => {
      for (let n = 0; n < 40; n++) await enqueueMail(t.db, message(n), NOW);
      const transport = memoryTransport();
      const drain = async () => {
        for (;;) {
          const pass = await sendDueMail(t.db, transport, { now: () => NOW, limit: 5 });
          if (pass.sent === 0) return;
        }
      };
      await Promise.all([drain(), drain()]);
      const recipients = transport.sent.map((m) => m.to).sort();
      assert.equal(recipients.length, 40);
      assert.equal(new Set(recipients).size, 40);
      const rows = await t.db.select().from(outboxMessages);
      assert.ok(rows.every((row) => row.state === 'sent' && row.attempts === 1 && row.sentAt !== null));
    });

    it('retries with back-off when the SMTP server refuses, and sends when it accepts', async () => {
      await enqueueMail(t.db, message(1), NOW);
      const transport = smtpTransport(smtp.url, 'Podium <podium@demodam.example>');
      smtp.refuseNext(2);

      assert.deepEqual(await sendDueMail(t.db, transport, { now: () => NOW }), { sent: 0, retried: 1, failed: 0 });
      let [row] = await t.db.select().from(outboxMessages);
      assert.equal(row!.state, 'pending');
      assert.equal(row!.attempts, 1);
      assert.match(row!.lastError ?? '', /451/);
      assert.equal(row!.nextAttemptAt.getTime(), NOW.getTime() + retryDelayMs(1));

      // Not due before the back-off has passed.
      assert.deepEqual(await sendDueMail(t.db, transport, { now: () => at(retryDelayMs(1) - 1) }), {
        sent: 0,
        retried: 0,
        failed: 0,
      });
      const second = at(retryDelayMs(1));
      assert.equal((await sendDueMail(t.db, transport, { now: () => second })).retried, 1);
      [row] = await t.db.select().from(outboxMessages);
      assert.equal(row!.nextAttemptAt.getTime(), second.getTime() + retryDelayMs(2));
      assert.equal(retryDelayMs(2), 2 * retryDelayMs(1));

      assert.equal((await sendDueMail(t.db, transport, { now: () => row!.nextAttemptAt })).sent, 1);
      [row] = await t.db.select().from(outboxMessages);
      assert.equal(row!.state, 'sent');
      assert.equal(row!.attempts, 3);
      assert.equal(row!.lastError, null);
      assert.equal(smtp.received.length, 1);
      assert.equal(smtp.received[0]!.headers.get('subject'), 'Bericht 1');
    });

    it('gives up after the last attempt and keeps the message as failed', async () => {
      await enqueueMail(t.db, message(1), NOW);
      await t.db.update(outboxMessages).set({ attempts: MAX_ATTEMPTS - 1 });
      const refusing = { send: () => Promise.reject(new Error('550 mailbox unavailable')) };
      assert.deepEqual(await sendDueMail(t.db, refusing, { now: () => NOW }), { sent: 0, retried: 0, failed: 1 });
      const [row] = await t.db.select().from(outboxMessages);
      assert.equal(row!.state, 'failed');
      assert.equal((await claimDueMail(t.db, at(365 * 86_400_000))).length, 0);
    });

    it('after a crash mid-send, sends the claimed message again once its lease runs out', async () => {
      await enqueueMail(t.db, message(1), NOW);
      // A process claims it and dies before sending.
      assert.equal((await claimDueMail(t.db, NOW)).length, 1);
      const transport = memoryTransport();
      // A restarted process does not take it while the lease holds...
      assert.equal((await sendDueMail(t.db, transport, { now: () => at(SEND_LEASE_MS - 1) })).sent, 0);
      // ...and sends it once it has run out.
      assert.equal((await sendDueMail(t.db, transport, { now: () => at(SEND_LEASE_MS) })).sent, 1);
      assert.equal(transport.sent.length, 1);
      const [row] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.dedupeKey, 'test:1'));
      assert.equal(row!.state, 'sent');
      assert.equal(row!.attempts, 2);
    });
  });
}
