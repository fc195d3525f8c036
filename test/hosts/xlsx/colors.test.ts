/** Fills between exceljs and the core: what comes back after a restore, and theme colours as Excel shows them. */
import { FillSpec } from '../../../src/core/snapshot';
import { applyTint, fillFromSpec, fillSpecOf, themeColors } from '../../../src/hosts/xlsx';

const theme = themeColors(undefined);

test.each<[string, FillSpec]>([
  ['white', { color: '#FFFFFF', pattern: 'Solid' }],
  ['a colour without a pattern name', { color: '#FFF2CC' }],
  ['a pattern over a background', { color: '#FFFF00', pattern: 'Gray16' }],
  ['a pattern without a background', { color: null, pattern: 'CrissCross' }],
])('%s is restored as it was read', (_, spec) => {
  const back = fillSpecOf(fillFromSpec(spec), theme);
  expect(back).toEqual({ ...spec, pattern: spec.pattern ?? 'Solid' });
});

test('no fill is restored as no fill, never white', () => {
  expect(fillFromSpec({ color: null })).toBeUndefined();
  expect(fillFromSpec({ color: null, pattern: 'None' })).toBeUndefined();
  expect(fillSpecOf(undefined, theme)).toEqual({ color: null, pattern: 'None' });
});

test('a gradient comes back as its first colour, solid (the one loss a FillSpec cannot avoid)', () => {
  expect(fillSpecOf(fillFromSpec({ color: '#00B050', pattern: 'LinearGradient' }), theme)).toEqual({ color: '#00B050', pattern: 'Solid' });
});

test("theme colours with a tint give the colours Excel's palette shows", () => {
  expect(applyTint('FFFFFF', -0.1499984740745262)).toBe('D9D9D9'); // White, Background 1, Darker 15%
  expect(applyTint('ED7D31', -0.249977111117893)).toBe('C55A11'); // Orange, Accent 2, Darker 25%
  expect(applyTint('000000', 0.499984740745262)).toBe('7F7F7F'); // Black, Text 1, Lighter 50% (Excel: 127, 127, 127)
  const xml = '<a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1></a:clrScheme>';
  const t = themeColors(xml);
  expect(t.slice(0, 5)).toEqual(['FFFFFF', '000000', 'EEECE1', '1F497D', '4F81BD']);
});
