/**
 * The shipped criteria file (criteria/gnlc-vn-2019.json) validates and agrees with the
 * project's own scoring description, docs/scoring.md: the same 57 indicator ids, the same
 * responsible parties, the same short English labels, and a stated source wherever the
 * description sets a default or a reading. (scripts/check-scoring-contract.mjs holds
 * docs/scoring.md to the team's contract where a copy of it is at hand; the tests never reach
 * outside the repository.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCriteriaText, listIndicators, type CriteriaSet, type PlacedIndicator } from '../../src/core/criteria';

const CRITERIA_FILE = path.resolve(__dirname, '../../criteria/gnlc-vn-2019.json');
const SCORING_FILE = path.resolve(__dirname, '../../docs/scoring.md');

interface ScoringRow {
  id: string;
  short: string;
  responsible: string;
  fields: string;
  metWhen: string;
  line: string;
}

/** The rows of docs/scoring.md's target table: lines whose first column is an indicator id. */
function readScoringRows(): ScoringRow[] {
  const rows: ScoringRow[] = [];
  for (const line of fs.readFileSync(SCORING_FILE, 'utf8').normalize('NFC').split(/\r?\n/)) {
    if (!/^\| [123]\./.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const [id = '', short = '', responsible = '', fields = '', metWhen = ''] = cells;
    rows.push({ id, short, responsible, fields, metWhen, line });
  }
  return rows;
}

function loadCriteria(): CriteriaSet {
  const loaded = parseCriteriaText(fs.readFileSync(CRITERIA_FILE, 'utf8'));
  if (!loaded.ok) throw new Error('criteria file does not validate:\n' + loaded.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'));
  return loaded.criteria;
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, at = '(root)'): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...strings(k, `${at}.<key>`), ...strings(v, `${at}.${k}`)]);
  }
  return [];
}

describe('criteria/gnlc-vn-2019.json', () => {
  const rows = readScoringRows();
  const byId = new Map(rows.map((r) => [r.id, r]));
  let set: CriteriaSet;
  let placed: PlacedIndicator[];

  beforeAll(() => {
    set = loadCriteria();
    placed = listIndicators(set);
  });

  test('parses against the criteria schema', () => {
    const loaded = parseCriteriaText(fs.readFileSync(CRITERIA_FILE, 'utf8'));
    if (!loaded.ok) {
      // Print every problem, so a failure says what to fix.
      console.error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    }
    expect(loaded.ok).toBe(true);
  });

  test('docs/scoring.md lists 57 distinct indicators', () => {
    expect(rows).toHaveLength(57);
    expect(byId.size).toBe(57);
  });

  test('has 3 areas, 12 standards, 35 criteria and 57 indicators', () => {
    const standards = set.areas.flatMap((a) => a.standards);
    const criteria = standards.flatMap((s) => s.criteria);
    expect(set.areas.map((a) => a.code)).toEqual(['1', '2', '3']);
    expect(standards).toHaveLength(12);
    expect(criteria).toHaveLength(35);
    expect(placed).toHaveLength(57);
  });

  test('indicator ids are exactly those of docs/scoring.md, in the same order', () => {
    expect(placed.map((p) => p.indicator.id)).toEqual(rows.map((r) => r.id));
  });

  test('an indicator id is its criterion code plus a letter in appendix order', () => {
    for (const { indicator, criterion, order } of placed) {
      expect(indicator.id).toBe(`${criterion.code}.${String.fromCharCode(97 + order)}`);
    }
  });

  // docs/scoring.md keeps the contract's short labels as a table writes them (lower case); the
  // criteria file holds them as the pane and the reports show them, with a capital first letter.
  const asShown = (s: string) => s.replace(/^(\P{L}*)(\p{L})/u, (_, lead: string, first: string) => lead + first.toLocaleUpperCase('en'));
  test('every responsible party and short English label equals docs/scoring.md', () => {
    const mismatches: string[] = [];
    for (const { indicator } of placed) {
      const row = byId.get(indicator.id);
      if (!row) continue;
      if (indicator.responsible !== row.responsible) mismatches.push(`${indicator.id}: responsible "${indicator.responsible}" ≠ "${row.responsible}"`);
      if (indicator.shortEn !== asShown(row.short)) mismatches.push(`${indicator.id}: shortEn "${indicator.shortEn}" ≠ "${asShown(row.short)}"`);
    }
    expect(mismatches).toEqual([]);
  });

  test('every default or reading in docs/scoring.md has a stated source', () => {
    // "default" anywhere in the row, or a parenthetical reading in "met when" ("Giảm (congestion falls)", "(NĐ 20/2014 …)").
    const needSource = rows.filter((r) => r.line.includes('default') || / \(/.test(r.metWhen));
    expect(needSource.length).toBeGreaterThan(0);
    const missing = needSource
      .filter((r) => {
        const found = placed.find((p) => p.indicator.id === r.id);
        return !found?.indicator.target.source?.trim();
      })
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });

  test('party aliases point at names used by the indicators', () => {
    const used = new Set(placed.map((p) => p.indicator.responsible));
    for (const [alias, name] of Object.entries(set.partyAliases)) {
      expect([alias, used.has(name)]).toEqual([alias, true]);
      expect(used.has(alias)).toBe(false);
    }
  });

  test('Nam/Nữ/Tổng counts carry a sum check', () => {
    for (const { indicator } of placed) {
      const totals = indicator.fields.filter((f) => f.kind === 'count' && f.label === 'Tổng');
      for (const total of totals) {
        expect(indicator.checks).toContainEqual(expect.objectContaining({ type: 'sum', total: total.key }));
      }
    }
  });

  test('texts are NFC, on one line, without doubled spaces', () => {
    const raw: unknown = JSON.parse(fs.readFileSync(CRITERIA_FILE, 'utf8'));
    const bad = strings(raw)
      .filter(([, s]) => s !== s.normalize('NFC') || /[\r\n\t]| {2}|^ | $/.test(s))
      .map(([at]) => at);
    expect(bad).toEqual([]);
  });
});
