/** The core's decisions about fills the workbook holds now: what a live check recolours, whose the state sheet is. */
import { STATE_MARKER, STATUS_FILL, WorkbookState, emptyState } from '../../src/core/plan';
import { isStateSheetName, isSummaryMarker, ownsStateSheet } from '../../src/core/product-sheets';
import { planLiveColouring, productColoured } from '../../src/core/recolour';
import type { IndicatorResult } from '../../src/core/score';

const result = (id: string, status: IndicatorResult['status'], cells: string[]) => ({ id, status, cells }) as IndicatorResult;

function scored(): WorkbookState {
  const s = emptyState();
  s.colours['Phụ lục'] = {
    E7: { original: { color: null }, applied: STATUS_FILL.met },
    E8: { original: { color: '#FFFF00', pattern: 'Solid' }, applied: STATUS_FILL.unmet },
  };
  return s;
}

describe('planLiveColouring', () => {
  const fills = new Map(Object.entries({ E7: { color: STATUS_FILL.met }, E8: { color: '#123456' } }));

  test('only cells whose status colour changed are recoloured, with their originals kept', () => {
    const out = planLiveColouring('Phụ lục', [result('1.1.1.a', 'met', ['E7']), result('1.1.2.a', 'met', ['E8'])], fills, scored(), { colour: true, protected: false });
    expect(out.warnings).toEqual([]);
    expect(out.write?.groups).toEqual([{ status: 'met', color: STATUS_FILL.met, addresses: ['E8'] }]);
    // E8 was recoloured by hand since (#123456): that fill is its original now.
    expect(out.write?.state.colours['Phụ lục']?.E8).toEqual({ original: { color: '#123456' }, applied: STATUS_FILL.met });
  });

  test('nothing when no status colour changed, when colouring is off, or when the sheet holds no product colours (after "Xóa màu")', () => {
    const same = [result('1.1.1.a', 'met', ['E7']), result('1.1.2.a', 'unmet', ['E8'])];
    expect(planLiveColouring('Phụ lục', same, fills, scored(), { colour: true, protected: false })).toEqual({ write: null, warnings: [] });
    const changed = [result('1.1.1.a', 'unmet', ['E7'])];
    expect(planLiveColouring('Phụ lục', changed, fills, scored(), { colour: false, protected: false }).write).toBeNull();
    expect(planLiveColouring('Phụ lục', changed, fills, emptyState(), { colour: true, protected: false }).write).toBeNull();
    expect(productColoured(scored(), 'Phụ lục')).toBe(true);
    expect(productColoured(null, 'Phụ lục')).toBe(false);
  });

  test('a protected sheet: nothing written, a sheet-protected warning', () => {
    const out = planLiveColouring('Phụ lục', [result('1.1.1.a', 'unmet', ['E7'])], fills, scored(), { colour: true, protected: true });
    expect(out.write).toBeNull();
    expect(out.warnings.map((w) => w.code)).toEqual(['sheet-protected']);
  });
});

test('the product’s own sheets: the state sheet by its marker or emptiness, the summary by its marker', () => {
  expect(ownsStateSheet(STATE_MARKER, false)).toBe(true);
  expect(ownsStateSheet(undefined, true)).toBe(true);
  expect(ownsStateSheet(null, false)).toBe(false);
  expect(ownsStateSheet('Ghi chú của tôi', false)).toBe(false);
  expect(isStateSheetName('gnlc_state')).toBe(true);
  expect(isSummaryMarker('gnlc-summary:v1')).toBe(true);
  expect(isSummaryMarker('Tổng hợp')).toBe(false);
});
