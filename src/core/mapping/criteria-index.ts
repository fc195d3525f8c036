/** The criteria set as the mapper looks things up in it: by id, by criterion code, by folded text. Built once per set. */
import { CriteriaSet, Criterion, PlacedIndicator, listIndicators } from '../criteria';
import { SheetView } from './grid';
import { tokens } from './similarity';

export interface CriteriaIndex {
  placed: PlacedIndicator[];
  byId: Map<string, PlacedIndicator>;
  criteria: Map<string, Criterion>;
  /** Criterion code → its title's tokens. */
  criterionTitles: Array<{ code: string; tokens: Set<string> }>;
  /** Id → tokens of its text and of its short form, in Vietnamese and in English. */
  texts: Map<string, Array<Set<string>>>;
  /** Responsible parties and their aliases, as folded words. */
  parties: Set<string>;
}

const indexCache = new WeakMap<CriteriaSet, CriteriaIndex>();

export function indexCriteria(criteria: CriteriaSet, view: SheetView): CriteriaIndex {
  const cached = indexCache.get(criteria);
  if (cached) return cached;
  const placed = listIndicators(criteria);
  const byId = new Map<string, PlacedIndicator>();
  const crit = new Map<string, Criterion>();
  const criterionTitles: CriteriaIndex['criterionTitles'] = [];
  const texts = new Map<string, Array<Set<string>>>();
  for (const p of placed) {
    byId.set(p.indicator.id, p);
    if (!crit.has(p.criterion.code)) {
      crit.set(p.criterion.code, p.criterion);
      criterionTitles.push({ code: p.criterion.code, tokens: tokens(view.words(p.criterion.title)) });
      // An English-language return names the criterion in English.
      if (p.criterion.titleEn) criterionTitles.push({ code: p.criterion.code, tokens: tokens(view.words(p.criterion.titleEn)) });
    }
    const t = [tokens(view.words(p.indicator.text))];
    if (p.indicator.short) t.push(tokens(view.words(p.indicator.short)));
    if (p.indicator.textEn) t.push(tokens(view.words(p.indicator.textEn)));
    if (p.indicator.shortEn) t.push(tokens(view.words(p.indicator.shortEn)));
    texts.set(p.indicator.id, t);
  }
  const parties = new Set<string>();
  for (const p of placed) parties.add(view.words(p.indicator.responsible));
  for (const [alias, name] of Object.entries(criteria.partyAliases ?? {})) parties.add(view.words(alias)).add(view.words(name));
  const index = { placed, byId, criteria: crit, criterionTitles, texts, parties };
  indexCache.set(criteria, index);
  return index;
}
