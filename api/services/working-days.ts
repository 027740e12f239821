/**
 * Promised response times are in working days (Monday to Friday), as municipalities
 * state them. Public holidays are not counted out yet: the promise errs on the late side.
 */
export function addWorkingDays(start: Date, days: number): Date {
  const result = new Date(start);
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining--;
  }
  return result;
}
