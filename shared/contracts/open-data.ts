/**
 * Open data: aggregate figures per consultation, free to reuse. No personal data and no
 * texts; counts below the small-number threshold are withheld (null).
 */
import { z } from '@hono/zod-openapi';
import { LocalizedText } from './localized-text.ts';
import { InputText } from './input-text.ts';

const Count = z
  .number()
  .int()
  .nullable()
  .openapi({ description: 'null: withheld because it is below the small-number threshold (or would reveal one)' });

export const ConsultationOpenData = z
  .object({
    slug: InputText.openapi({ example: 'fietsroute-stationsstraat' }),
    title: LocalizedText,
    topic: InputText.openapi({ description: 'Slug of the topic' }),
    status: z.enum(['open', 'closed', 'decided']),
    opensAt: InputText.openapi({ format: 'date-time' }),
    closesAt: InputText.openapi({ format: 'date-time' }),
    contributions: Count.openapi({
      description: 'Input received: portal, widgets and residents’ posts in mirrored threads',
    }),
    perChannel: z.object({ portal: Count, widget: Count, social: Count }),
    sentiment: z.object({ positive: Count, neutral: Count, negative: Count, unknown: Count }),
    answeredShare: z
      .number()
      .nullable()
      .openapi({ description: 'Share (0–1) of the input that needs an answer and has a published one' }),
    medianAnswerDays: z
      .number()
      .nullable()
      .openapi({ description: 'Median calendar days from arrival to the first published answer' }),
  })
  .openapi('ConsultationOpenData');
export type ConsultationOpenData = z.infer<typeof ConsultationOpenData>;

export const OpenDataMeta = z.object({
  generatedAt: InputText.openapi({ format: 'date-time' }),
  smallNumberThreshold: z
    .number()
    .int()
    .openapi({ description: 'Counts from 1 up to this number minus one are published as null' }),
  licence: InputText.openapi({ example: 'CC0-1.0' }),
});

export const OpenDataList = OpenDataMeta.extend({ consultations: z.array(ConsultationOpenData) }).openapi(
  'OpenDataConsultations',
);
export const OpenDataOne = OpenDataMeta.extend({ consultation: ConsultationOpenData }).openapi('OpenDataConsultation');
