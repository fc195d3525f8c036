/** Responsible parties: names match after normalisation and the criteria set's aliases. */
import type { CriteriaSet } from './criteria';
import { listIndicators } from './criteria-model';
import { foldWords } from './text';

/** A key under which spellings of one party meet: "Sở LĐ-TB&XH" and its long form differ, but dashes, case and diacritics do not matter. */
export function partyKey(name: string): string {
  return foldWords(name.replace(/&/g, ' va '));
}

const cache = new WeakMap<CriteriaSet, Map<string, string>>();

function partyIndex(criteria: CriteriaSet): Map<string, string> {
  let index = cache.get(criteria);
  if (index) return index;
  index = new Map();
  for (const area of criteria.areas)
    for (const s of area.standards) for (const c of s.criteria) for (const i of c.indicators) index.set(partyKey(i.responsible), i.responsible);
  for (const [alias, name] of Object.entries(criteria.partyAliases)) index.set(partyKey(alias), name);
  cache.set(criteria, index);
  return index;
}

/** The canonical name of a party: the criteria set's name for it if known, else the name as given, cleaned. */
export function canonicalParty(name: string, criteria?: CriteriaSet): string {
  if (!criteria) return name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const index = partyIndex(criteria);
  let found = index.get(name);
  if (found === undefined) {
    const cleaned = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    found = index.get(partyKey(cleaned)) ?? cleaned;
    index.set(name, found); // a name seen once is looked up directly next time
  }
  return found;
}

/** Every responsible party of a set (canonical names) with its indicator ids, in the set's order. */
export function listParties(criteria: CriteriaSet): Array<{ party: string; indicators: string[] }> {
  const out = new Map<string, { party: string; indicators: string[] }>();
  for (const { indicator } of listIndicators(criteria)) {
    const party = canonicalParty(indicator.responsible, criteria);
    const key = partyKey(party);
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { party, indicators: [] }));
    entry.indicators.push(indicator.id);
  }
  return [...out.values()];
}

/** The expert panel's assessment ("Đánh giá của chuyên gia"): a party of its own, not a department that sends a return. */
export function isExpertAssessment(party: string): boolean {
  return partyKey(party) === partyKey('Đánh giá của chuyên gia');
}
