import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function complaints(path: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('the lint rules for outside text', () => {
  it('forbids lookup tables keyed by any string, `in` with a computed key and hasOwnProperty', async () => {
    const code = [
      'const WORDS: Record<string, number> = { brug: 1 };',
      'export const a = (word: string) => WORDS[word];',
      'export const b = (key: string, o: object) => key in o;',
      'export const c = (o: { hasOwnProperty(k: string): boolean }, k: string) => o.hasOwnProperty(k);',
    ].join('\n');
    assert.equal((await complaints('api/services/probe.ts', code, 'podium/prototype-lookup')).length, 3);
  });

  it('lets Maps, null-prototype objects, union-keyed records and literal `in` checks through', async () => {
    const code = [
      "const WORDS = new Map([['brug', 1]]);",
      'const FREE: Record<string, number> = Object.create(null);',
      "const NAMES: Record<'nl' | 'en', string> = { nl: 'Nederlands', en: 'English' };",
      "export const a = (r: { error: string } | { value: number }) => 'error' in r;",
      'export const b = (o: object, k: string) => Object.hasOwn(o, k) && WORDS.get(k) && FREE[k] && NAMES.nl;',
    ].join('\n');
    assert.deepEqual(await complaints('api/services/probe.ts', code, 'podium/prototype-lookup'), []);
  });

  it('asks for InputText instead of z.string() in the API and the contracts, not in the configuration', async () => {
    const code = "import { z } from 'zod';\nexport const Note = z.string().max(500);";
    assert.equal((await complaints('api/routes/probe.ts', code, 'podium/input-text')).length, 1);
    assert.equal((await complaints('shared/contracts/probe.ts', code, 'podium/input-text')).length, 1);
    assert.deepEqual(await complaints('api/config.ts', code, 'podium/input-text'), []);
  });
});
