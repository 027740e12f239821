import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isLocale, textsFor } from '../../../shared/i18n.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

type Pair = { name: string; nl: unknown; en: unknown };

/** Every texts module of the repository, found on disk, so a new one is checked without a list. */
async function textsModules(): Promise<Pair[]> {
  const paths = [
    ...readdirSync(`${root}shared/texts`).map((file) => `shared/texts/${file}`),
    ...readdirSync(`${root}api/staff`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `api/staff/${entry.name}/texts.ts`)
      .filter((path) => readdirSync(`${root}${path.replace(/texts\.ts$/, '')}`).includes('texts.ts')),
    'api/messages/texts.ts',
  ];
  const pairs: Pair[] = [];
  for (const path of paths) {
    const module = (await import(`${root}${path}`)) as { nl: unknown; en: unknown };
    pairs.push({ name: path, nl: module.nl, en: module.en });
  }
  // A widget keeps English in a chunk of its own (loaded only on English pages): its Dutch
  // table plus the shared one must match that chunk.
  const shared = (await import(`${root}widgets/shared/messages.ts`)) as { nl: object };
  const sharedEn = (await import(`${root}widgets/shared/messages-en.ts`)) as { en: object };
  pairs.push({ name: 'widgets/shared/messages', nl: shared.nl, en: sharedEn.en });
  const widgets = readdirSync(`${root}widgets`, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && entry.name.startsWith('podium-'),
  );
  for (const { name: widget } of widgets) {
    for (const base of readdirSync(`${root}widgets/${widget}`).filter((f) => /^(\w+-)?messages\.ts$/.test(f))) {
      const nl = ((await import(`${root}widgets/${widget}/${base}`)) as { nl: object }).nl;
      const en = ((await import(`${root}widgets/${widget}/${base.replace('.ts', '-en.ts')}`)) as { en: object }).en;
      const withShared = base === 'messages.ts' ? { ...shared.nl, ...nl } : nl;
      pairs.push({ name: `widgets/${widget}/${base}`, nl: withShared, en });
    }
  }
  return pairs;
}

/** Where English differs from Dutch in shape: a missing or extra key, another kind of value, an empty text. */
function differences(nl: unknown, en: unknown, path: string): string[] {
  if (typeof nl === 'string' || typeof en === 'string') {
    if (typeof nl !== typeof en) return nl === null || en === null ? [] : [`${path}: a text in one language only`];
    return [nl, en].some((text) => typeof text === 'string' && text.trim() === '') ? [`${path}: empty text`] : [];
  }
  if (typeof nl === 'function' || typeof en === 'function') {
    return typeof nl === typeof en ? [] : [`${path}: a function in one language only`];
  }
  if (Array.isArray(nl) || Array.isArray(en)) {
    if (!Array.isArray(nl) || !Array.isArray(en)) return [`${path}: a list in one language only`];
    if (nl.length !== en.length) return [`${path}: ${nl.length} lines in Dutch, ${en.length} in English`];
    return nl.flatMap((item, i) => differences(item, en[i], `${path}[${i}]`));
  }
  if (nl && typeof nl === 'object' && en && typeof en === 'object') {
    const keys = new Set([...Object.keys(nl), ...Object.keys(en)]);
    return [...keys].flatMap((key) => {
      if (!(key in nl)) return [`${path}.${key}: only in English`];
      if (!(key in en)) return [`${path}.${key}: missing in English`];
      return differences((nl as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], `${path}.${key}`);
    });
  }
  return nl === en || nl === null || en === null ? [] : [`${path}: different kinds of value`];
}

describe('texts modules', async () => {
  const modules = await textsModules();

  it('are found: the portal, the staff areas, the API messages and every widget', () => {
    const names = modules.map((m) => m.name);
    for (const expected of [
      'shared/texts/common.ts',
      'shared/texts/form-script.ts',
      'api/staff/queue/texts.ts',
      'api/messages/texts.ts',
      'widgets/podium-submit/messages.ts',
      'widgets/podium-submit/send-messages.ts',
    ]) {
      assert.ok(names.includes(expected), `${expected} is checked`);
    }
  });

  for (const { name, nl, en } of modules) {
    it(`${name}: English has the same keys as Dutch, and no text is empty`, () => {
      assert.ok(nl && typeof nl === 'object', 'exports nl');
      assert.ok(en && typeof en === 'object', 'exports en');
      assert.deepEqual(differences(nl, en, name), []);
    });
  }
});

describe('the key check itself', () => {
  it('reports a missing key, an extra key, an empty text and a different list', () => {
    assert.deepEqual(
      differences(
        { a: 'x', b: { c: 'y' }, d: ['1', '2'], e: 'z' },
        { a: '', b: { c: 'y', f: 'g' }, d: ['1'], e: () => 'z' },
        'm',
      ),
      [
        'm.a: empty text',
        'm.b.f: only in English',
        'm.d: 2 lines in Dutch, 1 in English',
        'm.e: a text in one language only',
      ],
    );
  });
});

describe('textsFor', () => {
  it('gives the texts of the language asked for', () => {
    const module = { nl: { hello: 'Hallo' }, en: { hello: 'Hello' } };
    assert.equal(textsFor(module, 'nl').hello, 'Hallo');
    assert.equal(textsFor(module, 'en').hello, 'Hello');
  });

  it('knows which language tags Podium speaks', () => {
    assert.equal(isLocale('nl'), true);
    assert.equal(isLocale('en'), true);
    assert.equal(isLocale('de'), false);
    assert.equal(isLocale(undefined), false);
  });
});
