import type { ComponentExamples } from '../examples.ts';
import type { TimeOptions } from './index.ts';

export const examples: ComponentExamples<TimeOptions> = {
  component: 'time',
  summary: 'A moment for people, with the machine-readable moment in datetime.',
  examples: [
    {
      name: 'date',
      description: 'A date: late in the evening UTC is already the next day in Amsterdam.',
      input: { moment: '2026-12-15T23:30:00.000Z', lang: 'nl' },
      html: '<time datetime="2026-12-15T23:30:00.000Z">16 december 2026</time>',
    },
    {
      name: 'date and time in English',
      description: 'When a post was written.',
      input: { moment: '2026-06-01T10:05:00Z', lang: 'en', style: 'dateTime' },
      html: '<time datetime="2026-06-01T10:05:00Z">1 June 2026 at 12:05</time>',
    },
    {
      name: 'timestamp',
      description: 'A log line, from a Date.',
      input: { moment: new Date('2026-01-02T03:04:05Z'), lang: 'nl', style: 'timestamp' },
      html: '<time datetime="2026-01-02T03:04:05.000Z">2 jan 2026, 04:04:05</time>',
    },
  ],
};
