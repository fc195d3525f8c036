/**
 * The JSON report of `gnlc score --report`: a public contract. Pure: results in, plain data out.
 *
 *   { criteria: {id, version}, workbook, sheet,
 *     indicators: [{ id, status, responsible, cells, values, messages: [{code, text, cell?}] }],
 *     totals: {met, unmet, invalid, missing},
 *     scope: null | { party, ids, totals: {met, unmet, invalid, missing} } }
 *
 * `scope` is null for a whole appendix; for one party's return (src/core/scope.ts) it names the
 * party as the criteria file does, its indicator ids and their totals (which add up to ids).
 * The other parties' indicators are still listed, `missing`, with the message code 'other-party'.
 * One entry per indicator of the criteria set, in id order. Extra keys may be added; none of the
 * keys above may change.
 */
import { z } from 'zod';
import { CriteriaSet, compareIds, listIndicators, placedIndicator } from '../core/criteria';
import { makeIssue } from '../core/issues';
import { Consolidation } from '../core/consolidate';
import { IndicatorResult, STATUSES } from '../core/score';
import { countStatuses, headline } from '../core/summary';
import type { Scope } from '../core/scope';
import { Lang } from '../i18n/format';

const statusSchema = z.enum(STATUSES);

export const reportMessageSchema = z.looseObject({
  /** The issue's code ("sum-mismatch", "blank", …), or the status ("met", "unmet") when there is no issue. */
  code: z.string().min(1),
  text: z.string().min(1),
  cell: z.string().regex(/^[A-Z]{1,3}\d{1,7}$/).optional(),
});

export const reportIndicatorSchema = z.looseObject({
  id: z.string().regex(/^\d+(\.\d+)*\.[a-z]$/),
  status: statusSchema,
  responsible: z.string(),
  cells: z.array(z.string().regex(/^[A-Z]{1,3}\d{1,7}$/)),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  messages: z.array(reportMessageSchema).min(1),
});

const totalsSchema = z.looseObject({ met: z.number().int().min(0), unmet: z.number().int().min(0), invalid: z.number().int().min(0), missing: z.number().int().min(0) });

export const reportScopeSchema = z.looseObject({
  party: z.string().min(1),
  ids: z.array(z.string().regex(/^\d+(\.\d+)*\.[a-z]$/)).min(1),
  totals: totalsSchema,
});

export const reportSchema = z.looseObject({
  criteria: z.looseObject({ id: z.string().min(1), version: z.string().min(1) }),
  workbook: z.string(),
  sheet: z.string(),
  indicators: z.array(reportIndicatorSchema),
  totals: totalsSchema,
  /** Absent in reports of earlier versions; null: the whole appendix. */
  scope: reportScopeSchema.nullable().optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;
export type ReportMessage = z.infer<typeof reportMessageSchema>;

export interface ReportInput {
  criteria: CriteriaSet;
  results: readonly IndicatorResult[];
  /** The workbook's file name as the person gave it. */
  workbook: string;
  sheet: string;
  lang: Lang;
  /** The party whose return was scored (run.scope); null or absent: the whole appendix. */
  scope?: Scope | null;
}

/** Builds the report: every indicator of the set in id order, its issues (or its reason) as messages in `lang`. */
export function buildReport(input: ReportInput): Report {
  const { criteria, lang } = input;
  const byId = new Map(input.results.map((r) => [r.id, r]));
  const ids = listIndicators(criteria)
    .map((p) => p.indicator.id)
    .sort(compareIds);
  const indicators: ReportIndicator[] = ids.map((id) => {
    const r = byId.get(id);
    if (!r) {
      // Not scored at all: reported missing, saying why.
      const issue = makeIssue('unmapped');
      const indicator = placedIndicator(criteria, id)!.indicator;
      return {
        id,
        status: 'missing' as const,
        responsible: indicator.responsible,
        cells: [],
        values: Object.fromEntries(indicator.fields.map((f) => [f.key, null])),
        messages: [{ code: issue.code, text: issue.message[lang] }],
      };
    }
    const messages: ReportMessage[] = r.issues.map((issue) => {
      const m: ReportMessage = { code: issue.code, text: issue.message[lang] };
      if (issue.cell !== undefined) m.cell = issue.cell;
      if (issue.field !== undefined) m.field = issue.field;
      // A consolidated issue also says where in which return it was found.
      const source = (issue as { source?: { return: string; cell?: string } }).source;
      if (source) m.source = { ...source };
      return m;
    });
    if (messages.length === 0) messages.push({ code: r.status, text: r.reason[lang] });
    return { id, status: r.status, responsible: r.responsible, cells: [...r.cells], values: { ...r.values }, reason: r.reason[lang], messages };
  });
  const totals = countStatuses(indicators);
  const scope = input.scope ?? null;
  const inScope = scope ? new Set(scope.ids) : null;
  const scopeTotals = inScope ? countStatuses(indicators.filter((i) => inScope.has(i.id))) : null;
  const plain = (c: ReturnType<typeof countStatuses>) => ({ met: c.met, unmet: c.unmet, invalid: c.invalid, missing: c.missing });
  return {
    criteria: { id: criteria.id, version: criteria.version },
    workbook: input.workbook,
    sheet: input.sheet,
    lang,
    headline: scope && scopeTotals ? headline(scopeTotals, lang, scope.party) : headline(totals, lang),
    indicators,
    totals,
    scope: scope && scopeTotals ? { party: scope.party, ids: [...scope.ids], totals: plain(scopeTotals) } : null,
  };
}

export interface ConsolidationReportInput extends ReportInput {
  consolidation: Consolidation;
}

/**
 * The report of `gnlc consolidate --report`: the score report's contract (workbook and sheet are
 * the master's; cells are the master sheet's), and per indicator the `sources` it was merged
 * from (each return, its department, its cells there, its values, whether they were used); then
 * `completeness` by responsible party, `conflicts`, `missingParties` and the `returns` received.
 */
export function buildConsolidationReport(input: ConsolidationReportInput): Report {
  const { consolidation: c, lang } = input;
  const base = buildReport(input);
  const indicators = base.indicators.map((i) => ({ ...i, sources: (c.sources[i.id] ?? []).map((s) => ({ ...s, cells: [...s.cells], values: { ...s.values } })) }));
  return {
    ...base,
    kind: 'consolidation',
    indicators,
    completeness: c.completeness.map((r) => ({ ...r, returns: [...r.returns], notReported: [...r.notReported] })),
    conflicts: c.conflicts.map((x) => ({
      id: x.id,
      field: x.field,
      resolved: x.resolved,
      ...(x.chosen !== undefined ? { chosen: x.chosen } : {}),
      values: x.values.map((v) => ({ ...v })),
      code: x.issue.code,
      text: x.issue.message[lang],
    })),
    missingParties: [...c.missingParties],
    returns: c.returns.map((r) => ({ ...r, ...(r.header ? { header: { ...r.header } } : {}) })),
    notes: c.issues
      .filter((i) => i.id === undefined || i.code === 'note-cut')
      .map((i) => ({ code: i.code, text: i.message[lang], ...(i.id !== undefined ? { id: i.id } : {}), ...(i.return !== undefined ? { return: i.return } : {}) })),
  };
}
