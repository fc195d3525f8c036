/** The criteria set bundled with the add-in, validated with the core's schema when first used. */
import data from '../../criteria/gnlc-vn-2019.json';
import { CriteriaSet, parseCriteria } from '../core/criteria';

let cached: CriteriaSet | null = null;

/** The bundled criteria; throws (with the schema's problems) only if the shipped file is broken. */
export function bundledCriteria(): CriteriaSet {
  if (cached) return cached;
  const load = parseCriteria(data);
  if (!load.ok) throw new Error(load.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  cached = load.criteria;
  return cached;
}
