/// <reference types="office-js" />
/**
 * "Xóa màu" against each way Excel is reported to read a fill back (the fake's noFillReadBack
 * variants; sources in src/testing/fake-excel/format.ts, fillReadBack): the departments' own fills
 * (none, white, a theme colour with a tint, a pattern with its colour) come back exactly, and no
 * fill the product did not set is ever removed.
 */
import { loadCriteria } from '../../core/helpers';
import { buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { FakeExcel, FakeFillInput, NoFillReadBack, createFakeExcel, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost, fillSpecOf } from '../../../src/hosts/office';
import { clearCounted, scoreCounted } from './counted';

const criteria = loadCriteria();
const SHEET = 'Phụ lục';
const VARIANTS: NoFillReadBack[] = ['pattern-none', 'pattern-null-white'];

/** The departments' fills, one of each kind Excel offers. */
const ORIGINALS: Array<FakeFillInput | null> = [
  null,
  { color: '#FFFFFF' },
  { color: '#FFC000', tintAndShade: 0.4 },
  { color: '#DDEBF7', pattern: 'Gray25', patternColor: '#FF0000' },
  { color: '#00B050', pattern: 'LightDown', patternColor: '#0070C0', patternTintAndShade: -0.25, tintAndShade: 0.6 },
];

function hostFor(fake: FakeExcel): OfficeHost {
  return new OfficeHost(fake.run, { isSetSupported: () => true });
}

/** The cells a scoring run colours (learnt on a copy without fills). */
async function colouredCells(): Promise<string[]> {
  const fake = createFakeExcel({ name: 'a.xlsx', sheets: [sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet)] });
  const { plan } = await scoreCounted(hostFor(fake), criteria, 'vi', { summary: false });
  return plan.fills.flatMap((g) => g.addresses);
}

function fillsOf(fake: FakeExcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [a, c] of Object.entries(fake.workbook.sheet(SHEET)!.cells())) if (c.fill) out[a] = c.fill;
  return out;
}

describe.each(VARIANTS)('no fill read back as %s', (variant) => {
  test('"Xóa màu" gives every coloured cell back its own fill, every property of it', async () => {
    const cells = await colouredCells();
    expect(cells.length).toBeGreaterThan(50);
    const fake = createFakeExcel({ name: 'a.xlsx', sheets: [sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet)] }, { noFillReadBack: variant });
    cells.forEach((a, i) => fake.workbook.setFill(SHEET, a, ORIGINALS[i % ORIGINALS.length]!));
    // A department fill on a cell the product never colours.
    fake.workbook.setFill(SHEET, 'A1', { color: '#FFFF00' });
    const before = fillsOf(fake);
    expect(Object.keys(before).length).toBeGreaterThan(cells.length / 2);

    const host = hostFor(fake);
    await scoreCounted(host, criteria, 'vi', { summary: false });
    expect(fillsOf(fake)).not.toEqual(before);
    const cleared = await clearCounted(host);
    expect(cleared.kept).toEqual([]);
    expect(fillsOf(fake)).toEqual(before);
  });

  test('scoring twice, then "Xóa màu": still the departments\' fills', async () => {
    const cells = await colouredCells();
    const fake = createFakeExcel({ name: 'a.xlsx', sheets: [sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet)] }, { noFillReadBack: variant });
    cells.forEach((a, i) => fake.workbook.setFill(SHEET, a, ORIGINALS[i % ORIGINALS.length]!));
    const before = fillsOf(fake);
    const host = hostFor(fake);
    await scoreCounted(host, criteria, 'vi', { summary: false });
    await scoreCounted(host, criteria, 'vi', { summary: false });
    await clearCounted(host);
    expect(fillsOf(fake)).toEqual(before);
  });

  test('a cell the person recoloured after scoring keeps the person\'s fill', async () => {
    const cells = await colouredCells();
    const fake = createFakeExcel({ name: 'a.xlsx', sheets: [sheetDataFromSnapshot(buildAppendix(criteria, sampleValues(criteria)).sheet)] }, { noFillReadBack: variant });
    const host = hostFor(fake);
    await scoreCounted(host, criteria, 'vi', { summary: false });
    fake.workbook.setFill(SHEET, cells[0]!, { color: '#FFFFFF' });
    fake.workbook.setFill(SHEET, cells[1]!, { color: '#7030A0', tintAndShade: -0.5 });
    await clearCounted(host);
    expect(fake.workbook.sheet(SHEET)!.cell(cells[0]!).fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(fake.workbook.sheet(SHEET)!.cell(cells[1]!).fill).toEqual({ color: '#7030A0', pattern: 'Solid', tintAndShade: -0.5 });
    expect(fake.workbook.sheet(SHEET)!.cell(cells[2]!).fill).toBeNull();
  });
});

describe('fillSpecOf: what each answer Excel gives means', () => {
  const of = (fill: Record<string, unknown>) => fillSpecOf({ format: { fill } } as Excel.CellProperties);
  test('no fill, however Excel says it', () => {
    expect(of({ color: '#FFFFFF', pattern: 'None', tintAndShade: null })).toEqual({ color: null });
    expect(of({ color: '#FFFFFF', pattern: null, tintAndShade: null })).toEqual({ color: null });
  });
  test('white is a fill, with pattern null or Solid', () => {
    expect(of({ color: '#FFFFFF', pattern: null, tintAndShade: 0 })).toEqual({ color: '#FFFFFF' });
    expect(of({ color: '#ffffff', pattern: 'Solid', tintAndShade: 0 })).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
  });
  test('nothing tells white from no fill: recorded as white (restoring white loses nothing)', () => {
    expect(of({ color: '#FFFFFF', pattern: null })).toEqual({ color: '#FFFFFF' });
  });
  test('a theme colour keeps its tint; a pattern its colour and tint', () => {
    expect(of({ color: '#FFC000', pattern: 'Solid', tintAndShade: 0.4, patternColor: null, patternTintAndShade: 0 })).toEqual({ color: '#FFC000', pattern: 'Solid', tintAndShade: 0.4 });
    expect(of({ color: '#DDEBF7', pattern: 'Gray25', tintAndShade: 0, patternColor: '#ff0000', patternTintAndShade: -0.25 })).toEqual({ color: '#DDEBF7', pattern: 'Gray25', patternColor: '#FF0000', patternTintAndShade: -0.25 });
  });
});
