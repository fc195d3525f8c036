/**
 * One party's return (docs/scoring.md, "One party's return"): a sheet that holds the rows of one
 * responsible party is scored in that party's scope. Decided here, once, for every front end. Pure.
 *
 * A sheet is a return of one party when
 * - its template header names a party that is responsible for at least one indicator ('header');
 * - every indicator it lays out belongs to one party (a department template, a department's cut
 *   of the appendix: 'rows');
 * - or every indicator it fills belongs to one party (a city template that one department filled:
 *   'filled').
 * Parties match after normalisation and the criteria file's partyAliases (parties.ts); the expert
 * panel ("Đánh giá của chuyên gia") is a party of its own. In scope, the other parties' indicators
 * keep the status `missing` with the issue 'other-party' and no cells (they are not coloured and
 * never counted as the party's missing data).
 */
import type { CriteriaSet } from './criteria';
import { compareIds, listIndicators } from './criteria-model';
import { makeIssue } from './issues';
import type { Mapping } from './mapping';
import { canonicalParty, partyKey } from './parties';
import type { FieldEntry, IndicatorEntry, IndicatorResult } from './score';
import { withProps } from './objects';

export interface Scope {
  /** The party, as the criteria file names it (canonical). */
  party: string;
  /** Its indicators, in id order of the results. */
  ids: string[];
  /** How the party was found. */
  by: 'header' | 'rows' | 'filled';
}

/** 'auto': a one-party return is scored in its party's scope; 'all': always against every indicator (a coordinator). */
export type ScopeRequest = 'auto' | 'all';

function isFilled(fe: FieldEntry | undefined): boolean {
  return !!fe && fe.reading.status !== 'missing';
}

/** True when a placed indicator holds at least one figure (a trend's previous or current year included). */
export function entryFilled(entry: IndicatorEntry | undefined): boolean {
  if (!entry || !entry.mapped) return false;
  for (const fe of Object.values(entry.fields)) if (isFilled(fe)) return true;
  for (const pair of Object.values(entry.trendPairs ?? {})) if (isFilled(pair?.previous) || isFilled(pair?.current)) return true;
  return false;
}

/** The single party of a list of names, or null when there are none or several. */
function single(names: Iterable<string>): string | null {
  let found: string | null = null;
  for (const n of names) {
    if (found === null) found = n;
    else if (partyKey(found) !== partyKey(n)) return null;
  }
  return found;
}

/** The party in whose scope a mapped sheet is scored, or null for a whole appendix. */
export function detectScope(mapping: Mapping, entries: ReadonlyMap<string, IndicatorEntry>, criteria: CriteriaSet, request: ScopeRequest = 'auto'): Scope | null {
  if (request === 'all') return null;
  const placed = listIndicators(criteria);
  const partyOf = (id: string, fallback: string) => canonicalParty(entries.get(id)?.responsible || fallback, criteria);
  const known = new Set(placed.map(({ indicator }) => partyKey(partyOf(indicator.id, indicator.responsible))));
  let party: string | null = null;
  let by: Scope['by'] = 'header';
  const named = mapping.header?.department?.trim();
  if (named) {
    const p = canonicalParty(named, criteria);
    if (known.has(partyKey(p))) party = p;
  }
  if (party === null) {
    const mapped = placed.filter(({ indicator }) => mapping.placements[indicator.id]);
    // A sheet that lays out every indicator is an appendix unless one party filled it alone.
    if (mapped.length && mapped.length < placed.length) {
      party = single(mapped.map(({ indicator }) => partyOf(indicator.id, indicator.responsible)));
      by = 'rows';
    }
    if (party === null) {
      party = single(placed.filter(({ indicator }) => entryFilled(entries.get(indicator.id))).map(({ indicator }) => partyOf(indicator.id, indicator.responsible)));
      by = 'filled';
    }
  }
  if (party === null) return null;
  const key = partyKey(party);
  const ids = placed.filter(({ indicator }) => partyKey(partyOf(indicator.id, indicator.responsible)) === key)
    .map(({ indicator }) => indicator.id)
    .sort(compareIds);
  // A party responsible for every indicator is no scope at all.
  if (!ids.length || ids.length === placed.length) return null;
  return { party, ids, by };
}

/** The results in a scope: the other parties' indicators become `missing` with 'other-party', no cells (not coloured). */
export function scopeResults(results: readonly IndicatorResult[], scope: Scope | null): IndicatorResult[] {
  if (!scope) return [...results];
  const inScope = new Set(scope.ids);
  return results.map((r) => {
    if (inScope.has(r.id)) return r;
    const issue = makeIssue('other-party', { party: r.responsible, scope: scope.party });
    return withProps(r, { status: 'missing' as const, cells: [], issues: [issue], reason: issue.message });
  });
}

export { isNotFound, isOtherParty } from './result-kind';
