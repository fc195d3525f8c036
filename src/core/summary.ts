/** Roll-ups of indicator results: overall, per area, standard, criterion and responsible party. */
import type { CriteriaSet } from './criteria';
import { listIndicators } from './criteria-model';
import type { IndicatorResult } from './score';
import type { Status } from './status';
import { Lang } from '../i18n/format';
import { HEADLINE_TEXT, SCOPED_HEADLINE_TEXT } from '../i18n/status';
import type { Scope } from './scope';

export type Counts = Record<Status, number> & { total: number };

export interface Group {
  /** Code of the area/standard/criterion, or the party's name. */
  key: string;
  title: string;
  titleEn: string;
  counts: Counts;
}

export interface Gap {
  id: string;
  status: Exclude<Status, 'met'>;
  responsible: string;
  text: string;
  textEn: string;
  reason: Record<Lang, string>;
  cells: string[];
}

export interface Summary {
  totals: Counts;
  byArea: Group[];
  byStandard: Group[];
  byCriterion: Group[];
  byResponsible: Group[];
  /** Every indicator that is not met, in id order (in scope only, for a one-party return). */
  gaps: Gap[];
  /** A one-party return: its party, and how many indicators belong to other parties (not counted above). */
  scope?: { party: string; others: number };
}

export function emptyCounts(): Counts {
  return { met: 0, unmet: 0, invalid: 0, missing: 0, total: 0 };
}

/** Counts one indicator of the given status. */
export function countStatus(counts: Counts, status: Status): void {
  counts[status]++;
  counts.total++;
}

/** How many of the results have each status, and how many in all. */
export function countStatuses(results: Iterable<{ status: Status }>): Counts {
  const counts = emptyCounts();
  for (const r of results) countStatus(counts, r.status);
  return counts;
}

/** Roll-ups of the results; with a scope (a one-party return), of that party's indicators only. */
export function summarise(criteria: CriteriaSet, results: readonly IndicatorResult[], scope: Scope | null = null): Summary {
  const inScope = scope ? new Set(scope.ids) : null;
  let others = 0;
  const byId = new Map(results.map((r) => [r.id, r]));
  const totals = emptyCounts();
  const areas = new Map<string, Group>();
  const standards = new Map<string, Group>();
  const crits = new Map<string, Group>();
  const parties = new Map<string, Group>();
  const gaps: Gap[] = [];
  const group = (map: Map<string, Group>, key: string, title: string, titleEn: string) => {
    let g = map.get(key);
    if (!g) map.set(key, (g = { key, title, titleEn, counts: emptyCounts() }));
    return g;
  };
  for (const { indicator, area, standard, criterion } of listIndicators(criteria)) {
    if (inScope && !inScope.has(indicator.id)) {
      others++;
      continue;
    }
    const r = byId.get(indicator.id);
    const status: Status = r?.status ?? 'missing';
    countStatus(totals, status);
    countStatus(group(areas, area.code, area.title, area.titleEn).counts, status);
    countStatus(group(standards, standard.code, standard.title, standard.titleEn).counts, status);
    countStatus(group(crits, criterion.code, criterion.title, criterion.titleEn).counts, status);
    const party = r?.responsible ?? indicator.responsible;
    countStatus(group(parties, party, party, party).counts, status);
    if (status !== 'met') {
      gaps.push({
        id: indicator.id,
        status,
        responsible: party,
        text: indicator.short ?? indicator.text,
        textEn: indicator.shortEn ?? indicator.textEn,
        reason: r?.reason ?? { vi: '', en: '' },
        cells: r?.cells ?? [],
      });
    }
  }
  const byResponsible = [...parties.values()].sort((a, b) => b.counts.total - a.counts.total || a.key.localeCompare(b.key, 'vi'));
  const summary: Summary = { totals, byArea: [...areas.values()], byStandard: [...standards.values()], byCriterion: [...crits.values()], byResponsible, gaps };
  if (scope) summary.scope = { party: scope.party, others };
  return summary;
}

/** "50 / 57 chỉ số đạt"; for a one-party return, "Sở Y tế: 2 / 2 chỉ số đạt". */
export function headline(totals: Counts, lang: Lang, party?: string): string {
  return party ? SCOPED_HEADLINE_TEXT[lang](party, totals.met, totals.total) : HEADLINE_TEXT[lang](totals.met, totals.total);
}

/** The headline of a summary (scoped when the summary is). */
export function summaryHeadline(summary: Pick<Summary, 'totals' | 'scope'>, lang: Lang): string {
  return headline(summary.totals, lang, summary.scope?.party);
}

