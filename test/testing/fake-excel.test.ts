/// <reference types="office-js" />
/** The fake Excel is strict like Office.js: proxies, load + sync, queued writes, null objects, limits, counters. */
// These tests read before load and sync on purpose: the fake must throw as Office.js does.
import { createFakeExcel, sheetDataFromSnapshot, FakeOfficeError } from '../../src/testing/fake-excel';
import type { SheetSnapshot } from '../../src/core/snapshot';

const book = () =>
  createFakeExcel({
    name: 'Book.xlsx',
    sheets: [
      {
        name: 'Data',
        cells: {
          A1: 'Title',
          B2: { value: 5, fill: { color: '#ff0000' } },
          C2: { value: 0.5, numberFormat: '0%' },
          D2: { value: '#N/A' },
          E2: true,
          F2: { value: 12, formula: '=B2+7' },
          B3: { value: '', fill: { color: '#FFFFFF' } },
          C3: { fill: { color: '#C0C0C0', pattern: 'Gray50' } },
        },
        merges: ['A1:C1'],
      },
      { name: 'Other', cells: { A1: 'x' } },
    ],
  });

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as FakeOfficeError).code;
  }
  return undefined;
}

describe('proxies and load', () => {
  test('a property is readable only after load and sync', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      // Loaded in one batch: others stay unreadable.
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('a ClientResult has no value before its sync', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Data').getRange('B2:B3').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      expect(() => props.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await ctx.sync();
      expect(props.value).toEqual([[{ format: { fill: { color: '#FF0000', pattern: 'Solid' } } }], [{ format: { fill: { color: '#FFFFFF', pattern: 'Solid' } } }]]);
    });
  });

  test('"no fill" reads as white with pattern None, like Excel', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Data').getRange('A3:C3').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await ctx.sync();
      expect(props.value[0]).toEqual([
        { format: { fill: { color: '#FFFFFF', pattern: 'None' } } },
        { format: { fill: { color: '#FFFFFF', pattern: 'Solid' } } },
        { format: { fill: { color: '#C0C0C0', pattern: 'Gray50' } } },
      ]);
    });
  });

  test('values, value types, number formats, texts and formulas', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A2:F2');
      r.load('values,valueTypes,numberFormat,text,formulas,address,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      expect(r.values).toEqual([['', 5, 0.5, '#N/A', true, 12]]);
      expect(r.valueTypes).toEqual([['Empty', 'Double', 'Double', 'Error', 'Boolean', 'Double']]);
      expect(r.numberFormat[0]![2]).toBe('0%');
      expect(r.text).toEqual([['', '5', '50%', '#N/A', 'TRUE', '12']]);
      expect(r.formulas[0]![5]).toBe('=B2+7');
      expect([r.address, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]).toEqual(['Data!A2:F2', 1, 0, 1, 6]);
    });
  });

  test('a format with an empty section shows nothing for that kind of value, as Excel does; the value is kept', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'Hidden',
          cells: {
            A1: { value: 'gnlc-summary:v1', numberFormat: ';;;' },
            B1: { value: 42, numberFormat: ';;;' },
            C1: { value: -3, numberFormat: ';;;' },
            D1: { value: 0, numberFormat: ';;;' },
            E1: { value: 0, numberFormat: '0;-0;' },
            F1: { value: 7, numberFormat: '0;-0;' },
            G1: { value: 'typed text', numberFormat: '0;-0;0' },
            H1: { value: 'a;b', numberFormat: '"x;y"0' },
            I1: { value: '#N/A', error: true, numberFormat: ';;;' },
          },
        },
      ],
    });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Hidden').getRange('A1:I1');
      r.load('values,text');
      await ctx.sync();
      expect(r.values).toEqual([['gnlc-summary:v1', 42, -3, 0, 0, 7, 'typed text', 'a;b', '#N/A']]);
      // ";;;": positive, negative, zero and text sections all empty. "0;-0;": only zero hidden.
      // Three sections: no text section, so text shows as typed. An error value shows as it is.
      expect(r.text).toEqual([['', '', '', '', '', '7', 'typed text', 'a;b', '#N/A']]);
    });
    // A value written later into a hidden cell is hidden too: the format belongs to the cell.
    await fake.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem('Hidden').getRange('B1');
      b.values = [[99]];
      b.load('text');
      await ctx.sync();
      expect(b.text).toEqual([['']]);
    });
  });

  test('load paths through navigation properties and collections', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const fill = sheets.getItem('Data').getRange('B2').format.fill;
      fill.load('color');
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['Data', 'Visible'],
        ['Other', 'Visible'],
      ]);
      expect(fill.color).toBe('#FF0000');
    });
  });

  test('loading a property that does not exist fails the sync', async () => {
    const fake = book();
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRange('A1').load('colour');
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });
});

describe('null objects and missing items', () => {
  test('getItem of a missing sheet fails at sync, not before', async () => {
    const fake = book();
    let reached = false;
    const c = await code(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope');
        reached = true;
        await ctx.sync();
      }),
    );
    expect(reached).toBe(true);
    expect(c).toBe('ItemNotFound');
  });

  test('getItemOrNullObject: isNullObject after the sync; what derives from it is null too', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const found = ctx.workbook.worksheets.getItemOrNullObject('Other');
      const column = missing.getRange('A:A').getUsedRangeOrNullObject(true);
      column.load('values');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect(column.isNullObject).toBe(true);
      expect(column.values).toBeUndefined();
    });
  });

  test('writing through a null object fails the sync', async () => {
    const fake = book();
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItemOrNullObject('Nope').getRange('A1').values = [[1]];
          await ctx.sync();
        }),
      ),
    ).toBe('ItemNotFound');
  });

  test('walking the tabs with getFirst and getNextOrNullObject', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const first = ctx.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      for (const s of [first, second, third]) s.load('name');
      const a1 = third.getRange('A1');
      a1.load('values');
      await ctx.sync();
      expect([first.name, second.name, third.isNullObject]).toEqual(['Data', 'Other', true]);
      expect(a1.isNullObject).toBe(true);
    });
  });

  test('merged areas: a null object when there are none', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      const some = ws.getRange('A1:F3').getMergedAreasOrNullObject();
      const none = ws.getRange('A2:F3').getMergedAreasOrNullObject();
      some.areas.load('items/address,items/rowCount,items/columnCount');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(some.areas.items.map((a) => [a.address, a.rowCount, a.columnCount])).toEqual([['Data!A1:C1', 1, 3]]);
    });
  });
});

describe('queued writes', () => {
  test('writes take effect at sync', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange('A5:B5').values = [['a', 2]];
      ws.getRanges('A5,B5').format.fill.color = '#00ff00';
      expect(fake.workbook.sheet('Data')!.cell('A5').value).toBeNull();
      await ctx.sync();
      expect(fake.workbook.sheet('Data')!.cell('A5')).toMatchObject({ value: 'a', fill: { color: '#00FF00', pattern: 'Solid' } });
      expect(fake.workbook.sheet('Data')!.cell('B5')).toMatchObject({ value: 2, valueType: 'Double' });
    });
  });

  test('a set updates the proxy’s local copy, as Office.js does', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A6');
      r.values = [['x']];
      expect(r.values).toEqual([['x']]);
      await ctx.sync();
    });
  });

  test('typed input: numbers, percents, booleans and formulas are converted; an apostrophe keeps text', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A7:F7').values = [['1.1', '50%', 'TRUE', '=A1', "'1.1", 'plain']];
      await ctx.sync();
    });
    const s = fake.workbook.sheet('Data')!;
    expect(['A7', 'B7', 'C7', 'E7', 'F7'].map((a) => s.cell(a).value)).toEqual([1.1, 0.5, true, '1.1', 'plain']);
    expect(s.cell('D7').formula).toBe('=A1');
  });

  test('a values array must match the range', async () => {
    const fake = book();
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2]];
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('null in a values array leaves the cell as it is', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('B2:C2').values = [[null, 7]] as unknown as unknown[][];
      await ctx.sync();
    });
    expect(fake.workbook.sheet('Data')!.cell('B2').value).toBe(5);
    expect(fake.workbook.sheet('Data')!.cell('C2').value).toBe(7);
  });

  test('fill.clear() gives "no fill", not white', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRanges('B2,B3').format.fill.clear();
      await ctx.sync();
    });
    expect(fake.workbook.sheet('Data')!.cell('B2').fill).toBeNull();
    expect(fake.workbook.sheet('Data')!.cell('B3').fill).toBeNull();
  });

  test('add then getItem in one batch; a second add of the name fails', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('New');
      added.visibility = 'VeryHidden';
      const again = ctx.workbook.worksheets.getItem('New');
      again.load('visibility');
      await ctx.sync();
      expect(again.visibility).toBe('VeryHidden');
    });
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.add('new');
          await ctx.sync();
        }),
      ),
    ).toBe('ItemAlreadyExists');
  });

  test('the last visible sheet cannot be hidden', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Only' }] });
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Only').visibility = 'Hidden';
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidOperation');
  });

  test('a protected sheet refuses writes', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'P', protected: true, cells: { A1: 1 } }] });
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('P').getRange('A1').format.fill.color = '#FF0000';
          await ctx.sync();
        }),
      ),
    ).toBe('AccessDenied');
  });

  test('clear("All") empties cells and unmerges; hyperlinks, fonts, widths, freeze, charts are recorded', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.getRange().clear('All');
      ws.getRange('A1:B3').values = [['h', 'n'], ['a', 1], ['b', 2]];
      ws.getRanges('A1:B1').format.font.bold = true;
      ws.getRange('A2').hyperlink = { documentReference: "'Other'!A1", textToDisplay: 'go' };
      ws.getRange('A:B').format.columnWidth = 60;
      ws.freezePanes.freezeRows(1);
      const chart = ws.charts.add('ColumnStacked', ws.getRange('A1:B3'), 'Columns');
      chart.title.text = 'T';
      chart.setPosition('D2');
      chart.series.getItemAt(0).format.fill.setSolidColor('#C6EFCE');
      await ctx.sync();
    });
    const s = fake.workbook.sheet('Data')!;
    expect(s.merges).toEqual([]);
    expect(s.cell('F2').formula).toBeNull();
    expect(s.cell('A1').font.bold).toBe(true);
    expect(s.cell('A2')).toMatchObject({ value: 'go', hyperlink: { documentReference: "'Other'!A1", textToDisplay: 'go' } });
    expect([s.columnWidth('A'), s.columnWidth('B'), s.frozenRows]).toEqual([60, 60, 1]);
    expect(s.charts).toEqual([{ name: 'Chart 1', type: 'ColumnStacked', source: 'A1:B3', seriesBy: 'Columns', title: 'T', series: [{ color: '#C6EFCE' }], position: 'D2' }]);
  });

  test('a bad hyperlink reference fails', async () => {
    const fake = book();
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRange('A9').hyperlink = { documentReference: "'Missing'!A1", textToDisplay: 'x' };
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });
});

describe('limits', () => {
  test('an address list over 8,192 characters is refused, like Excel', async () => {
    const fake = book();
    const addresses = Array.from({ length: 1500 }, (_, i) => `A${2 * i + 10}`).join(',');
    expect(addresses.length).toBeGreaterThan(8192);
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Data').getRanges(addresses).format.fill.color = '#FF0000';
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('a request over the payload limit is refused whole (RequestPayloadSizeLimitExceeded)', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S' }] }, { limits: { maxRequestBytes: 10_000 } });
    const big = Array.from({ length: 500 }, (_, i) => [`row ${i} with some text`, i]);
    expect(
      await code(
        fake.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('S');
          ws.getRange('A1').values = [['first']];
          ws.getRange('A1:B500').values = big;
          await ctx.sync();
        }),
      ),
    ).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.workbook.sheet('S')!.cell('A1').value).toBeNull();
    expect(fake.syncLog[0]!.error).toBe('RequestPayloadSizeLimitExceeded');
  });

  test('a response over the payload limit fails (ResponsePayloadSizeLimitExceeded); a get over 5,000,000 cells too', async () => {
    const cells: Record<string, string> = {};
    for (let r = 1; r <= 400; r++) cells[`A${r}`] = 'x'.repeat(50);
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells }] }, { limits: { maxResponseBytes: 5_000 } });
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').getRange('A1:A400').load('values');
          await ctx.sync();
        }),
      ),
    ).toBe('ResponsePayloadSizeLimitExceeded');
    expect(
      await code(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').getRange('A:Z').load('values');
          await ctx.sync();
        }),
      ),
    ).toBe('RangeExceedsLimit');
  });
});

describe('counters', () => {
  test('syncs, proxies, loads, writes and calls are counted; Excel.run sends only what is pending', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data'); // workbook, worksheets, ws: 3 proxies; 1 call
      const r = ws.getRange('A1'); // 1 proxy, 1 call
      r.load('values'); // 1 load, 1 call
      await ctx.sync();
      r.format.fill.color = '#123456'; // format, fill: 2 proxies; 1 write
      ws.getRange('B1').format.font.bold = true; // 3 proxies, 1 call, 1 write
    });
    expect(fake.counters).toEqual({ syncs: 2, proxies: 9, loads: 1, writes: 2, calls: 4 });
    expect(fake.log.filter((e) => e.write).map((e) => [e.sync, e.type, e.member, e.target])).toEqual([
      [2, 'RangeFill', 'color', 'Data!A1'],
      [2, 'RangeFont', 'bold', 'Data!B1'],
    ]);
    await fake.run(async () => undefined);
    expect(fake.counters.syncs).toBe(2);
  });
});

describe('workbook data', () => {
  test('a snapshot becomes a sheet: values, error types, formats, merges, fills', async () => {
    const snapshot: SheetSnapshot = {
      name: 'Phụ lục',
      origin: { row: 2, col: 1 },
      cells: [[{ value: 'Chỉ số' }, { value: 0.95, numberFormat: '0%' }], [null, { value: '#N/A', type: 'error' }]],
      merges: [{ top: 2, left: 1, bottom: 3, right: 1 }],
      fills: new Map(Object.entries({ C4: { color: '#FFFFFF', pattern: 'Solid' }, B3: { color: null } })),
    };
    const fake = createFakeExcel({ sheets: [sheetDataFromSnapshot(snapshot)] });
    const s = fake.workbook.sheet('Phụ lục')!;
    expect(s.cell('B3').value).toBe('Chỉ số');
    expect(s.cell('C3')).toMatchObject({ value: 0.95, numberFormat: '0%' });
    expect(s.cell('C4')).toMatchObject({ value: '#N/A', valueType: 'Error', fill: { color: '#FFFFFF', pattern: 'Solid' } });
    expect(s.cell('B3').fill).toBeNull();
    expect(s.merges).toEqual(['B3:B4']);
    await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      used.load('address');
      await ctx.sync();
      expect(used.address).toBe("'Phụ lục'!B3:C4");
    });
  });

  test('what a person does between runs is not counted', () => {
    const fake = book();
    fake.workbook.setFill('Data', 'B2', { color: '#FFEB9C' });
    fake.workbook.setCell('Data', 'A9', '1.5');
    fake.workbook.select('Data', ['B2', 'C3:C4']);
    expect(fake.workbook.sheet('Data')!.cell('A9').value).toBe('1.5');
    expect(fake.workbook.selection()).toEqual({ sheet: 'Data', addresses: ['B2', 'C3:C4'] });
    expect(fake.counters.syncs + fake.counters.writes).toBe(0);
  });
});
