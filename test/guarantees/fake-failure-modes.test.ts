/// <reference types="office-js" />
/**
 * The failure modes and change events the guarantees are tested against behave as Excel's do:
 * a refused batch runs nothing; a batch failing half-way keeps what ran; a hung sync never
 * settles; `values` can come back null; change events arrive after the sync that caused them,
 * with triggerSource for the add-in's own writes (or none on older builds); handlers register and
 * unregister at a sync.
 */
import { FakeChangedEventArgs, createFakeExcel } from '../../src/testing/fake-excel';

const book = (events?: Parameters<typeof createFakeExcel>[1]) => createFakeExcel({ sheets: [{ name: 'S', cells: { A1: 1, A2: 2 } }, { name: 'T' }] }, events);

test('refuse: nothing of the batch runs; the error has Excel’s code', async () => {
  const fake = book();
  fake.inject({ kind: 'refuse', code: 'InvalidOperationInCellEditMode' });
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[9]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  expect(fake.workbook.sheet('S')!.cell('A1').value).toBe(1);
  expect(fake.pendingFaults()).toBe(0);
});

test('fail-after: the commands before the failure stay applied, as in Excel', async () => {
  const fake = book();
  fake.inject({ kind: 'fail-after', commands: 1, code: 'GeneralException' });
  await expect(
    fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('A1').values = [[9]];
      s.getRange('A2').values = [[8]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'GeneralException' });
  expect([fake.workbook.sheet('S')!.cell('A1').value, fake.workbook.sheet('S')!.cell('A2').value]).toEqual([9, 2]);
});

test('hang: the sync never settles and runs nothing; null-values: values load as null', async () => {
  const fake = book();
  fake.inject({ kind: 'hang' });
  const settled = await Promise.race([
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[9]];
      await ctx.sync();
      return 'answered';
    }),
    new Promise((r) => setTimeout(() => r('still waiting'), 50)),
  ]);
  expect(settled).toBe('still waiting');
  expect(fake.workbook.sheet('S')!.cell('A1').value).toBe(1);

  fake.inject({ kind: 'null-values', minCells: 2 });
  const values = await fake.run(async (ctx) => {
    const big = ctx.workbook.worksheets.getItem('S').getRange('A1:A2').load('values');
    const small = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
    await ctx.sync();
    return [big.values, small.values];
  });
  expect(values).toEqual([null, [[1]]]);
});

test('before: the workbook changes first (a co-author), then the batch runs against it', async () => {
  const fake = book();
  fake.inject({ kind: 'before', run: () => fake.workbook.protect('S') }, { when: (s) => s.writes > 0 });
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'AccessDenied' });
});

describe('change events', () => {
  async function listen(fake: ReturnType<typeof book>, sheet = 'S') {
    const seen: FakeChangedEventArgs[] = [];
    const registration = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => void seen.push(e as unknown as FakeChangedEventArgs));
      expect(fake.events.handlerCount(sheet)).toBe(0); // registered at the sync
      await ctx.sync();
      return r;
    });
    expect(fake.events.handlerCount(sheet)).toBe(1);
    return { seen, registration };
  }

  test('the add-in’s writes: after the sync, ThisLocalAddin; a person’s edits: Unknown, Local or Remote', async () => {
    const fake = book({ events: { formatChangesFire: true } }); // fills on onChanged too: the pessimistic switch
    const { seen } = await listen(fake);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRanges('B2:B3,D4').format.fill.color = '#FF0000';
      ctx.workbook.worksheets.getItem('T').getRange('A1').values = [[1]];
      await ctx.sync();
      expect(seen).toEqual([]); // not during the sync
    });
    fake.workbook.setCell('S', 'C3', 5);
    fake.workbook.setCell('S', 'C4', 6, { source: 'Remote' });
    await fake.events.idle();
    expect(seen).toEqual([
      expect.objectContaining({ type: 'WorksheetChanged', address: 'B2:B3,D4', changeType: 'RangeEdited', source: 'Local', triggerSource: 'ThisLocalAddin' }),
      expect.objectContaining({ address: 'C3', source: 'Local', triggerSource: 'Unknown' }),
      expect.objectContaining({ address: 'C4', source: 'Remote', triggerSource: 'Unknown' }),
    ]);
  });

  test('older builds: no triggerSource; format changes can be switched off', async () => {
    const fake = book({ events: { triggerSource: false, formatChangesFire: false } });
    const { seen } = await listen(fake);
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('B2').format.fill.color = '#FF0000';
      s.getRange('B3').values = [[3]];
      await ctx.sync();
    });
    await fake.events.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ address: 'B3' });
    expect(seen[0]!.triggerSource).toBeUndefined();
  });

  test('remove() and a sync on the same context unregister the handler', async () => {
    const fake = book();
    const { seen, registration } = await listen(fake);
    registration.remove();
    await registration.context.sync();
    expect(fake.events.handlerCount()).toBe(0);
    fake.workbook.setCell('S', 'A1', 7);
    await fake.events.idle();
    expect(seen).toEqual([]);
  });
});
