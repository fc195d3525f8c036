/**
 * A bug in the mapper surfaces as an exception: it is not passed off as a sheet that maps nothing
 * ("unmapped"), a field that reads blank or a workbook without an appendix. The bug is planted by
 * mocking one of the mapper's modules; what a department may type (odd, hostile snapshots and
 * saved mappings) still never throws (test/core/mapping-property.test.ts).
 */
import { CriteriaSet } from '../../src/core/criteria';
import { findAppendixSheet, mapSheet, readEntries } from '../../src/core/mapping';
import { buildAppendix, sampleValues } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';

const BUG = 'a planted bug';
const planted = { matching: false, fields: false, reading: false };

/** A module as it is, but for one function that throws while its bug is planted. */
function withBug(modulePath: string, name: string, bug: keyof typeof planted): Record<string, unknown> {
  const actual = jest.requireActual<Record<string, (...args: unknown[]) => unknown>>(modulePath);
  const real = actual[name]!;
  return {
    ...actual,
    [name]: (...args: unknown[]) => {
      if (planted[bug]) throw new Error(BUG);
      return real(...args);
    },
  };
}
jest.mock('../../src/core/mapping/matching', () => withBug('../../src/core/mapping/matching', 'claimFor', 'matching'));
jest.mock('../../src/core/mapping/fields', () => withBug('../../src/core/mapping/fields', 'assignFields', 'fields'));
jest.mock('../../src/core/read', () => withBug('../../src/core/read', 'readFieldFromCells', 'reading'));

let criteria: CriteriaSet;
beforeAll(() => {
  criteria = loadCriteria();
});
afterEach(() => {
  planted.matching = planted.fields = planted.reading = false;
});

test('without a bug, the sheet maps and reads (the mocks pass through)', () => {
  const { sheet } = buildAppendix(criteria, sampleValues(criteria));
  const mapping = mapSheet(sheet, criteria);
  expect(mapping.unplaced).toEqual([]);
  expect(readEntries(sheet, mapping, criteria).size).toBe(57);
  expect(findAppendixSheet({ sheets: [sheet] }, criteria)?.sheet).toBe(sheet);
});

test('a bug in matching rows to indicators throws from mapSheet, instead of "nothing mapped"', () => {
  const { sheet } = buildAppendix(criteria, sampleValues(criteria));
  planted.matching = true;
  expect(() => mapSheet(sheet, criteria)).toThrow(BUG);
});

test('a bug in placing fields throws from mapSheet', () => {
  const { sheet } = buildAppendix(criteria, sampleValues(criteria));
  planted.fields = true;
  expect(() => mapSheet(sheet, criteria)).toThrow(BUG);
});

test('a bug while reading the mapped cells throws from readEntries, instead of blank fields or no entries', () => {
  const { sheet } = buildAppendix(criteria, sampleValues(criteria));
  const mapping = mapSheet(sheet, criteria);
  planted.reading = true;
  expect(() => readEntries(sheet, mapping, criteria)).toThrow(BUG);
});

// Criteria are validated when they are loaded: anything else is a caller's bug.
test('criteria that are not a criteria set throw from findAppendixSheet and mapSheet, instead of "no appendix found"', () => {
  const { sheet } = buildAppendix(criteria, sampleValues(criteria));
  expect(() => findAppendixSheet({ sheets: [sheet] }, {} as CriteriaSet)).toThrow(TypeError);
  expect(() => mapSheet(sheet, {} as CriteriaSet)).toThrow(TypeError);
});
