/**
 * The shared scorer: from the readings of an indicator's fields to a status with reasons.
 * Statuses and their precedence follow SCORING.md: invalid › missing › met/unmet.
 */
import { Condition, CriteriaSet, Field, Indicator } from './criteria';
import { compareIds, fieldLabel, listIndicators } from './criteria-model';
import { Status } from './status';
import { Issue, makeIssue } from './issues';
import { FieldValue, Reading, Trend, clean } from './read';
import { Lang, formatNumber, formatQuantity } from '../i18n/format';
import { TREND_TEXT, message } from '../i18n/messages';
import { canonicalParty } from './parties';

export { STATUSES } from './status';
export type { Status } from './status';
export { fieldLabel };

/** One field as read from the workbook. */
export interface FieldEntry {
  reading: Reading;
  /** The cells the value was read from (A1 addresses). */
  cells: string[];
  /** What the person typed, for the report when it cannot be read. */
  raw?: string | number | boolean | null;
}

/** An indicator as found in a workbook: its fields' readings, and where it was found. */
export interface IndicatorEntry {
  id: string;
  /** False when the mapping could not place the indicator's row. */
  mapped: boolean;
  fields: Record<string, FieldEntry | undefined>;
  /** Previous- and current-year figures for a trend field, keyed by the trend field's key. */
  trendPairs?: Record<string, { previous?: FieldEntry; current?: FieldEntry } | undefined>;
  /** The responsible party the workbook names for this row, if it names one. */
  responsible?: string;
  /** Issues the mapping raised (a duplicate row, an unsure match). */
  mappingIssues?: Issue[];
  /** What the department wrote in the sheet's notes column on the indicator's rows (not scored; carried into a master sheet). */
  note?: IndicatorNote;
}

/** A department's note on an indicator: the texts of its note cells (one per line), and those cells. */
export interface IndicatorNote {
  text: string;
  cells: string[];
}

export interface IndicatorResult {
  id: string;
  status: Status;
  /** The responsible party, canonical name. */
  responsible: string;
  /** Every cell the indicator was read from. */
  cells: string[];
  /** Typed values by field key: a number, a trend word, the raw text of an unreadable cell, or null. */
  values: Record<string, number | string | null>;
  /** Cell and cross-field issues, mapping notes, in order of importance. */
  issues: Issue[];
  /** A sentence a person can read: the value, the target and the gap. */
  reason: Record<Lang, string>;
}

const EPSILON = 1e-9;
/** A field's own label in English (the cross-field messages name fields as the vi ones do: "Nam + Nữ", "Male + Female"). */
const labelEn = (f: { label: string; labelEn?: string | undefined }) => f.labelEn ?? f.label;

function trendWord(t: Trend): string {
  return TREND_TEXT[t].vi;
}

function displayValue(v: FieldValue): number | string {
  return typeof v === 'number' ? v : trendWord(v);
}

export function scoreIndicator(indicator: Indicator, entry: IndicatorEntry | undefined, criteria?: CriteriaSet): IndicatorResult {
  const responsible = canonicalParty(entry?.responsible || indicator.responsible, criteria);
  const values: Record<string, number | string | null> = {};
  for (const f of indicator.fields) values[f.key] = null;
  if (!entry || !entry.mapped) {
    const issue = makeIssue('unmapped');
    return { id: indicator.id, status: 'missing', responsible, cells: [], values, issues: [issue, ...(entry?.mappingIssues ?? [])], reason: issue.message };
  }

  const cells: string[] = [];
  const invalid: Issue[] = [];
  const missing: Issue[] = [];
  const read = new Map<string, FieldValue>();
  const scored = scoredFields(indicator);

  for (const field of indicator.fields) {
    const fe = entry.fields[field.key];
    if (fe) for (const c of fe.cells) if (!cells.includes(c)) cells.push(c);
    let reading: Reading = fe?.reading ?? { status: 'missing', issue: makeIssue('field-unmapped', { label: fieldLabel(field) }, { field: field.key }) };
    if (field.kind === 'trend') reading = withTrendPair(field, reading, entry, cells, invalid);
    if (reading.status === 'value') {
      read.set(field.key, reading.value);
      values[field.key] = displayValue(reading.value);
    } else if (reading.status === 'invalid') {
      invalid.push(reading.issue);
      values[field.key] = fe?.raw === undefined || fe.raw === null ? null : typeof fe.raw === 'boolean' ? String(fe.raw) : fe.raw;
    } else if (scored.has(field.key) && !field.optional) {
      missing.push(reading.issue);
    }
  }

  for (const check of indicator.checks) {
    const issue = runCheck(indicator, check, read);
    if (issue) invalid.push(issue);
  }
  const mappingIssues = entry.mappingIssues ?? [];

  if (invalid.length) return finish('invalid', invalid[0]!.message, [...invalid, ...missing, ...mappingIssues]);
  if (missing.length) {
    const absent = indicator.fields.filter((f) => missing.some((i) => i.field === f.key));
    const list = (lang: Lang) => absent.map((f) => fieldLabel(f, lang)).join(', ');
    const reason = missing.length === 1 ? missing[0]!.message : { vi: message('missing-fields', { fields: list('vi') }, 'vi'), en: message('missing-fields', { fields: list('en') }, 'en') };
    return finish('missing', reason, [...missing, ...mappingIssues]);
  }

  const outcomes = indicator.target.all.map((cond) => evaluate(indicator, cond, read));
  const wrong = outcomes.find((o) => o.kind === 'invalid');
  if (wrong && wrong.kind === 'invalid') return finish('invalid', wrong.issue.message, [wrong.issue, ...mappingIssues]);
  const failing = outcomes.filter((o) => o.kind === 'fail');
  const pieces = (failing.length ? failing : outcomes) as Array<{ reason: Record<Lang, string> }>;
  const reason = { vi: pieces.map((p) => p.reason.vi).join('; '), en: pieces.map((p) => p.reason.en).join('; ') };
  return finish(failing.length ? 'unmet' : 'met', reason, mappingIssues);

  function finish(status: Status, reason: Record<Lang, string>, issues: Issue[]): IndicatorResult {
    return { id: indicator.id, status, responsible, cells, values, issues, reason };
  }
}

/** The fields the target reads: a blank one makes the indicator missing. */
function scoredFields(indicator: Indicator): Set<string> {
  const s = new Set<string>();
  for (const c of indicator.target.all) for (const f of c.fields) s.add(f);
  return s;
}


/** A trend is computed from last year's and this year's figures where both are given. */
function withTrendPair(field: Field, reading: Reading, entry: IndicatorEntry, cells: string[], invalid: Issue[]): Reading {
  const pair = entry.trendPairs?.[field.key];
  if (!pair?.previous || !pair.current) return reading;
  for (const fe of [pair.previous, pair.current]) for (const c of fe.cells) if (!cells.includes(c)) cells.push(c);
  const p = pair.previous.reading;
  const c = pair.current.reading;
  if (p.status === 'invalid') return p;
  if (c.status === 'invalid') return c;
  if (p.status !== 'value' || c.status !== 'value' || typeof p.value !== 'number' || typeof c.value !== 'number') return reading;
  const computed: Trend = c.value > p.value ? 'increase' : c.value < p.value ? 'decrease' : 'unchanged';
  if (reading.status === 'value' && reading.value !== computed) {
    invalid.push(
      makeIssue(
        'trend-contradiction',
        { typed: trendWord(reading.value as Trend), computed: trendWord(computed), previous: formatNumber(p.value, 'vi'), current: formatNumber(c.value, 'vi') },
        { field: field.key, ...(entry.fields[field.key]?.cells[0] ? { cell: entry.fields[field.key]!.cells[0]! } : {}) },
      ),
    );
    return reading;
  }
  return { status: 'value', value: computed };
}

function runCheck(indicator: Indicator, check: Indicator['checks'][number], read: Map<string, FieldValue>): Issue | undefined {
  const fieldOf = (k: string) => indicator.fields.find((f) => f.key === k)!;
  const num = (k: string) => {
    const v = read.get(k);
    return typeof v === 'number' ? v : undefined;
  };
  if (check.type === 'sum') {
    const parts = check.parts.map(num);
    const total = num(check.total);
    if (total === undefined || parts.some((p) => p === undefined)) return undefined; // checked only when all are given
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - total) <= EPSILON * Math.max(1, Math.abs(total))) return undefined;
    return makeIssue(
      'sum-mismatch',
      {
        parts: check.parts.map((k) => fieldOf(k).label).join(' + '),
        sum: formatNumber(sum, 'vi'),
        totalLabel: fieldOf(check.total).label,
        total: formatNumber(total, 'vi'),
        partsEn: check.parts.map((k) => labelEn(fieldOf(k))).join(' + '),
        sumEn: formatNumber(sum, 'en'),
        totalLabelEn: labelEn(fieldOf(check.total)),
        totalEn: formatNumber(total, 'en'),
      },
      { field: check.total },
    );
  }
  const v = num(check.value);
  const a = num(check.bounds[0]);
  const b = num(check.bounds[1]);
  if (v === undefined || a === undefined || b === undefined) return undefined;
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  if (v >= low - EPSILON && v <= high + EPSILON) return undefined;
  const unit = fieldOf(check.value).unit;
  return makeIssue(
    'total-outside-range',
    {
      totalLabel: fieldOf(check.value).label,
      total: formatQuantity(v, unit, 'vi'),
      low: formatQuantity(low, unit, 'vi'),
      high: formatQuantity(high, unit, 'vi'),
      // The English message's own figures and unit ("1,250 children", not "1.250 Trẻ").
      totalLabelEn: labelEn(fieldOf(check.value)),
      totalEn: formatQuantity(v, unit, 'en'),
      lowEn: formatQuantity(low, unit, 'en'),
      highEn: formatQuantity(high, unit, 'en'),
    },
    { field: check.value },
  );
}

type Outcome = { kind: 'pass' | 'fail'; reason: Record<Lang, string> } | { kind: 'invalid'; issue: Issue };

const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

export function conditionText(indicator: Indicator, cond: Condition, lang: Lang): string {
  const unit = indicator.fields.find((f) => f.key === cond.fields[0])?.unit ?? '';
  if (cond.op === 'is') return TREND_TEXT[cond.value][lang];
  if (cond.op === 'between') return `${formatNumber(cond.min, lang)}–${formatQuantity(cond.max, unit, lang)}`;
  return `${OP_TEXT[cond.op]} ${formatQuantity(cond.bound, unit, lang)}`;
}

function evaluate(indicator: Indicator, cond: Condition, read: Map<string, FieldValue>): Outcome {
  const fields = cond.fields.map((k) => indicator.fields.find((f) => f.key === k)!);
  const labelled = indicator.target.all.length > 1 || fields.length > 1;
  const unit = fields[0]!.unit;
  const vals = cond.fields.map((k) => read.get(k)!);
  const reasons = (key: Parameters<typeof message>[0], value: (l: Lang) => string, gap?: number): Record<Lang, string> => {
    const r = {} as Record<Lang, string>;
    for (const lang of ['vi', 'en'] as Lang[]) {
      const prefix = labelled ? fields.map((f) => fieldLabel(f, lang)).join(' + ') + ': ' : '';
      r[lang] = message(key, { value: prefix + value(lang), target: conditionText(indicator, cond, lang), gap: gap === undefined ? '' : formatNumber(gap, lang) }, lang);
    }
    return r;
  };

  if (cond.op === 'is') {
    const v = vals[0] as Trend;
    const pass = v === cond.value;
    return { kind: pass ? 'pass' : 'fail', reason: reasons(pass ? 'met' : 'unmet-trend', (l) => TREND_TEXT[v]?.[l] ?? String(v)) };
  }
  // A trend word in a change field gives its sign only.
  if (vals.some((v) => typeof v !== 'number')) {
    const v = vals[0] as Trend;
    const sign = v === 'increase' ? 1 : v === 'decrease' ? -1 : 0;
    const zeroBound = cond.op !== 'between' && cond.bound === 0;
    if (fields.length !== 1 || !zeroBound) {
      return { kind: 'invalid', issue: makeIssue('change-without-size', { text: TREND_TEXT[v]?.vi ?? String(v), target: conditionText(indicator, cond, 'vi'), textEn: TREND_TEXT[v]?.en ?? String(v), targetEn: conditionText(indicator, cond, 'en') }, { field: fields[0]!.key }) };
    }
    const pass = compare(sign, cond.op as '>=', 0);
    return { kind: pass ? 'pass' : 'fail', reason: reasons(pass ? 'met' : 'unmet-trend', (l) => TREND_TEXT[v][l]) };
  }
  const value = vals.length === 1 ? (vals[0] as number) : clean((vals as number[]).reduce((a, b) => a + b, 0));
  const shown = (l: Lang) => formatQuantity(value, unit, l);
  if (cond.op === 'between') {
    const pass = value >= cond.min && value <= cond.max;
    return { kind: pass ? 'pass' : 'fail', reason: reasons(pass ? 'met' : 'unmet-outside', shown) };
  }
  const pass = compare(value, cond.op, cond.bound);
  if (pass) return { kind: 'pass', reason: reasons('met', shown) };
  const gap = Math.abs(clean(cond.bound - value));
  if (cond.op === '>=' || (cond.op === '=' && value < cond.bound)) return { kind: 'fail', reason: reasons('unmet-gap', shown, gap) };
  if (cond.op === '<=' || cond.op === '=') return { kind: 'fail', reason: reasons('unmet-excess', shown, gap) };
  return { kind: 'fail', reason: reasons('unmet-trend', shown) };
}

function compare(v: number, op: '>=' | '>' | '<=' | '<' | '=', bound: number): boolean {
  switch (op) {
    case '>=':
      return v >= bound;
    case '>':
      return v > bound;
    case '<=':
      return v <= bound;
    case '<':
      return v < bound;
    case '=':
      return v === bound;
  }
}

/** Scores every indicator of a set, in id order; an indicator with no entry is missing. */
export function scoreAll(criteria: CriteriaSet, entries: ReadonlyMap<string, IndicatorEntry>): IndicatorResult[] {
  return indicatorsInIdOrder(criteria).map((indicator) => scoreIndicator(indicator, entries.get(indicator.id), criteria));
}

const idOrder = new WeakMap<CriteriaSet, Indicator[]>();
/** The set's indicators sorted by id (a file may list them in another order). */
export function indicatorsInIdOrder(criteria: CriteriaSet): Indicator[] {
  let list = idOrder.get(criteria);
  if (!list) idOrder.set(criteria, (list = listIndicators(criteria).map((p) => p.indicator).sort((a, b) => compareIds(a.id, b.id))));
  return list;
}
