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

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  language: string;
  /** The same message as accessible HTML: sent as multipart/alternative beside the text. */
  html?: string | undefined;
  /** Extra headers, e.g. `List-Unsubscribe` (RFC 8058). */
  headers?: Record<string, string> | undefined;
};

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** SMTP, e.g. `smtps://user:pass@smtp.example.nl:465`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(mailOptions(from, message));
    },
  };
}

function mailOptions(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    headers: { ...message.headers, 'Content-Language': message.language },
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
  const wanted = [...new Set(addresses.map((address) => address.trim().toLowerCase()))].filter(Boolean);
  if (wanted.length === 0) return 0;
  let removed = 0;
  for (const dir of outboxes) {
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, file);
      const message = await readFile(path, 'utf8').catch(() => '');
      const end = message.search(/\r?\n\r?\n/);
      const headers = (end < 0 ? message : message.slice(0, end)).split(/\r?\n/);
      const to = headers.find((line) => /^to:/i.test(line))?.toLowerCase() ?? '';
      if (wanted.some((address) => to.includes(address))) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}

/**
 * Files in `dir`, one per message (the whole RFC 5322 message, as SMTP would carry it), for
 * a deployment without SMTP (and for development).
 */
export function outboxTransport(
  dir: string,
  log: (line: string) => void = console.log,
  from = 'Podium <noreply@localhost>',
): MailTransport {
  outboxes.add(dir);
  // nodemailer builds the message (encoding, multipart) without sending it anywhere.
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      const built = await composer.sendMail(mailOptions(from, message));
      await writeFile(join(dir, file), built.message as Buffer, { mode: 0o600 });
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

/** The transport the configuration asks for; the outbox's lines go to the server's log. */
export function mailTransportFor(
  config: { smtpUrl: string | undefined; mailFrom: string; dataDir: string },
  log: (line: string) => void = console.log,
) {
  return config.smtpUrl
    ? smtpTransport(config.smtpUrl, config.mailFrom)
    : outboxTransport(join(config.dataDir, 'outbox'), log, config.mailFrom);
}

/** For an app built without a transport (the OpenAPI export, some tests): says so, sends nothing. */
export const noMail: MailTransport = {
  async send() {
    console.warn('No mail transport configured: an e-mail was not sent.');
  },
};
