/**
 * Reading a database error whichever way it arrives: postgres.js and PGlite both give the
 * SQLSTATE as `code`, and drizzle wraps the driver's error in its own as `cause`.
 */

/** The error in the chain that carries this SQLSTATE, with its message; undefined when none does. */
export function withSqlState(error: unknown, state: string): { code: string; message: string } | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === state) return { code, message: typeof message === 'string' ? message : '' };
  }
  return undefined;
}

/** A unique index refused the row (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return withSqlState(error, '23505') !== undefined;
}
