/**
 * Which indicator a block of rows is: by an id typed in it, by its criterion's code and its order
 * under it, and by how much its text resembles an indicator's. See index.ts for the confidences. Pure.
 */
import { Block } from './blocks';
import { CriteriaIndex } from './criteria-index';
import { best, similarity } from './similarity';
import { MatchMethod } from './types';

/** Below this, a row does not claim an indicator at all. */
export const CLAIM_FLOOR = 0.5;

export interface Claim {
  block: Block;
  id: string;
  confidence: number;
  method: MatchMethod;
}

interface Search {
  top: { id: string; sim: number } | null;
  second: number;
}

/** Similarities already computed, by token set (token sets are shared per text by SheetView.tokensOf). */
export interface MatchCache {
  sims: WeakMap<Set<string>, Map<string, number>>;
  searches: WeakMap<Set<string>, Map<string, Search>>;
}

export function newMatchCache(): MatchCache {
  return { sims: new WeakMap(), searches: new WeakMap() };
}

function textSimilarity(index: CriteriaIndex, block: Block, id: string, cache: MatchCache): number {
  let byId = cache.sims.get(block.tokens);
  if (!byId) cache.sims.set(block.tokens, (byId = new Map()));
  const known = byId.get(id);
  if (known !== undefined) return known;
  // The closer of the indicator's text and its short form.
  const closest = best(index.texts.get(id) ?? [], (t) => similarity(block.tokens, t))?.score ?? 0;
  byId.set(id, closest);
  return closest;
}

/** The indicator of the whole set (or of one standard) whose text is closest, and the runner-up's similarity. */
function searchAll(index: CriteriaIndex, block: Block, standard: string | null, cache: MatchCache): Search {
  let byScope = cache.searches.get(block.tokens);
  if (!byScope) cache.searches.set(block.tokens, (byScope = new Map()));
  const key = standard ?? '';
  const known = byScope.get(key);
  if (known) return known;
  const found = best(index.placed, (p) => (standard && !p.indicator.id.startsWith(standard + '.') ? undefined : textSimilarity(index, block, p.indicator.id, cache)));
  const result: Search = found ? { top: { id: found.item.indicator.id, sim: found.score }, second: found.second ?? 0 } : { top: null, second: 0 };
  byScope.set(key, result);
  return result;
}

/** The indicator a block claims, and how sure the claim is; null when it claims none. */
export function claimFor(index: CriteriaIndex, block: Block, cache: MatchCache): Claim | null {
  if (block.id) return { block, id: block.id, confidence: 1, method: 'code-order' };
  let claim: Claim | null = null;
  let claimSim = 0;
  const crit = block.criterion ? index.criteria.get(block.criterion) : undefined;
  if (crit) {
    const n = crit.indicators.length;
    const inOrder = (order: number) => order === block.order || (n === 1 && block.order === 0);
    const sims = crit.indicators.map((indicator) => (block.tokens.size ? textSimilarity(index, block, indicator.id, cache) : 0));
    const found = best(crit.indicators.keys(), (order) => {
      const sim = sims[order]!;
      // Out of order, only a text that resembles the indicator can claim it.
      if (!inOrder(order) && sim < 0.35) return undefined;
      // The text decides; the order breaks near ties (and decides when the text says nothing).
      return sim + (inOrder(order) ? 0.15 : 0);
    });
    if (found) {
      const order = found.item;
      const sim = sims[order]!;
      const ordered = inOrder(order);
      claimSim = sim;
      claim = { block, id: crit.indicators[order]!.id, confidence: Math.min(1, 0.55 + 0.45 * sim + (ordered ? 0.2 : 0)), method: ordered ? 'code-order' : 'text' };
    }
    if (claimSim >= 0.35 || !block.tokens.size) return claim;
  }
  // No criterion, or a text that fits its criterion badly: the whole set (or the standard), by text.
  if (block.tokens.size < 3) return claim;
  const { top, second } = searchAll(index, block, crit ? null : block.standard, cache);
  if (top && top.sim >= (crit ? 0.8 : CLAIM_FLOOR) && (top.sim >= 0.9 || top.sim - second >= 0.1)) {
    const confidence = Math.min(1, top.sim);
    if (!claim || confidence > claim.confidence || crit) return { block, id: top.id, confidence, method: 'text' };
  }
  return claim;
}
