/** Roll-ups of indicator results: overall, per area, standard, criterion and responsible party. */
import type { CriteriaSet } from './criteria';
import { listIndicators } from './criteria-model';
import type { IndicatorResult } from './score';
import type { Status } from './status';
import { Lang } from '../i18n/format';

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
  /** Every indicator that is not met, in id order. */
  gaps: Gap[];
}

export function emptyCounts(): Counts {
  return { met: 0, unmet: 0, invalid: 0, missing: 0, total: 0 };
}

function add(counts: Counts, status: Status): void {
  counts[status]++;
  counts.total++;
}

export function summarise(criteria: CriteriaSet, results: readonly IndicatorResult[]): Summary {
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
    const r = byId.get(indicator.id);
    const status: Status = r?.status ?? 'missing';
    add(totals, status);
    add(group(areas, area.code, area.title, area.titleEn).counts, status);
    add(group(standards, standard.code, standard.title, standard.titleEn).counts, status);
    add(group(crits, criterion.code, criterion.title, criterion.titleEn).counts, status);
    const party = r?.responsible ?? indicator.responsible;
    add(group(parties, party, party, party).counts, status);
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
  return { totals, byArea: [...areas.values()], byStandard: [...standards.values()], byCriterion: [...crits.values()], byResponsible, gaps };
}

/** "50 / 57 đạt" */
export function headline(totals: Counts, lang: Lang): string {
  return lang === 'vi' ? `${totals.met} / ${totals.total} chỉ số đạt` : `${totals.met} of ${totals.total} indicators met`;
}

