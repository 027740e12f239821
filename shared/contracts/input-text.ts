/**
 * The one zod schema for text from outside: `z.string()` that makes its value well-formed
 * (shared/contracts/text.ts) before any other check runs, so `.max()`, `.trim()` and the
 * service after it see storable text. Use it for every string a request carries: bodies,
 * form fields, query parameters, path parameters and record keys.
 *
 * @example
 * const Note = InputText.max(500); // a lone surrogate becomes U+FFFD, NUL is removed
 * const Answers = z.record(InputText.max(100), InputText.max(20_000));
 */
import { z } from '@hono/zod-openapi';
import { wellFormed } from './text.ts';

export const InputText = z.string().overwrite(wellFormed);
