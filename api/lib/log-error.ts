/**
 * Errors as they may be logged: without personal data or secrets. A failed query's error
 * from drizzle carries its parameters in the message (e-mail addresses, follow-up codes,
 * resident text), and a database error's `detail` repeats key values; logs outlive every
 * retention period, so both are left out.
 */

type ErrorLike = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
};

/**
 * One line that says what failed, never with which values.
 *
 * @example
 * console.error(describeError(error)) // 'DrizzleQueryError: failed query "insert into …" (parameters withheld); caused by 23505 duplicate key …'
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Non-error thrown: ${typeof error}`;
  const e = error as ErrorLike;
  const parts: string[] = [];
  if (typeof e.query === 'string') {
    parts.push(`${String(e.name)}: failed query "${e.query}" (parameters withheld)`);
  } else {
    parts.push(`${String(e.name)}: ${String(e.message)}`);
  }
  const cause = e.cause as ErrorLike | undefined;
  if (cause && typeof cause === 'object') {
    parts.push(`caused by ${cause.code ? `${String(cause.code)} ` : ''}${String(cause.message ?? '')}`.trim());
  }
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 5);
  return [parts.join('; '), ...frames].join('\n');
}
