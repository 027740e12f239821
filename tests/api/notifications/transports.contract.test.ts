/**
 * Both ways mail leaves Podium give the recipient the same message: the outbox directory
 * (PODIUM_SMTP_URL unset) and SMTP (here a real SMTP server in this process).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mailTransportFor, type MailTransport } from '../../../api/services/mail.ts';
import { renderMail, oneClickHeaders } from '../../../shared/render/mail.ts';
import {
  decodeHeader,
  parseMail,
  startCaptureServer,
  type CaptureServer,
  type ReceivedMail,
} from '../../support/mail-capture.ts';

type Harness = { name: string; transport: MailTransport; read(): Promise<ReceivedMail[]>; close(): Promise<void> };

async function outboxHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'podium-mail-contract-'));
  const transport = mailTransportFor({
    smtpUrl: undefined,
    mailFrom: 'Gemeente Demodam <podium@demodam.example>',
    dataDir,
  });
  return {
    name: 'outbox directory',
    transport,
    async read() {
      const dir = join(dataDir, 'outbox');
      const files = (await readdir(dir)).sort();
      return Promise.all(files.map(async (file) => parseMail(await readFile(join(dir, file), 'utf8'))));
    },
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function smtpHarness(): Promise<Harness> {
  const server: CaptureServer = await startCaptureServer();
  const transport = mailTransportFor({
    smtpUrl: server.url,
    mailFrom: 'Gemeente Demodam <podium@demodam.example>',
    dataDir: '',
  });
  return { name: 'SMTP', transport, read: async () => server.received, close: () => server.close() };
}

for (const open of [outboxHarness, smtpHarness]) {
  describe(`a notification mail through the transport (${open.name.replace('Harness', '')})`, () => {
    let h: Harness;
    before(async () => {
      h = await open();
    });
    after(() => h.close());

    it('arrives with sender, recipient, subject, language, one-click unsubscribe, plain text and accessible HTML', async () => {
      const mail = renderMail({
        lang: 'en',
        subject: 'Received: your input on Cycle route Café',
        heading: 'We have received your input',
        blocks: [
          { kind: 'text', text: 'Your follow-up code is ABCD-EFGH.' },
          { kind: 'quote', text: 'Wij antwoorden in het Nederlands.', lang: 'nl' },
          {
            kind: 'link',
            href: 'https://podium.example/en/follow-up/ABCD-EFGH/',
            text: 'See your input and our answer',
          },
        ],
        footer: [
          { kind: 'link', href: 'https://podium.example/en/unsubscribe/TOKEN', text: 'Stop e-mails about your input' },
        ],
      });
      await h.transport.send({
        to: 'anna@example.nl',
        language: 'en',
        ...mail,
        headers: oneClickHeaders('https://podium.example/en/unsubscribe/TOKEN'),
      });
      const [received, ...more] = await h.read();
      assert.equal(more.length, 0);
      assert.ok(received);
      assert.match(received.headers.get('from') ?? '', /podium@demodam\.example/);
      assert.match(received.headers.get('to') ?? '', /anna@example\.nl/);
      assert.equal(decodeHeader(received.headers.get('subject')), 'Received: your input on Cycle route Café');
      assert.equal(received.headers.get('content-language'), 'en');
      assert.equal(received.headers.get('list-unsubscribe'), '<https://podium.example/en/unsubscribe/TOKEN>');
      assert.equal(received.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.match(received.text, /^We have received your input\n/);
      assert.match(received.text, /Your follow-up code is ABCD-EFGH\./);
      assert.match(
        received.text,
        /See your input and our answer:\nhttps:\/\/podium\.example\/en\/follow-up\/ABCD-EFGH\//,
      );
      assert.ok(received.html);
      assert.match(received.html, /<html lang="en">/);
      assert.match(received.html, /<h1>We have received your input<\/h1>/);
      assert.match(received.html, /<blockquote lang="nl"><p>Wij antwoorden in het Nederlands\.<\/p><\/blockquote>/);
      assert.match(
        received.html,
        /<a href="https:\/\/podium\.example\/en\/follow-up\/ABCD-EFGH\/">See your input and our answer<\/a>/,
      );
      assert.doesNotMatch(received.html, /<table/);
    });
  });
}

describe('the outbox directory without SMTP', () => {
  it("names each waiting message in the server's log, not on the console beside it", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'podium-mail-log-'));
    const lines: string[] = [];
    const transport = mailTransportFor({ smtpUrl: undefined, mailFrom: 'podium@demodam.example', dataDir }, (line) =>
      lines.push(line),
    );
    try {
      await transport.send({ to: 'anna@example.nl', subject: 'Ontvangen', text: 'Dank u.', language: 'nl' });
      const [file] = await readdir(join(dataDir, 'outbox'));
      assert.deepEqual(lines, [`Mail waiting in the outbox (no SMTP configured): ${file}`]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
