/**
 * Two kinds of \`missing\` a person must not read as "no data yet": another party's indicator,
 * outside a one-party return's scope (scope.ts), and a row the mapper did not find. No imports,
 * so the pane's first chunk can ask without pulling in the engine.
 */
import type { IndicatorResult } from './score';

/** True when a result is another party's indicator, outside the scope of the return scored. */
export function isOtherParty(result: Pick<IndicatorResult, 'issues'>): boolean {
  return result.issues[0]?.code === 'other-party';
}

/** True when the mapper did not find the indicator's row ("Không tìm thấy dòng"; its status stays \`missing\`). */
export function isNotFound(result: Pick<IndicatorResult, 'issues' | 'status'>): boolean {
  return result.status === 'missing' && result.issues[0]?.code === 'unmapped';
}
