/**
 * The languages Podium speaks and a text in each of them: their own module, so every
 * contract (and the database schema, the render functions and the widgets, as types) can
 * use them without import cycles.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from './input-text.ts';

export const Locale = z.enum(['nl', 'en']).openapi('Locale');
export type Locale = z.infer<typeof Locale>;

export const LocalizedText = z
  .object({ nl: InputText, en: InputText.optional() })
  .openapi('LocalizedText', { description: 'A text in Dutch, and in English where translated.' });
/** A text in every language the portal speaks. Dutch is required, English may follow. */
export type LocalizedText = z.infer<typeof LocalizedText>;
