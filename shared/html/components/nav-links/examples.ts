import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { NavLinksOptions } from './index.ts';

export const examples: ComponentExamples<NavLinksOptions> = {
  component: 'navLinks',
  summary: 'A navigation landmark whose list marks the page you are on.',
  examples: [
    {
      name: 'staff navigation',
      description: 'The staff header: the queue is the current page.',
      input: {
        label: 'Beheer',
        listClass: 'staff-nav',
        links: [
          { href: '/beheer/', label: 'Wachtrij', current: true },
          { href: '/beheer/te-laat', label: 'Te laat' },
        ],
      },
      html: '<nav aria-label="Beheer"><ul class="staff-nav"><li><a href="/beheer/" aria-current="page">Wachtrij</a></li><li><a href="/beheer/te-laat">Te laat</a></li></ul></nav>',
    },
    {
      name: 'hostile',
      description: 'Labels and addresses are escaped.',
      input: { label: hostile, links: [{ href: '/?q="><script>', label: hostile }] },
      html: `<nav aria-label="${hostileEscaped}"><ul><li><a href="/?q=&quot;&gt;&lt;script&gt;">${hostileEscaped}</a></li></ul></nav>`,
    },
  ],
};
