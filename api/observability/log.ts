/**
 * The server's log: one line per message. In `json` format (the default when the output is
 * not a terminal, as under systemd, Docker or a log shipper) every line is one JSON object
 * with `time`, `level` and `msg` plus fields, and each request and background job gets a
 * line of its own; in `text` format (a person at a terminal) the messages are plain and
 * requests are not listed.
 *
 * Nothing here adds personal data; callers log names, routes and durations, never addresses,
 * texts, codes or query strings (see api/lib/log-error.ts for errors).
 */
export type LogFormat = 'json' | 'text';
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null>;

export type Logger = {
  format: LogFormat;
  /** A plain message, as the start-up lines and the services' `log` options take it. */
  (message: string): void;
  /** A structured record: a message with fields. In text format the fields follow the message. */
  record(level: LogLevel, msg: string, fields?: LogFields): void;
};

/**
 * @example
 * const log = createLogger('json', (line) => process.stdout.write(`${line}\n`));
 * log('Podium runs.'); // {"time":"…","level":"info","msg":"Podium runs."}
 * log.record('info', 'request', { method: 'GET', route: '/api/health', status: 200, ms: 1.2 });
 */
export function createLogger(format: LogFormat, write: (line: string) => void, now = () => new Date()): Logger {
  const record = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    if (format === 'json') {
      write(JSON.stringify({ time: now().toISOString(), level, msg, ...fields }));
      return;
    }
    const rest = Object.entries(fields)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    write(rest ? `${msg} ${rest}` : msg);
  };
  const logger = ((message: string) => record('info', message)) as Logger;
  logger.format = format;
  logger.record = record;
  return logger;
}

/** The format when none is configured: JSON unless a person watches the terminal. */
export function defaultLogFormat(stream: { isTTY?: boolean } = process.stdout): LogFormat {
  return stream.isTTY ? 'text' : 'json';
}

const flushers = new Set<() => void>();

/**
 * A line writer that sends the lines logged within one turn of the event loop in one write:
 * with a line per request, writing each on its own was a system call per request, about a
 * tenth of the cost of serving a cached page. Lines still pending when the process exits are
 * written then (a pipe or file takes them synchronously on Linux).
 *
 * @example createLogger('json', batchedLines(process.stdout))
 */
export function batchedLines(stream: { write(chunk: string): unknown }): (line: string) => void {
  let pending = '';
  const flush = () => {
    const lines = pending;
    pending = '';
    if (lines) stream.write(lines);
  };
  if (flushers.size === 0) process.once('exit', () => flushers.forEach((pendingFlush) => pendingFlush()));
  flushers.add(flush);
  return (line) => {
    if (!pending) setImmediate(flush);
    pending += `${line}\n`;
  };
}
