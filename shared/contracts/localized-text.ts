/** A text in every language the portal speaks: its own module, so every contract can use it without import cycles. */
import { z } from '@hono/zod-openapi';

export const LocalizedText = z
  .object({ nl: z.string(), en: z.string().optional() })
  .openapi('LocalizedText', { description: 'A text in Dutch, and in English where translated.' });
