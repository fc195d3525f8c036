/**
 * Every indicator of the bundled criteria file, scored just inside, exactly on and just outside
 * its target. The expectations are written from SCORING.md by hand, independently of the JSON:
 * a transcription error in the file, or an indicator added without a case here, fails this test.
 */
import { listIndicators } from '../../src/core/criteria';
import { scoreIndicator, Status } from '../../src/core/score';
import { entryFrom, loadCriteria, Typed } from './helpers';

type Case = [Record<string, Typed>, Status];

const v = (value: Typed): Record<string, Typed> => ({ value });
const atLeast = (b: number): Case[] => [[v(b + 0.01), 'met'], [v(b), 'met'], [v(b - 0.01), 'unmet']];
const atMost = (b: number): Case[] => [[v(b - 0.01), 'met'], [v(b), 'met'], [v(b + 0.01), 'unmet']];
const hundred: Case[] = [[v(100), 'met'], [v(99.99), 'unmet'], [v(100.01), 'invalid']];
const trend = (wanted: 'Tăng' | 'Giảm'): Case[] => {
  const other = wanted === 'Tăng' ? 'Giảm' : 'Tăng';
  return [[{ trend: wanted }, 'met'], [{ trend: other }, 'unmet'], [{ trend: 'Không đổi' }, 'unmet']];
};
const rating: Case[] = [[{ rating: 4 }, 'met'], [{ rating: 3 }, 'met'], [{ rating: 2 }, 'unmet']];
const counts = (prefix: string, rate: number, pass: [number, number]): Record<string, Typed> => ({
  [`${prefix}male`]: pass[0],
  [`${prefix}female`]: pass[1],
  [`${prefix}total`]: pass[0] + pass[1],
  [`${prefix}rate`]: rate,
});

const CASES: Record<string, Case[]> = {
  '1.1.1.a': atLeast(95),
  '1.1.1.b': atLeast(90),
  '1.1.2.a': atLeast(70),
  '1.1.3.a': atLeast(50),
  '1.1.3.b': [[v(40), 'met'], [v(60), 'met'], [v(50), 'met'], [v(39.99), 'unmet'], [v(60.01), 'unmet']],
  '1.2.1.a': [[v(150.01), 'met'], [v(150), 'met'], [v(149.99), 'unmet'], [v(320), 'met']],
  '1.2.1.b': [
    [{ poor: 4, near_poor: 6 }, 'met'],
    [{ poor: 4, near_poor: 5.99 }, 'met'],
    [{ poor: 4, near_poor: 6.01 }, 'unmet'],
  ],
  '1.2.2.a': [
    [{ male: 4, female: 6, total: 5 }, 'met'],
    [{ male: 4.8, female: 5.1, total: 4.99 }, 'met'],
    [{ male: 5, female: 5.2, total: 5.01 }, 'unmet'],
    [{ male: 3, female: 4, total: 4.5 }, 'invalid'], // total outside [male, female]
  ],
  '1.2.3.a': atLeast(50),
  '1.2.4.a': [[{ change: 0.01 }, 'met'], [{ change: 0 }, 'unmet'], [{ change: -0.01 }, 'unmet'], [{ change: '+3,2%' }, 'met'], [{ change: 'Giảm' }, 'unmet']],
  '1.2.4.b': trend('Tăng'),
  '1.3.1.a': atLeast(60),
  '1.3.1.b': atLeast(70),
  '1.3.1.c': trend('Giảm'),
  '1.3.2.a': atMost(5),
  '1.3.2.b': trend('Giảm'),
  '1.3.2.c': trend('Giảm'),
  '1.3.2.d': trend('Tăng'),
  '1.3.2.e': hundred,
  '1.3.2.f': hundred,
  '2.1.1.a': [
    [counts('', 85.01, [500, 480]), 'met'],
    [counts('', 85, [500, 480]), 'met'],
    [counts('', 84.99, [500, 480]), 'unmet'],
    [{ male: 500, female: 480, total: 990, rate: 90 }, 'invalid'], // Nam + Nữ ≠ Tổng
  ],
  '2.1.2.a': [
    [{ ...counts('entry_', 98, [60, 40]), ...counts('completion_', 90, [50, 50]) }, 'met'],
    [{ ...counts('entry_', 97.99, [60, 40]), ...counts('completion_', 95, [50, 50]) }, 'unmet'],
    [{ ...counts('entry_', 99, [60, 40]), ...counts('completion_', 89.99, [50, 50]) }, 'unmet'],
    [{ ...counts('entry_', 99, [60, 40]), completion_rate: 95 }, 'met'], // counts left blank: only the rates are scored
  ],
  '2.1.2.b': [
    [{ ...counts('diploma_', 95, [60, 40]), ...counts('studying_', 80, [50, 50]) }, 'met'],
    [{ ...counts('diploma_', 94.99, [60, 40]), ...counts('studying_', 85, [50, 50]) }, 'unmet'],
    [{ ...counts('diploma_', 96, [60, 40]), ...counts('studying_', 79.99, [50, 50]) }, 'unmet'],
    [{ diploma_rate: 96 }, 'missing'], // the second group's rate is blank
  ],
  '2.1.3.a': atLeast(35),
  '2.1.4.a': atLeast(50),
  '2.1.5.a': atLeast(70),
  '2.2.1.a': atLeast(50),
  '2.2.1.b': atLeast(50),
  '2.2.2.a': atLeast(90),
  '2.2.2.b': atLeast(80),
  '2.2.2.c': atLeast(50),
  '2.2.2.d': atLeast(70),
  '2.3.1.a': [
    [{ trained: 80, women: 50 }, 'met'],
    [{ trained: 79.99, women: 60 }, 'unmet'],
    [{ trained: 90, women: 49.99 }, 'unmet'],
  ],
  '2.3.2.a': [
    [{ state: 0.01, private: 0.01 }, 'met'],
    [{ state: 0, private: 20 }, 'unmet'],
    [{ state: 20, private: 0 }, 'unmet'],
  ],
  '2.3.3.a': atMost(3),
  '2.3.3.b': atLeast(50),
  '2.4.1.a': [
    [{ schools: 100, community: 100 }, 'met'],
    [{ schools: 99.99, community: 100 }, 'unmet'],
    [{ schools: 100, community: 99.99 }, 'unmet'],
  ],
  '2.4.1.b': rating,
  '2.4.1.c': hundred,
  '2.4.1.d': atLeast(80),
  '2.4.2.a': atLeast(70),
  '2.4.2.b': atLeast(60),
  '2.5.1.a': hundred,
  '2.5.1.b': atLeast(50),
  '2.5.2.a': hundred,
  '2.5.3.a': hundred,
  '2.6.1.a': rating,
  '2.6.2.a': rating,
  '3.1.1.a': rating,
  '3.1.2.a': rating,
  '3.1.3.a': rating,
  '3.2.1.a': rating,
  '3.2.2.a': rating,
  '3.3.1.a': rating,
  '3.3.2.a': rating,
  '3.3.3.a': rating,
  '3.3.4.a': rating,
};

const criteria = loadCriteria();
const indicators = listIndicators(criteria).map((p) => p.indicator);

test('every indicator in the criteria file has target cases, and every case an indicator', () => {
  const ids = indicators.map((i) => i.id);
  expect(ids.filter((id) => !CASES[id])).toEqual([]);
  expect(Object.keys(CASES).filter((id) => !ids.includes(id))).toEqual([]);
});

describe.each(indicators.map((i) => [i.id, i] as const))('%s', (id, indicator) => {
  const cases = CASES[id] ?? [];
  test.each(cases.map(([typed, status]) => [JSON.stringify(typed), typed, status] as const))('%s ⇒ %s', (_label, typed, status) => {
    const result = scoreIndicator(indicator, entryFrom(indicator, typed), criteria);
    expect(result.status).toBe(status === undefined ? 'met' : status);
  });

  test('all fields blank ⇒ missing, never unmet', () => {
    expect(scoreIndicator(indicator, entryFrom(indicator, {}), criteria).status).toBe('missing');
  });
});
