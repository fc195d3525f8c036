/**
 * eslint.config.mjs forbids a spread followed by more properties (`{ ...x, key }`) in src/core and
 * src/hosts/xlsx: in Node 20 every object made that way gets a hidden class of its own, and the
 * core's readers of cells, fields and results then stay on their slowest path (src/core/objects.ts).
 * Linted here in files of those layers and of one the rule leaves alone, so the rule cannot quietly
 * go away or start reporting the forms it allows.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const LINT = path.join(__dirname, 'lint-texts.mjs');

const FORMS = {
  spreadThenKey: 'export const f = (a: object) => ({ ...a, b: 1 });\n',
  spreadThenSpread: 'export const f = (a: object, c: object) => ({ ...a, ...c });\n',
  spreadOnly: 'export const f = (a: object) => ({ ...a });\n',
  keyThenSpread: 'export const f = (a: object) => ({ b: 1, ...a });\n',
};
const FILES = ['src/core/spread-probe.ts', 'src/hosts/xlsx/spread-probe.ts', 'src/taskpane/spread-probe.ts'];

interface Linted {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; message: string }>;
}

describe('the spread-then-properties rule', () => {
  let reported: Map<string, string[]>;
  beforeAll(() => {
    const texts = FILES.flatMap((file) => Object.entries(FORMS).map(([form, code]) => ({ filePath: file, code, form })));
    const r = spawnSync(process.execPath, [LINT], { cwd: ROOT, input: JSON.stringify(texts), encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`lint-texts.mjs failed (${r.status}): ${r.stderr}`);
    const out = JSON.parse(r.stdout) as Linted[];
    reported = new Map(
      texts.map((t, i) => [`${t.filePath} ${t.form}`, out[i]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === null).map((m) => m.message)]),
    );
  }, 120_000);

  test.each(FILES.slice(0, 2))('%s: a spread followed by more properties is reported, naming withProps', (file) => {
    for (const form of ['spreadThenKey', 'spreadThenSpread']) {
      const messages = reported.get(`${file} ${form}`)!;
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/withProps/);
    }
  });

  test.each(FILES.slice(0, 2))('%s: a spread alone, or after the properties, is allowed', (file) => {
    expect(reported.get(`${file} spreadOnly`)).toEqual([]);
    expect(reported.get(`${file} keyThenSpread`)).toEqual([]);
  });

  test('the task pane, outside the rule, is not linted for it', () => {
    expect(reported.get('src/taskpane/spread-probe.ts spreadThenKey')).toEqual([]);
  });
});
