/**
 * The house colours' contrast rule (shared/theme.ts): WCAG 2.2 relative luminance and
 * contrast ratio, checked against pairs computed by hand, and the properties a theme sets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contrastProblems,
  contrastRatio,
  DEFAULT_THEME,
  parseHexColour,
  shownRatio,
  themeCss,
  themeProperties,
} from '../../../shared/theme.ts';

describe('the contrast ratio of two colours', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself, whichever comes first', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#ffffff', '#000000'), 21);
    assert.equal(contrastRatio('#00588a', '#00588a'), 1);
  });

  it('matches pairs computed by hand: white on #0066cc is 5.57:1, #767676 on white 4.54:1, #777777 4.47:1', () => {
    // #0066cc: G 0x66 → 0.1329, B 0xcc → 0.6038; L = 0.7152·0.1329 + 0.0722·0.6038 = 0.1386; 1.05 / 0.1886 = 5.57.
    assert.equal(shownRatio(contrastRatio('#ffffff', '#0066cc')), '5.56');
    assert.ok(Math.abs(contrastRatio('#ffffff', '#0066cc') - 5.57) < 0.01);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 is just below it.
    assert.equal(shownRatio(contrastRatio('#767676', '#ffffff')), '4.54');
    assert.equal(shownRatio(contrastRatio('#777777', '#ffffff')), '4.47');
  });

  it('is shown rounded down, so a ratio just under the requirement never reads as reaching it', () => {
    assert.equal(shownRatio(4.4999), '4.49');
    assert.equal(shownRatio(3), '3.00');
  });
});

describe('the house colours', () => {
  it('pass with Podium’s own colours', () => {
    assert.deepEqual(contrastProblems(DEFAULT_THEME), []);
  });

  it('fail when the accent is too light for text on white, naming the measured and required ratio', () => {
    // #ffcc00: L = 0.2126·1 + 0.7152·0.6038 = 0.6444; 1.05 / 0.6944 = 1.51.
    const problems = contrastProblems({ accent: '#ffcc00', onAccent: '#000000', focus: '#1b1b1b' });
    assert.deepEqual(
      problems.map((p) => [p.token, p.against, p.required, shownRatio(p.ratio)]),
      [['accent', 'background', 4.5, '1.51']],
    );
  });

  it('fail when the text on the accent is too close to it, and when the focus ring is below 3:1', () => {
    const problems = contrastProblems({ accent: '#0066cc', onAccent: '#3399ff', focus: '#aaaaaa' });
    assert.deepEqual(
      problems.map((p) => [p.token, p.against, p.required]),
      [
        ['onAccent', 'accent', 4.5],
        ['focus', 'background', 3],
      ],
    );
    // #aaaaaa on white: L = 0.4020; 1.05 / 0.4520 = 2.32.
    assert.equal(shownRatio(problems[1]!.ratio), '2.32');
  });

  it('accept only #rrggbb, in either case, normalised to lower case', () => {
    assert.equal(parseHexColour(' #0066CC '), '#0066cc');
    for (const bad of ['0066cc', '#06c', '#0066cg', 'blue', '#0066cc;}', 'rgb(0,0,0)']) {
      assert.equal(parseHexColour(bad), undefined, bad);
    }
  });

  it('set no properties for Podium’s own colours, and the accent, its text and the focus ring otherwise', () => {
    assert.deepEqual(themeProperties(DEFAULT_THEME), []);
    assert.equal(themeCss(DEFAULT_THEME), '');
    const css = themeCss({ accent: '#0066cc', onAccent: '#ffffff', focus: '#8a2be2' });
    assert.match(css, /^html:root\{/);
    assert.match(css, /--utrecht-link-color:#0066cc/);
    assert.match(css, /--utrecht-button-primary-action-background-color:#0066cc/);
    assert.match(css, /--utrecht-button-primary-action-color:#ffffff/);
    assert.match(css, /--utrecht-focus-outline-color:#8a2be2/);
  });

  it('darken the hover colours when the text on the accent is light, so they keep their contrast', () => {
    const theme = { accent: '#0066cc', onAccent: '#ffffff', focus: '#1b1b1b' };
    const hover = new Map(themeProperties(theme));
    const buttonHover = hover.get('--utrecht-button-primary-action-hover-background-color')!;
    assert.ok(contrastRatio('#ffffff', buttonHover) > contrastRatio('#ffffff', theme.accent));
    assert.ok(contrastRatio(hover.get('--utrecht-link-hover-color')!, '#ffffff') > 4.5);
  });
});
