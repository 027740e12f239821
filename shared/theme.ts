/**
 * The organisation's house colours (theme tokens) and the contrast rule they are held to.
 *
 * Three colours are the municipality's to choose: the accent (links, primary buttons, the
 * header and navigation borders), the text on the accent (button text) and the focus ring.
 * The page background stays white, so each colour is measured against it. WCAG 2.2: text
 * needs 4.5:1 (1.4.3), the focus indicator and other non-text parts 3:1 (1.4.11). The API
 * refuses a pair that does not reach it (services/organisation-settings.ts); the staff page's
 * preview uses the same arithmetic, but only as a help.
 *
 * The tokens are NL Design System (Utrecht) custom properties, the ones `site/styles/podium.css`
 * sets and the widgets read (widgets/shared/styles.ts), so an embedding page can still override
 * them. The defaults are exactly the portal's colours before themes existed.
 */

export type ThemeTokens = {
  /** Links, primary buttons, the header and navigation borders: `#rrggbb`. */
  accent: string;
  /** Text on the accent (a primary button's label). */
  onAccent: string;
  /** The focus ring around whatever has keyboard focus. */
  focus: string;
};

export type ThemeToken = keyof ThemeTokens;

export const DEFAULT_THEME: ThemeTokens = { accent: '#00588a', onAccent: '#ffffff', focus: '#1b1b1b' };
/** The portal's page background, which every token is measured against. */
export const PAGE_BACKGROUND = '#ffffff';
export const THEME_TOKENS: readonly ThemeToken[] = ['accent', 'onAccent', 'focus'];

export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/** One contrast requirement: which colour is measured against which, and the ratio it needs. */
export type ContrastRule = { token: ThemeToken; against: 'background' | 'accent'; required: number };

export const CONTRAST_RULES: readonly ContrastRule[] = [
  { token: 'accent', against: 'background', required: 4.5 },
  { token: 'onAccent', against: 'accent', required: 4.5 },
  { token: 'focus', against: 'background', required: 3 },
];

export type ContrastProblem = ContrastRule & { ratio: number };

/** A colour as typed, normalised to lower-case `#rrggbb`, or undefined when it is not one. */
export function parseHexColour(value: string): string | undefined {
  const clean = value.trim().toLowerCase();
  return HEX_COLOUR.test(clean) ? clean : undefined;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The WCAG contrast ratio of two colours, 1 to 21.
 *
 * @example
 * contrastRatio('#ffffff', '#0066cc') // 5.57…
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * A ratio as people read it, two decimals, rounded down: 4.499 must not read as a passing 4.50.
 *
 * @example
 * shownRatio(4.4999) // '4.49'
 */
export const shownRatio = (ratio: number): string => (Math.floor(ratio * 100) / 100).toFixed(2);

/** Every contrast requirement the tokens do not reach (empty: accessible). */
export function contrastProblems(theme: ThemeTokens): ContrastProblem[] {
  return CONTRAST_RULES.flatMap((rule) => {
    const other = rule.against === 'background' ? PAGE_BACKGROUND : theme.accent;
    const ratio = contrastRatio(theme[rule.token], other);
    return ratio >= rule.required ? [] : [{ ...rule, ratio }];
  });
}

export const sameTheme = (a: ThemeTokens, b: ThemeTokens) => THEME_TOKENS.every((t) => a[t] === b[t]);

/** `hex` moved `share` (0–1) of the way towards `target`, per channel. */
function mix(hex: string, target: string, share: number): string {
  const from = channels(hex);
  const to = channels(target);
  return `#${from
    .map((c, i) =>
      Math.round(c + (to[i]! - c) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * The custom properties the tokens set, for a `:root` rule; empty for the default theme (the
 * stylesheet has those colours already, so a portal without a theme is unchanged). Hover
 * colours move away from what they must contrast with: a link darker on the white page, a
 * button away from its text.
 *
 * @example
 * themeProperties({ accent: '#0066cc', onAccent: '#ffffff', focus: '#1b1b1b' })
 * // [['--utrecht-link-color', '#0066cc'], …]
 */
export function themeProperties(theme: ThemeTokens): Array<[string, string]> {
  if (sameTheme(theme, DEFAULT_THEME)) return [];
  const darker = mix(theme.accent, '#000000', 0.3);
  const buttonHover = luminance(theme.onAccent) > luminance(theme.accent) ? darker : mix(theme.accent, '#ffffff', 0.3);
  return [
    ['--utrecht-link-color', theme.accent],
    ['--utrecht-link-hover-color', darker],
    ['--utrecht-page-header-border-color', theme.accent],
    ['--utrecht-navigation-current-border-color', theme.accent],
    ['--utrecht-button-primary-action-background-color', theme.accent],
    ['--utrecht-button-primary-action-color', theme.onAccent],
    ['--utrecht-button-primary-action-hover-background-color', buttonHover],
    ['--utrecht-focus-outline-color', theme.focus],
  ];
}

/**
 * The rule for the portal's theme stylesheet, or '' for the default theme. Only `#rrggbb`
 * values reach it. `html:root` outweighs the stylesheet's `:root` wherever the build puts it.
 */
export function themeCss(theme: ThemeTokens): string {
  const properties = themeProperties(theme).filter(([, value]) => HEX_COLOUR.test(value));
  return properties.length === 0 ? '' : `html:root{${properties.map(([name, value]) => `${name}:${value}`).join(';')}}`;
}

/** A short fingerprint of a rule (FNV-1a), for a stylesheet address that changes with the colours. */
export function themeVersion(rule: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < rule.length; i++) hash = Math.imul(hash ^ rule.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
