import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { PagerOptions } from './index.ts';

export const examples: ComponentExamples<PagerOptions> = {
  component: 'pager',
  summary: 'Previous, next and numbered pages of a long list.',
  examples: [
    {
      name: 'previous and next',
      description: 'A staff list (the audit log): a status line, previous and next.',
      input: {
        className: 'audit-pager',
        label: 'Pagina’s',
        status: 'Pagina 2 van 3',
        previous: { href: '/beheer/audit/?page=1', label: 'Vorige' },
        next: { href: '/beheer/audit/?page=3', label: 'Volgende' },
      },
      html: `<nav class="audit-pager" aria-label="Pagina’s"><p>Pagina 2 van 3</p><ul>
<li><a href="/beheer/audit/?page=1" rel="prev">Vorige</a></li>
<li><a href="/beheer/audit/?page=3" rel="next">Volgende</a></li>
</ul></nav>`,
    },
    {
      name: 'numbered',
      description: 'The first of two numbered pages: no previous link, the current page marked.',
      input: {
        className: 'podium-pagination',
        label: 'Paginering',
        pages: [
          { href: '/r/1/', label: '1', ariaLabel: 'Pagina 1', current: true },
          { href: '/r/2/', label: '2', ariaLabel: 'Pagina 2' },
        ],
        next: { href: '/r/2/', label: 'Volgende' },
      },
      html: `<nav class="podium-pagination" aria-label="Paginering"><ul>
<li><a href="/r/1/" aria-current="page" aria-label="Pagina 1">1</a></li>
<li><a href="/r/2/" aria-label="Pagina 2">2</a></li>
<li><a href="/r/2/" rel="next">Volgende</a></li>
</ul></nav>`,
    },
    {
      name: 'hostile',
      description: 'A query kept in the links cannot end the attribute.',
      input: { className: 'audit-pager', label: 'P', next: { href: `?q="><script>`, label: hostile } },
      html: `<nav class="audit-pager" aria-label="P"><ul>
<li><a href="?q=&quot;&gt;&lt;script&gt;" rel="next">${hostileEscaped}</a></li>
</ul></nav>`,
    },
  ],
};
