/**
 * From zod's issues to the messages a staff form shows: one per field, the first issue
 * of each field wins, in the order zod reported them (which is the order of the form).
 */
import type { z } from 'zod';
import type { FieldMessage } from '../../../shared/contracts/field-error.ts';

/** A message next to a field of a staff form (the contracts' FieldMessage). */
export type FieldError = FieldMessage;

export type Issue = z.core.$ZodIssue;

/** A message, or one chosen by the kind of issue (`too_big`, `too_small`, …). */
export type Message = string | ((issue: Issue) => string);

/**
 * Per form field (the first segment of the issue's path) its message; `{ field, message }`
 * when the message belongs next to another control than the one that failed (a radio
 * group's first option, a select that stands for two values). Issues on fields that are
 * not named here are left out.
 */
export type FieldMessages = Record<string, Message | { field: string; message: Message }>;

/**
 * @example
 * const parsed = Form.safeParse(values);
 * if (!parsed.success) {
 *   const errors = formErrors(parsed.error.issues, {
 *     title: (issue) => (issue.code === 'too_big' ? m.tooLong : m.titleRequired),
 *     by: { field: 'by-email', message: m.by },
 *   });
 * }
 */
export function formErrors(issues: readonly Issue[], messages: FieldMessages): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (!Object.hasOwn(messages, name)) continue;
    const entry = messages[name]!;
    const { field, message } = typeof entry === 'object' ? entry : { field: name, message: entry };
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: typeof message === 'function' ? message(issue) : message });
  }
  return errors;
}
