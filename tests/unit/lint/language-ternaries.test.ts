import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages of the inline-text rule for `code` as if it were the file at `path`. */
async function complaints(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the lint rule against inline language ternaries', () => {
  it('forbids a text chosen by language in code, in either order and as a template', async () => {
    const code = [
      "export const a = (lang: 'nl' | 'en') => (lang === 'en' ? 'To the home page' : 'Naar de startpagina');",
      "export const b = (page: { lang: 'nl' | 'en' }) => (page.lang === 'nl' ? `Fout: ${1}` : 'Error:');",
      "export const c = (locale: 'nl' | 'en') => (locale !== 'en' ? 'Hallo' : 'Hello');",
      "export const d = (lang: 'nl' | 'en') => { const en = lang === 'en'; return en ? 'Archive' : 'Archief'; };",
    ].join('\n');
    assert.equal((await complaints('api/routes/probe.ts', code)).length, 4);
  });

  it('lets paths and language codes through', async () => {
    const code = [
      "export const a = (lang: 'nl' | 'en') => (lang === 'en' ? '/en/manage/' : '/beheer/');",
      "export const b = (lang: 'nl' | 'en') => (lang === 'en' ? 'en-GB' : 'nl-NL');",
      "export const c = (lang: string) => (lang === 'en' ? 'en' : 'nl');",
    ].join('\n');
    assert.deepEqual(await complaints('api/routes/probe.ts', code), []);
  });

  it('allows texts modules to hold both languages', async () => {
    const code = "export const pick = (lang: 'nl' | 'en') => (lang === 'en' ? 'Hello' : 'Hallo');";
    assert.deepEqual(await complaints('api/staff/queue/texts.ts', code), []);
    assert.deepEqual(await complaints('shared/texts/common.ts', code), []);
  });
});
