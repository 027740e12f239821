/**
 * Reading mail the way a recipient gets it: an in-process SMTP server (the `smtp-server`
 * package) that keeps what it receives, and a small RFC 5322 reader for those messages and
 * for the outbox directory's files (headers, and the text and HTML parts, decoded).
 */
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  raw: string;
  headers: Map<string, string>;
  text: string;
  html: string | undefined;
};

export type CaptureServer = {
  url: string;
  received: ReceivedMail[];
  /** Refuse the next `n` messages with a temporary failure (451). */
  refuseNext(n: number): void;
  close(): Promise<void>;
};

export async function startCaptureServer(): Promise<CaptureServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push(parseMail(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    received,
    refuseNext(n) {
      refusals = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Decodes an RFC 2047 encoded-word header (nodemailer encodes non-ASCII subjects). */
export function decodeHeader(value: string | undefined): string {
  return (value ?? '').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decode(text.replace(/_/g, ' '), 'quoted-printable'),
  );
}

export function parseMail(raw: string): ReceivedMail {
  const { headers, body } = splitHead(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  let text = '';
  let html: string | undefined;
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = splitHead(part.replace(/^\r?\n/, ''));
      const decoded = decode(inner.body.replace(/\r?\n$/, ''), inner.headers.get('content-transfer-encoding'));
      if ((inner.headers.get('content-type') ?? '').startsWith('text/html')) html = decoded;
      else text = decoded;
    }
  } else {
    text = decode(body, headers.get('content-transfer-encoding'));
  }
  return { raw, headers, text: text.replace(/\r\n/g, '\n'), html: html?.replace(/\r\n/g, '\n') };
}
