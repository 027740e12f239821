import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barChart, legend, stackedChart } from '../../../../api/staff/insights/charts.ts';

describe('SVG charts', () => {
  it('draw one image named by its title and described by its summary, with escaped text', () => {
    const svg = String(
      barChart({
        id: 'c',
        title: 'Inbreng <per> week',
        summary: 'Drukste week: 46.',
        rows: [
          { label: 'week 45', value: 2, display: '2' },
          { label: 'week 46', value: 8, display: '8' },
          { label: 'week 47', value: 0, display: '0' },
        ],
      }),
    );
    assert.match(svg, /^<svg role="img"[^>]*aria-labelledby="c-title c-desc"/);
    assert.match(svg, /<title id="c-title">Inbreng &lt;per&gt; week<\/title>/);
    assert.match(svg, /<desc id="c-desc">Drukste week: 46\.<\/desc>/);
    assert.deepEqual([...svg.matchAll(/class="chart-fill chart-series-1"/g)].length, 2, 'no bar for zero');
    assert.match(svg, /width="25\.00%"/);
    assert.match(svg, /width="100\.00%"/);
    assert.match(svg, />week 46: 8</);
  });

  it('stack shares side by side, telling series apart by pattern as well as colour', () => {
    const svg = String(
      stackedChart({
        id: 's',
        title: 'Sentiment',
        summary: '-',
        series: [
          { key: 'positive', label: 'Positief' },
          { key: 'neutral', label: 'Neutraal' },
          { key: 'negative', label: 'Negatief' },
        ],
        mode: 'share',
        rows: [{ label: 'week 46', note: '50% negatief (n=4)', values: { positive: 1, neutral: 1, negative: 2 } }],
      }),
    );
    assert.match(svg, /<rect x="0\.00%"[^>]*width="25\.00%"[^>]*class="chart-fill chart-series-1"/);
    assert.match(svg, /<rect x="25\.00%"[^>]*width="25\.00%"[^>]*fill="url\(#s-hatch\)"/);
    assert.match(svg, /<rect x="50\.00%"[^>]*width="50\.00%"[^>]*fill="url\(#s-cross\)"/);
    assert.match(String(legend('s', 'Legenda', [{ key: 'a', label: 'Positief' }])), /aria-hidden="true"/);
  });

  it('put values on a line of their own when a label would not fit at 320 px, cutting only the name', () => {
    const svg = String(
      barChart({
        id: 'l',
        title: '-',
        summary: '-',
        max: 1,
        rows: [
          { label: 'Formulieren op www.demodam.example', value: 0.5, display: '50% op tijd (n=8)' },
          { label: 'Portaal', value: 1, display: '100%' },
        ],
      }),
    );
    assert.match(
      svg,
      /<text x="0" y="14" class="chart-label">Formulieren op www.de…<\/text><text x="0" y="32" class="chart-label">50% op tijd \(n=8\)</,
    );
    assert.match(
      svg,
      /<text x="0" y="72" class="chart-label">Portaal<\/text><text x="0" y="90" class="chart-label">100%</,
    );
    assert.match(svg, /height="120"/);
  });
});
