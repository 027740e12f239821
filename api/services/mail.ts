/**
 * Outgoing e-mail behind one small interface, so services never know how mail leaves:
 * SMTP when `PODIUM_SMTP_URL` is set (nodemailer, which handles TLS, authentication and
 * encoding), otherwise an outbox directory the operator reads, and in tests a list.
 *
 * The outbox writes each message to a file of its own (mode 0600) and logs only that a
 * message waits there, with its file name: never the address (personal data, and logs
 * travel further than the data directory) and never the message body, which can hold a
 * single-use sign-in link.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string; language: string };

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** SMTP, e.g. `smtps://user:pass@smtp.example.nl:465`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { 'Content-Language': message.language },
      });
    },
  };
}

/** The outbox directories this process writes to: an erasure removes mail waiting there. */
const outboxes = new Set<string>();

/**
 * Removes mail waiting in this process's outboxes for these addresses, after their input
 * was erased or their contact details expired: such a mail holds the address, and the link
 * in it opens nothing any more. Mail already sent over SMTP is out of Podium's hands.
 *
 * @returns how many messages were removed
 */
export async function forgetMailTo(addresses: readonly string[]): Promise<number> {
  const wanted = new Set(addresses.map((address) => address.trim().toLowerCase()));
  if (wanted.size === 0) return 0;
  let removed = 0;
  for (const dir of outboxes) {
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      if (!file.endsWith('.eml')) continue;
      const path = join(dir, file);
      const head = (await readFile(path, 'utf8').catch(() => '')).split('\r\n', 1)[0] ?? '';
      const to = head.startsWith('To: ') ? head.slice(4).trim().toLowerCase() : '';
      if (wanted.has(to)) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}

/** Files in `dir`, one per message, for a deployment without SMTP (and for development). */
export function outboxTransport(dir: string, log: (line: string) => void = console.log): MailTransport {
  outboxes.add(dir);
  return {
    async send(message) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      const eml = [
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Content-Language: ${message.language}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        message.text,
        '',
      ].join('\r\n');
      await writeFile(join(dir, file), eml, { mode: 0o600 });
      log(`Mail waiting in the outbox (no SMTP configured): ${file}`);
    },
  };
}

/** Keeps messages in memory: tests read what would have been sent. */
export function memoryTransport(): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}

/** The transport the configuration asks for. */
export function mailTransportFor(config: { smtpUrl: string | undefined; mailFrom: string; dataDir: string }) {
  return config.smtpUrl
    ? smtpTransport(config.smtpUrl, config.mailFrom)
    : outboxTransport(join(config.dataDir, 'outbox'));
}

/** For an app built without a transport (the OpenAPI export, some tests): says so, sends nothing. */
export const noMail: MailTransport = {
  async send() {
    console.warn('No mail transport configured: an e-mail was not sent.');
  },
};
