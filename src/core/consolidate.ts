/**
 * Consolidation: many departments' returns (templates, or the appendix as each department typed
 * it) merged into one set of readings, with every figure's source, the conflicts between returns
 * and how each was settled, and who has not reported yet. Pure.
 *
 * Rules:
 * - A return's department is the one the caller gives (the user), else its template header's,
 *   else the party responsible for most of the indicators it filled — flagged `inferred`.
 * - Per field, the responsible department's return wins; returns reporting a different value are
 *   listed as a conflict with both sources. Two returns that differ when neither is the
 *   responsible department's (or two returns of the responsible department that differ) make the
 *   indicator invalid, with a message naming both. Values are compared typed ("95,5" = 95.5);
 *   a blank against a value is no conflict.
 */
import { CriteriaSet, Field, Indicator, listIndicators } from './criteria';
import { Issue } from './issues';
import { CURRENT_SUFFIX, PREVIOUS_SUFFIX } from './layout';
import { Mapping } from './mapping';
import { canonicalParty, partyKey } from './parties';
import { entryFilled } from './scope';
import { STATUS_FILL, STATUS_FONT } from './plan';
import { FieldValue, Reading } from './read';
import { FieldEntry, IndicatorEntry, IndicatorResult, fieldLabel, scoreAll } from './score';
import { summarise, headline } from './summary';
import { statusLabel } from './summary-sheet';
import { IndicatorFill, RowFill, TemplateSheet, fieldRows, layoutSheet, listParties, ratingItem } from './template';
import { safeSheetName } from './snapshot';
import { cleanText } from './text';
import { Lang, formatNumber } from '../i18n/format';
import { MESSAGES, Params, TREND_TEXT } from '../i18n/messages';
import { MASTER_SHEET_TEXT } from '../i18n/master-sheet';
import { withProps } from './objects';

// ---------------------------------------------------------------------------------------------
// Messages: in src/i18n/messages.ts, with every other message

export const CONSOLIDATION_CODES = ['conflict', 'conflict-responsible-returns', 'conflict-resolved', 'department-inferred', 'department-unknown', 'return-empty', 'no-return', 'note-cut'] as const;
export type ConsolidationMessageKey = (typeof CONSOLIDATION_CODES)[number];

/** An issue in the shape of issues.ts's Issue, with a consolidation code. */
export interface ConsolidationIssue {
  code: ConsolidationMessageKey;
  params: Params;
  message: Record<Lang, string>;
  /** The cell (in the named return) the issue is about, when there is one. */
  cell?: string;
  field?: string;
  /** The indicator, for conflicts. */
  id?: string;
  /** The return the issue is about. */
  return?: string;
}

export function consolidationIssue(code: ConsolidationMessageKey, params: Params, place: { cell?: string; field?: string; id?: string; return?: string } = {}): ConsolidationIssue {
  const t = MESSAGES[code];
  const issue: ConsolidationIssue = { code, params, message: { vi: t.vi(params), en: t.en(params) } };
  if (place.cell !== undefined) issue.cell = place.cell;
  if (place.field !== undefined) issue.field = place.field;
  if (place.id !== undefined) issue.id = place.id;
  if (place.return !== undefined) issue.return = place.return;
  return issue;
}

/** A consolidation issue is a scoring Issue with a little more context. */
function asIssue(issue: ConsolidationIssue): Issue {
  return issue;
}

// ---------------------------------------------------------------------------------------------
// Types

export interface ReturnInput {
  /** The file or sheet name, as the report names the return. */
  name: string;
  /** The department, when the user says whose return it is (wins over the header). */
  department?: string;
  /** readEntries of the return's sheet. */
  entries: ReadonlyMap<string, IndicatorEntry>;
  /** Ids the mapping placed (Object.keys(mapping.placements)). */
  mappedIds: readonly string[];
  /** The template's header block (mapping.header), when the return is a template. */
  header?: Mapping['header'];
}

export interface FieldSource {
  return: string;
  department: string;
  /** The value's cell in that return. */
  cell?: string;
  /** True when the field is invalid because returns disagree (the source is then the first of them). */
  conflict?: true;
}

/** A FieldEntry of the consolidated readings, noting the return it comes from. */
export interface SourcedFieldEntry extends FieldEntry {
  source: FieldSource;
}

export interface SourceRecord {
  return: string;
  department: string;
  /** The cells of the indicator in that return. */
  cells: string[];
  /** Typed values by field key (`key@previous` / `key@current` for trend figures): a number, a trend word, unreadable text, or null. */
  values: Record<string, number | string | null>;
  /** True when at least one of its values is the one used. */
  used: boolean;
  /** What the return wrote in its notes column for the indicator, in full. */
  note?: string;
}

/** A return's note on an indicator, as the master sheet carries it. */
export interface ReturnNote {
  return: string;
  /** The return's department ('' when not known). */
  department: string;
  /** The note in full (several note cells one per line). */
  text: string;
  /** Its note cells in the return. */
  cells: string[];
  /** True when the return is the responsible department's. */
  responsible: boolean;
}

export interface ConflictValue {
  return: string;
  department: string;
  cell: string;
  value: number | string;
  /** True when the return is the responsible department's. */
  responsible: boolean;
}

export interface Conflict {
  id: string;
  /** Field key (`key@previous` / `key@current` for trend figures). */
  field: string;
  values: ConflictValue[];
  resolved: 'responsible' | 'invalid';
  /** The return whose value is used, when resolved by responsibility. */
  chosen?: string;
  issue: ConsolidationIssue;
}

export interface CompletenessRow {
  party: string;
  /** Indicators the party is responsible for. */
  expected: number;
  /** Of those, indicators with figures to score (not "missing"). */
  reported: number;
  met: number;
  /** True when the party sent a return. */
  returned: boolean;
  /** The names of its returns. */
  returns: string[];
  /** Its indicators still without figures. */
  notReported: string[];
}

export interface ReturnSummary {
  name: string;
  /** Canonical department name; '' when it is not known (an empty return without a header). */
  department: string;
  /** True when the department was guessed from the rows filled: to be confirmed. */
  inferred: boolean;
  departmentSource: 'given' | 'header' | 'inferred' | 'none';
  /** Indicators with at least one figure in the return. */
  indicators: number;
  /** Indicators the return's sheet lays out (placed by the mapping, filled or not). */
  mapped: number;
  /** Of those, the indicators its department is responsible for. */
  own: number;
  /** The template header block of the return, as read. */
  header?: Mapping['header'];
}

export interface Consolidation {
  /** The winning readings; every FieldEntry is a SourcedFieldEntry. */
  entries: Map<string, IndicatorEntry>;
  sources: Record<string, SourceRecord[]>;
  conflicts: Conflict[];
  completeness: CompletenessRow[];
  /** Parties responsible for at least one indicator that sent no return at all. */
  missingParties: string[];
  returns: ReturnSummary[];
  /**
   * The returns' notes by indicator id (indicators with at least one), in the order the master
   * sheet writes them: the responsible department's first, then the others in the returns' order.
   */
  notes: Record<string, ReturnNote[]>;
  /** Everything a coordinator should look at: inferred departments, empty returns, conflicts, missing returns, notes too long for a cell. */
  issues: ConsolidationIssue[];
}

// ---------------------------------------------------------------------------------------------
// Notes

/** The most characters an Excel cell holds (Excel's specifications and limits; Office.js and exceljs alike). */
export const EXCEL_CELL_LIMIT = 32_767;
/** Of an indicator's first note cell in the master: the figure's source line, then the departments' notes. */
const SOURCE_ROOM = 1_024;
export const NOTES_ROOM = EXCEL_CELL_LIMIT - SOURCE_ROOM - 1;

/** How a note is introduced in the master: its department (with the return's name when a department sent several notes), else the return's name. */
function noteLabels(notes: readonly ReturnNote[]): string[] {
  const base = notes.map((n) => n.department || n.return);
  return base.map((b, i) => (base.filter((x) => x === b).length > 1 && notes[i]!.department ? `${b} (${notes[i]!.return})` : b));
}

/** Cuts a text to at most `n` characters without splitting a surrogate pair. */
function cutAt(text: string, n: number): string {
  if (n <= 0) return '';
  if (text.length <= n) return text;
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * The departments' notes on one indicator as one cell's text, each on its own line(s) after its
 * department's name ("Sở Y tế: …"). When they are longer together than `room`, no note is dropped:
 * the short ones are kept whole and the long ones share what is left equally, each cut note ending
 * with `marker`. `cut` says whether anything was cut (it does not depend on the marker).
 */
export function composeNotes(notes: readonly ReturnNote[], room: number, marker: string): { text: string; cut: boolean } {
  if (!notes.length) return { text: '', cut: false };
  const labels = noteLabels(notes);
  const prefixes = labels.map((l) => `${l}: `);
  const fixed = prefixes.reduce((n, p) => n + p.length, 0) + notes.length - 1;
  const whole = fixed + notes.reduce((n, x) => n + x.text.length, 0);
  const join = (texts: readonly string[]) => texts.map((t, i) => prefixes[i] + t).join('\n');
  if (whole <= room) return { text: join(notes.map((n) => n.text)), cut: false };
  const texts = notes.map((n) => n.text);
  let left = Math.max(0, room - fixed);
  const order = notes.map((_, i) => i).sort((a, b) => notes[a]!.text.length - notes[b]!.text.length || a - b);
  order.forEach((i, k) => {
    const share = Math.floor(left / (order.length - k));
    const t = notes[i]!.text;
    if (t.length <= share) {
      left -= t.length;
      return;
    }
    const kept = cutAt(t, Math.max(0, share - marker.length)).trimEnd();
    texts[i] = kept + marker;
    left -= texts[i]!.length;
  });
  return { text: cutAt(join(texts), room), cut: true };
}

/** A text cut to fit an Excel cell, ending with `marker` when cut. */
function fitCell(text: string, limit: number, marker: string): string {
  return text.length <= limit ? text : cutAt(text, limit - marker.length) + marker;
}

// ---------------------------------------------------------------------------------------------
// Values

type Typed = { t: 'n'; n: number } | { t: 'w'; w: string } | { t: 's'; s: string };

function isFilled(fe: FieldEntry | undefined): fe is FieldEntry {
  return !!fe && fe.reading.status !== 'missing';
}

function typedOf(fe: FieldEntry): Typed {
  const r = fe.reading;
  if (r.status === 'value') return typeof r.value === 'number' ? { t: 'n', n: r.value } : { t: 'w', w: r.value };
  return { t: 's', s: cleanText(String(fe.raw ?? '')) };
}

function sameTyped(a: Typed, b: Typed): boolean {
  if (a.t === 'n' && b.t === 'n') return Math.abs(a.n - b.n) <= 1e-9 * Math.max(1, Math.abs(a.n), Math.abs(b.n));
  if (a.t === 'w' && b.t === 'w') return a.w === b.w;
  if (a.t === 's' && b.t === 's') return a.s === b.s;
  return false;
}

/** The value a report shows for a field entry: a number, a trend word, the unreadable text, or null. */
export function shownValue(fe: FieldEntry | undefined): number | string | null {
  if (!fe) return null;
  const r = fe.reading;
  if (r.status === 'value') return typeof r.value === 'number' ? r.value : TREND_TEXT[r.value].vi;
  if (r.status === 'invalid') return fe.raw === undefined || fe.raw === null ? null : typeof fe.raw === 'boolean' ? String(fe.raw) : fe.raw;
  return null;
}

function formatValue(v: number | string, unit: string, lang: Lang): string {
  if (typeof v !== 'number') return lang === 'en' && (v === TREND_TEXT.increase.vi || v === TREND_TEXT.decrease.vi) ? (v === TREND_TEXT.increase.vi ? TREND_TEXT.increase.en : TREND_TEXT.decrease.en) : `"${v}"`;
  const n = formatNumber(v, lang);
  return unit === '%' ? `${n}%` : n;
}

// ---------------------------------------------------------------------------------------------
// Returns and their departments

interface Ret {
  input: ReturnInput;
  index: number;
  department: string;
  key: string;
  summary: ReturnSummary;
}

function responsibleOf(entry: IndicatorEntry | undefined, indicator: Indicator, criteria: CriteriaSet): string {
  return canonicalParty(entry?.responsible || indicator.responsible, criteria);
}

function resolveReturns(criteria: CriteriaSet, inputs: readonly ReturnInput[], issues: ConsolidationIssue[]): Ret[] {
  const placed = listIndicators(criteria);
  const known = new Set(listParties(criteria).map((p) => partyKey(p.party)));
  return inputs.map((input, index) => {
    // What the return filled, by responsible party (in the set's order, for a stable tie-break).
    const counts = new Map<string, { party: string; count: number; order: number }>();
    let filled = 0;
    placed.forEach(({ indicator }, order) => {
      const entry = input.entries.get(indicator.id);
      if (!entryFilled(entry)) return;
      filled++;
      const party = responsibleOf(entry, indicator, criteria);
      const k = partyKey(party);
      const c = counts.get(k);
      if (c) c.count++;
      else counts.set(k, { party, count: 1, order });
    });
    const given = input.department?.trim();
    const fromHeader = input.header?.department?.trim();
    let department = '';
    let source: ReturnSummary['departmentSource'] = 'none';
    if (given) {
      department = canonicalParty(given, criteria);
      source = 'given';
    } else if (fromHeader) {
      department = canonicalParty(fromHeader, criteria);
      source = 'header';
    } else if (counts.size) {
      const best = [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order)[0]!;
      department = best.party;
      source = 'inferred';
      issues.push(consolidationIssue('department-inferred', { name: input.name, department, count: best.count, filled }, { return: input.name }));
    }
    const key = department ? partyKey(department) : '';
    if (!filled) issues.push(consolidationIssue('return-empty', { name: input.name }, { return: input.name }));
    if (department && (source === 'given' || source === 'header') && !known.has(key)) {
      issues.push(consolidationIssue('department-unknown', { name: input.name, department }, { return: input.name }));
    }
    const own = key ? counts.get(key)?.count ?? 0 : 0;
    const mappedSet = new Set(input.mappedIds);
    for (const [id, entry] of input.entries) if (entry.mapped) mappedSet.add(id);
    const summary: ReturnSummary = { name: input.name, department, inferred: source === 'inferred', departmentSource: source, indicators: filled, mapped: mappedSet.size, own };
    if (input.header) summary.header = { ...input.header };
    return { input, index, department, key, summary };
  });
}

// ---------------------------------------------------------------------------------------------
// Fields

interface Candidate {
  ret: Ret;
  fe: FieldEntry;
  typed: Typed;
  responsible: boolean;
}

/** A field key of the merged entry and how to reach it in an entry. */
interface Slot {
  key: string;
  field: Field;
  get(entry: IndicatorEntry): FieldEntry | undefined;
}

function slotsOf(indicator: Indicator): Slot[] {
  const out: Slot[] = [];
  for (const field of indicator.fields) {
    out.push({ key: field.key, field, get: (e) => e.fields[field.key] });
    if (field.kind === 'trend') {
      out.push({ key: field.key + PREVIOUS_SUFFIX, field, get: (e) => e.trendPairs?.[field.key]?.previous });
      out.push({ key: field.key + CURRENT_SUFFIX, field, get: (e) => e.trendPairs?.[field.key]?.current });
    }
  }
  return out;
}

function slotLabel(slot: Slot, lang: Lang): string {
  const base = fieldLabel(slot.field, lang);
  if (slot.key.endsWith(PREVIOUS_SUFFIX)) return `${base} — ${MASTER_SHEET_TEXT.previousYear[lang]}`;
  if (slot.key.endsWith(CURRENT_SUFFIX)) return `${base} — ${MASTER_SHEET_TEXT.currentYear[lang]}`;
  return base;
}

function valuesList(list: Candidate[], unit: string, lang: Lang): string {
  return list.map((c) => `${c.ret.input.name} › ${c.fe.cells[0] ?? '?'} = ${formatValue(shownValue(c.fe) ?? '', unit, lang)}`).join('; ');
}

function conflictValue(c: Candidate): ConflictValue {
  return { return: c.ret.input.name, department: c.ret.department, cell: c.fe.cells[0] ?? '', value: shownValue(c.fe) ?? '', responsible: c.responsible };
}

function sourced(fe: FieldEntry, ret: Ret, extra?: Partial<FieldSource>): SourcedFieldEntry {
  const source: FieldSource = { return: ret.input.name, department: ret.department, ...extra };
  if (fe.cells[0] !== undefined && source.cell === undefined) source.cell = fe.cells[0];
  return withProps(fe, { source });
}

// ---------------------------------------------------------------------------------------------
// Entry point

/** Merges the returns. Never throws on odd input: a return without entries is just empty. */
export function consolidate(criteria: CriteriaSet, returns: readonly ReturnInput[]): Consolidation {
  const issues: ConsolidationIssue[] = [];
  const rets = resolveReturns(criteria, returns, issues);
  const entries = new Map<string, IndicatorEntry>();
  const sources: Record<string, SourceRecord[]> = {};
  const conflicts: Conflict[] = [];
  const notesById: Record<string, ReturnNote[]> = {};
  const noteIssues: ConsolidationIssue[] = [];

  for (const { indicator } of listIndicators(criteria)) {
    const id = indicator.id;
    const holders = rets.filter((r) => r.input.entries.get(id)?.mapped === true);
    // The responsible party: the one the returns' rows name, when they agree; the criteria's otherwise.
    const named = new Map<string, string>();
    for (const r of holders) {
      const n = r.input.entries.get(id)!.responsible;
      if (n && n.trim()) {
        const party = canonicalParty(n, criteria);
        named.set(partyKey(party), party);
      }
    }
    const party = named.size === 1 ? [...named.values()][0]! : canonicalParty(indicator.responsible, criteria);
    const partyK = partyKey(party);

    if (!holders.length) {
      // Not placed in any return; keep a mapping problem (a duplicated row) so the report can say why.
      const issuesHere = rets.flatMap((r) => r.input.entries.get(id)?.mappingIssues ?? []);
      if (issuesHere.length) entries.set(id, { id, mapped: false, fields: {}, mappingIssues: issuesHere, responsible: party });
      sources[id] = [];
      continue;
    }

    const used = new Set<Ret>();
    const fields: Record<string, SourcedFieldEntry | undefined> = {};
    const pairs: Record<string, { previous?: SourcedFieldEntry; current?: SourcedFieldEntry }> = {};
    const notes: Issue[] = [];

    for (const slot of slotsOf(indicator)) {
      const candidates: Candidate[] = [];
      let blank: { fe: FieldEntry; ret: Ret } | undefined;
      for (const r of holders) {
        const fe = slot.get(r.input.entries.get(id)!);
        if (!fe) continue;
        if (isFilled(fe)) candidates.push({ ret: r, fe, typed: typedOf(fe), responsible: r.key === partyK });
        else if (!blank || (r.key === partyK && blank.ret.key !== partyK)) blank = { fe, ret: r };
      }
      let chosen: SourcedFieldEntry | undefined;
      if (!candidates.length) {
        // Blank everywhere: the responsible return's blank cell (or the first), so "missing" points at a cell.
        if (blank) chosen = sourced(blank.fe, blank.ret);
      } else {
        const own = candidates.filter((c) => c.responsible);
        const distinct = (list: Candidate[]) => list.filter((c, i) => list.findIndex((d) => sameTyped(c.typed, d.typed)) === i);
        const params = (list: Candidate[]): Params => ({
          id,
          field: slotLabel(slot, 'vi'),
          fieldEn: slotLabel(slot, 'en'),
          party,
          valuesVi: valuesList(list, slot.key === slot.field.key ? slot.field.unit : '', 'vi'),
          valuesEn: valuesList(list, slot.key === slot.field.key ? slot.field.unit : '', 'en'),
        });
        const place = (c: Candidate) => ({ id, field: slot.key, ...(c.fe.cells[0] !== undefined ? { cell: c.fe.cells[0] } : {}) });
        if (distinct(candidates).length === 1) {
          // Every return that reports it agrees: the responsible one's, else the first.
          const c = own[0] ?? candidates[0]!;
          chosen = sourced(c.fe, c.ret);
          used.add(c.ret);
        } else if (own.length && distinct(own).length === 1) {
          const c = own[0]!;
          const differing = candidates.filter((d) => !d.responsible && !sameTyped(d.typed, c.typed));
          const issue = consolidationIssue('conflict-resolved', withProps(params([c, ...differing]), { chosen: `${c.ret.input.name} › ${c.fe.cells[0] ?? '?'}` }), place(c));
          conflicts.push({ id, field: slot.key, values: [c, ...differing].map(conflictValue), resolved: 'responsible', chosen: c.ret.input.name, issue });
          notes.push(asIssue(issue));
          chosen = sourced(c.fe, c.ret);
          used.add(c.ret);
        } else {
          const list = own.length ? own : candidates;
          const code = own.length ? 'conflict-responsible-returns' : 'conflict';
          const first = list[0]!;
          const issue = consolidationIssue(code, params(list), place(first));
          conflicts.push({ id, field: slot.key, values: list.map(conflictValue), resolved: 'invalid', issue });
          const reading: Reading = { status: 'invalid', issue: asIssue(issue) };
          const cells = list.flatMap((c) => c.fe.cells.slice(0, 1));
          chosen = { reading, cells, raw: null, source: { return: first.ret.input.name, department: first.ret.department, ...(first.fe.cells[0] !== undefined ? { cell: first.fe.cells[0] } : {}), conflict: true } };
        }
      }
      if (!chosen) continue;
      if (slot.key === slot.field.key) fields[slot.key] = chosen;
      else {
        const p = pairs[slot.field.key] ?? (pairs[slot.field.key] = {});
        if (slot.key.endsWith(PREVIOUS_SUFFIX)) p.previous = chosen;
        else p.current = chosen;
      }
    }

    const entry: IndicatorEntry = { id, mapped: true, fields, responsible: party };
    if (Object.keys(pairs).length) entry.trendPairs = pairs;
    const mappingIssues = [...notes, ...holders.filter((r) => used.has(r)).flatMap((r) => r.input.entries.get(id)!.mappingIssues ?? [])];
    if (mappingIssues.length) entry.mappingIssues = mappingIssues;
    entries.set(id, entry);

    const returnNotes = holders
      .map((r): ReturnNote | undefined => {
        const note = r.input.entries.get(id)!.note;
        return note && note.text ? { return: r.input.name, department: r.department, text: note.text, cells: [...note.cells], responsible: r.key === partyK } : undefined;
      })
      .filter((n): n is ReturnNote => n !== undefined);
    // The responsible department's first, then the others as the returns were given (sort is stable).
    returnNotes.sort((a, b) => Number(b.responsible) - Number(a.responsible));
    if (returnNotes.length) {
      notesById[id] = returnNotes;
      const whole = composeNotes(returnNotes, Number.MAX_SAFE_INTEGER, '').text.length;
      if (composeNotes(returnNotes, NOTES_ROOM, '').cut) {
        noteIssues.push(
          consolidationIssue(
            'note-cut',
            { id, returns: returnNotes.map((n) => n.return).join(', '), lengthVi: formatNumber(whole, 'vi'), lengthEn: formatNumber(whole, 'en'), limitVi: formatNumber(EXCEL_CELL_LIMIT, 'vi'), limitEn: formatNumber(EXCEL_CELL_LIMIT, 'en') },
            { id, ...(returnNotes.length === 1 ? { return: returnNotes[0]!.return } : {}) },
          ),
        );
      }
    }

    sources[id] = holders.map((r) => {
      const e = r.input.entries.get(id)!;
      const values: Record<string, number | string | null> = {};
      const cells: string[] = [];
      for (const slot of slotsOf(indicator)) {
        const fe = slot.get(e);
        if (slot.key !== slot.field.key && !fe) continue;
        values[slot.key] = shownValue(fe);
        for (const c of fe?.cells ?? []) if (!cells.includes(c)) cells.push(c);
      }
      const record: SourceRecord = { return: r.input.name, department: r.department, cells, values, used: used.has(r) };
      if (e.note?.text) record.note = e.note.text;
      return record;
    });
  }

  for (const c of conflicts) issues.push(c.issue);
  issues.push(...noteIssues);
  const partial: Consolidation = { entries, sources, conflicts, completeness: [], missingParties: [], returns: rets.map((r) => r.summary), notes: notesById, issues };
  const results = scoreAll(criteria, entries);
  partial.completeness = completenessTable(criteria, results, partial);
  partial.missingParties = partial.completeness.filter((row) => row.expected > 0 && !row.returned).map((row) => row.party);
  for (const row of partial.completeness) {
    if (row.expected > 0 && !row.returned) issues.push(consolidationIssue('no-return', { party: row.party, count: row.expected }));
  }
  return partial;
}

/**
 * Who has reported what, by responsible party (the set's order; parties that sent a return but
 * own no indicator last): indicators expected, reported (not "missing"), met, and whether the
 * party sent a return at all. Works on any results (e.g. after a re-score of the master sheet).
 */
export function completenessTable(criteria: CriteriaSet, results: readonly IndicatorResult[], consolidation: Pick<Consolidation, 'returns'>): CompletenessRow[] {
  const rows = new Map<string, CompletenessRow>();
  const row = (party: string) => {
    const k = partyKey(party);
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { party, expected: 0, reported: 0, met: 0, returned: false, returns: [], notReported: [] }));
    return r;
  };
  for (const p of listParties(criteria)) row(p.party);
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const { indicator } of listIndicators(criteria)) {
    const result = byId.get(indicator.id);
    const r = row(canonicalParty(result?.responsible ?? indicator.responsible, criteria));
    r.expected++;
    if (result && result.status !== 'missing') r.reported++;
    else r.notReported.push(indicator.id);
    if (result?.status === 'met') r.met++;
  }
  for (const ret of consolidation.returns) {
    if (!ret.department) continue;
    const r = row(ret.department);
    r.returned = true;
    r.returns.push(ret.name);
  }
  // Parties of the set that own nothing in these results (renamed in every return) are dropped.
  return [...rows.values()].filter((r) => r.expected > 0 || r.returned);
}

/** The source of a consolidated field, when the entry came from consolidate(). */
export function fieldSource(entry: IndicatorEntry | undefined, key: string): FieldSource | undefined {
  if (!entry) return undefined;
  let fe: FieldEntry | undefined;
  if (key.endsWith(PREVIOUS_SUFFIX)) fe = entry.trendPairs?.[key.slice(0, -PREVIOUS_SUFFIX.length)]?.previous;
  else if (key.endsWith(CURRENT_SUFFIX)) fe = entry.trendPairs?.[key.slice(0, -CURRENT_SUFFIX.length)]?.current;
  else fe = entry.fields[key];
  return fe && 'source' in fe ? (fe as SourcedFieldEntry).source : undefined;
}

// ---------------------------------------------------------------------------------------------
// The master sheet

export interface MasterSheetOptions {
  lang: Lang;
  city?: string;
  year?: number;
  /** Sheet name (made a valid Excel name); "Tổng hợp số liệu" / "Master data" otherwise. */
  name?: string;
}

/** The value written in a master sheet's value cell: the typed value, so the sheet reads back the same. */
function masterValue(fe: SourcedFieldEntry | FieldEntry | undefined, field: Field, pair: boolean, lang: Lang): string | number | null {
  if (!fe) return null;
  const r = fe.reading;
  if (r.status === 'value') {
    const v: FieldValue = r.value;
    if (typeof v !== 'number') return TREND_TEXT[v][lang];
    if (!pair && field.kind === 'rating') return ratingItem(v, lang) ?? v;
    return v;
  }
  if ('source' in fe && fe.source.conflict) return null;
  if (fe.raw === undefined || fe.raw === null) return null;
  return typeof fe.raw === 'boolean' ? String(fe.raw).toUpperCase() : fe.raw;
}

/**
 * The consolidated appendix in the canonical layout (a city template with the values filled in):
 * the status text in the status column, each value cell coloured by its indicator's status, the
 * source of every figure in the note column ("Sở Y tế.xlsx › G12"), and under the first row's
 * source the returns' notes on the indicator ("Sở Y tế: …", composeNotes). It reads back with mapSheet.
 */
export function buildMasterSheet(criteria: CriteriaSet, consolidation: Consolidation, results: readonly IndicatorResult[], options: MasterSheetOptions): TemplateSheet {
  const { lang } = options;
  const byId = new Map(results.map((r) => [r.id, r]));
  const conflictsBy = new Map<string, Conflict>();
  for (const c of consolidation.conflicts) conflictsBy.set(`${c.id}\u0000${c.field}`, c);
  // City and year: as given, else from the first return whose template header names them.
  const city = options.city ?? consolidation.returns.find((r) => r.header?.city)?.header?.city;
  const yearText = consolidation.returns.find((r) => r.header?.year && /^\d{4}$/.test(r.header.year.trim()))?.header?.year;
  const year = options.year ?? (yearText !== undefined ? Number(yearText.trim()) : undefined);
  const header: Partial<Record<'city' | 'year' | 'department' | 'contact', string | number>> = {
    department: MASTER_SHEET_TEXT.department[lang](consolidation.returns.length),
  };
  if (city !== undefined) header.city = city;
  if (year !== undefined) header.year = year;

  const fill = (indicator: Indicator): IndicatorFill => {
    const result = byId.get(indicator.id);
    const entry = consolidation.entries.get(indicator.id);
    const out: IndicatorFill = { rows: {} };
    if (result) {
      out.status = { value: statusLabel(result.status, lang), fill: STATUS_FILL[result.status], font: STATUS_FONT[result.status], bold: true };
      out.responsible = result.responsible;
    }
    const notes = consolidation.notes?.[indicator.id] ?? [];
    fieldRows(indicator, true).forEach((row, i) => {
      const fe = !entry
        ? undefined
        : row.pair === 'previous'
          ? entry.trendPairs?.[row.field.key]?.previous
          : row.pair === 'current'
            ? entry.trendPairs?.[row.field.key]?.current
            : entry.fields[row.field.key];
      const rf: RowFill = { value: masterValue(fe, row.field, !!row.pair, lang) };
      if (result) rf.valueFill = STATUS_FILL[result.status];
      const source = fe && 'source' in fe ? (fe as SourcedFieldEntry).source : undefined;
      const conflict = conflictsBy.get(`${indicator.id}\u0000${row.key}`);
      const unit = row.pair ? '' : row.field.unit;
      const others = (c: Conflict, skip?: string) =>
        c.values
          .filter((v) => v.return !== skip)
          .map((v) => `${v.return} › ${v.cell} = ${formatValue(v.value, unit, lang)}`)
          .join('; ');
      if (conflict?.resolved === 'invalid') rf.note = `${MASTER_SHEET_TEXT.conflict[lang]}: ${others(conflict)} — ${MASTER_SHEET_TEXT.settle[lang]}`;
      else if (source) {
        rf.note = `${source.return}${source.cell ? ` › ${source.cell}` : ''}`;
        if (conflict && conflict.chosen) rf.note += ` (${MASTER_SHEET_TEXT.other[lang]}: ${others(conflict, conflict.chosen)})`;
      } else rf.note = '';
      if (i === 0 && notes.length) {
        // The departments' notes under the first row's source, within Excel's cell limit.
        const block = composeNotes(notes, NOTES_ROOM, MASTER_SHEET_TEXT.noteCut[lang]).text;
        rf.note = rf.note ? `${fitCell(rf.note, SOURCE_ROOM, '…')}\n${block}` : block;
      } else rf.note = fitCell(rf.note, EXCEL_CELL_LIMIT, '…');
      out.rows![row.key] = rf;
    });
    return out;
  };

  const totals = summarise(criteria, results).totals;
  return layoutSheet(listIndicators(criteria), {
    lang,
    trendPairs: true,
    name: safeSheetName(options.name ?? MASTER_SHEET_TEXT.name[lang], []),
    title: MASTER_SHEET_TEXT.title[lang](headline(totals, lang)),
    subtitle: MASTER_SHEET_TEXT.explain[lang],
    header,
    fill,
  });
}
