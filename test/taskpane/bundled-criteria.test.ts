/**
 * The pane trusts its bundled criteria set at startup (src/taskpane/criteria.ts: no zod while it
 * opens); this is where that trust is earned. The shipped file must validate with the core's
 * schema, and what the pane uses must be exactly what the schema's parsing gives, defaults
 * included: a broken file, or a default added to the schema but not filled by the pane, fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCriteria, type CriteriaSet } from '../../src/core/criteria';
import { bundledCriteria, withDefaults } from '../../src/taskpane/criteria';

const FILE = path.resolve(__dirname, '../../criteria/gnlc-vn-2019.json');
const readFile = (): unknown => JSON.parse(fs.readFileSync(FILE, 'utf8'));

function parsed(data: unknown): CriteriaSet {
  const load = parseCriteria(data);
  if (!load.ok) throw new Error('criteria/gnlc-vn-2019.json does not validate:\n' + load.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'));
  return load.criteria;
}

test('the bundled criteria file validates with the core schema', () => {
  expect(() => parsed(readFile())).not.toThrow();
});

test('the pane uses exactly what validating the bundled file gives', () => {
  expect(bundledCriteria()).toStrictEqual(parsed(readFile()));
});

test('every default the schema fills is filled by the pane, also where the file leaves it out', () => {
  // The file without any of the keys the schema gives a default to.
  const bare = readFile() as { partyAliases?: unknown; areas: Array<{ standards: Array<{ criteria: Array<{ indicators: Array<Record<string, unknown> & { fields: Array<Record<string, unknown>> }> }> }> }> };
  delete bare.partyAliases;
  for (const area of bare.areas)
    for (const standard of area.standards)
      for (const criterion of standard.criteria)
        for (const indicator of criterion.indicators) {
          delete indicator.checks;
          for (const field of indicator.fields) {
            delete field.unit;
            delete field.optional;
          }
        }
  expect(withDefaults(bare as never)).toStrictEqual(parsed(bare));
});
