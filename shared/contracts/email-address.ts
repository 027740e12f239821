/** The e-mail rule (email.ts) as a zod schema, for forms validated with zod. */
import { z } from '@hono/zod-openapi';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from './email.ts';
import { InputText } from './input-text.ts';

/** A trimmed e-mail address: too long reports `too_big`, a malformed one `invalid_format` (format `email`). */
export const EmailAddress = InputText.trim()
  .max(EMAIL_MAX_LENGTH)
  .pipe(z.email({ pattern: EMAIL_PATTERN }));
