/**
 * Open data on reach: page visits, downloads and widget views per day, counted by the server
 * without cookies or anything about the visitor (no personal data in any form), free to reuse.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from './input-text.ts';

const Day = InputText.openapi({ format: 'date', example: '2026-11-27', description: 'A day in Europe/Amsterdam' });

export const VisitsOpenData = z
  .object({
    generatedAt: InputText.openapi({ format: 'date-time' }),
    licence: InputText.openapi({ example: 'CC0-1.0' }),
    from: Day,
    to: Day,
    definition: InputText.openapi({ description: 'What the numbers count, in plain words' }),
    pages: z.array(
      z.object({
        day: Day,
        path: InputText.openapi({ example: '/consultaties/fietsroute-stationsstraat/' }),
        kind: z.enum(['page', 'download']),
        consultation: InputText.nullable().openapi({ description: 'Slug of the consultation the page belongs to' }),
        visits: z.number().int(),
      }),
    ),
    consultations: z.array(
      z.object({
        slug: InputText,
        day: Day,
        pageVisits: z.number().int(),
        downloads: z.number().int(),
        widgetViews: z.number().int().openapi({ description: 'Loads by widgets on other sites' }),
      }),
    ),
  })
  .openapi('VisitsOpenData');
export type VisitsOpenData = z.infer<typeof VisitsOpenData>;
