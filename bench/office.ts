/**
 * Round trips and API calls of one scoring run ("Chấm điểm") through OfficeHost against the
 * strict fake Excel (src/testing/fake-excel): context.sync() count, proxy objects, write calls. These
 * do not depend on the machine's speed, so their budgets hold in quick mode (CI) too.
 *
 * Baselines: the floor of 2 syncs (the read batch and the write batch); for the sheet too large
 * for one 5 MB answer, the fewest syncs that limit allows (one write, plus the read's answer bytes
 * over 5 MB); for proxies and write calls on large workbooks, the same run on the example return.
 */
import { FakeExcel, createFakeExcel, sheetDataFromSnapshot } from '../src/testing/fake-excel';
import { OfficeHost } from '../src/hosts/office/host';
import { scoreWorkbook } from '../src/core/workbook';
import { SheetSnapshot } from '../src/core/snapshot';
import { BenchOptions, Row, failedRow } from './measure';
import { benchCriteria, loadSample, renamed, tallSheet } from './sample';

const SYNC_FLOOR = 2;
/** At most one sync above the floor (3) for a run whatever the workbook's size; payload chunks are counted apart. */
const SYNC_BUDGET: Row['budget'] = { max: 1.5, machineIndependent: true };
/** Proxies and write calls must not grow with the number of sheets or rows (20% for per-sheet probes). */
const GROWTH_BUDGET: Row['budget'] = { max: 1.2, machineIndependent: true };
/** Chunked reads may take at most half again the round trips the 5 MB payload limit forces. */
const CHUNK_BUDGET: Row['budget'] = { max: 1.5, machineIndependent: true };

interface Counts {
  syncs: number;
  chunkSyncs: number;
  proxies: number;
  loads: number;
  writeCalls: number;
  calls: number;
  readBytes: number;
  maxResponseBytes: number;
  indicators: number;
}

async function scoreOnce(fake: FakeExcel): Promise<Counts> {
  const host = new OfficeHost(fake.run, { isSetSupported: () => true });
  const result = await scoreWorkbook(host, benchCriteria(), { lang: 'vi' });
  const c = host.stats;
  if (c.syncs !== fake.counters.syncs) throw new Error(`OfficeHost counted ${c.syncs} syncs, the fake ${fake.counters.syncs}`);
  if (c.writeCalls !== fake.counters.writes) throw new Error(`OfficeHost counted ${c.writeCalls} write calls, the fake ${fake.counters.writes}`);
  const errors = fake.syncLog.filter((s) => s.error);
  if (errors.length) throw new Error(`a sync failed: ${errors[0]!.error}`);
  return {
    syncs: c.syncs,
    chunkSyncs: c.readChunkSyncs + c.writeChunkSyncs + c.retries,
    proxies: fake.counters.proxies,
    loads: fake.counters.loads,
    writeCalls: c.writeCalls,
    calls: fake.counters.calls,
    readBytes: fake.syncLog.reduce((n, s) => n + s.responseBytes, 0),
    maxResponseBytes: fake.limits.maxResponseBytes,
    indicators: result.run.summary.totals.total,
  };
}

function book(sheets: SheetSnapshot[], active: string): FakeExcel {
  return createFakeExcel({ name: 'Phu-luc.xlsx', sheets: sheets.map((s) => sheetDataFromSnapshot(s)), active });
}

const detail = (c: Counts) => `${c.proxies} proxies, ${c.loads} loads, ${c.writeCalls} write calls, ${c.calls} API calls; ${(c.readBytes / 1e6).toFixed(2)} MB read`;

export async function benchOffice(_options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const group = 'office';
  const { sheets, appendix } = await loadSample();

  // 1. One department's return: the example workbook (appendix + "Thông tin chung").
  let base: Counts | null = null;
  const syncsRow = { group, name: 'return of 57 indicators: context.sync()', unit: 'syncs', baselineName: 'floor: 1 read + 1 write', budget: SYNC_BUDGET };
  try {
    base = await scoreOnce(book(sheets, appendix.name));
    rows.push({ ...syncsRow, value: base.syncs, baseline: SYNC_FLOOR, note: `${base.indicators} indicators; ${detail(base)}` });
  } catch (e) {
    rows.push(failedRow(syncsRow, e));
  }

  // 2. A coordinator's consolidated workbook: 30 appendix sheets, the 15th active.
  const thirty = Array.from({ length: 30 }, (_, i) => renamed(appendix, `Sở ${String(i + 1).padStart(2, '0')}`));
  const large: Array<{ label: string; sheets: SheetSnapshot[]; active: string; chunked: boolean }> = [
    { label: '30-sheet workbook (active sheet)', sheets: thirty, active: thirty[14]!.name, chunked: false },
    { label: '10,000-row sheet', sheets: [tallSheet(appendix, 10_000)], active: appendix.name, chunked: true },
  ];
  for (const w of large) {
    const name = (what: string) => `${w.label}: ${what}`;
    try {
      const c = await scoreOnce(book(w.sheets, w.active));
      rows.push({
        group,
        name: name(w.chunked ? 'context.sync() besides payload chunks' : 'context.sync()'),
        value: c.syncs - c.chunkSyncs,
        unit: 'syncs',
        baselineName: 'floor: 1 read + 1 write',
        baseline: SYNC_FLOOR,
        budget: SYNC_BUDGET,
        note: `${c.indicators} indicators; ${c.syncs} syncs in all (${c.chunkSyncs} payload chunks); ${detail(c)}`,
      });
      if (w.chunked) {
        const floor = 1 + Math.ceil(c.readBytes / c.maxResponseBytes);
        rows.push({
          group,
          name: name('context.sync() with payload chunks'),
          value: c.syncs,
          unit: 'syncs',
          baselineName: `floor under the ${(c.maxResponseBytes / 1024 / 1024).toFixed(0)} MB answer limit`,
          baseline: floor,
          budget: CHUNK_BUDGET,
          note: `${c.chunkSyncs} extra read syncs for ${(c.readBytes / 1e6).toFixed(2)} MB of cell data (OfficeHost: first window 2,000 rows, then 25,000 cells per sync)`,
        });
      }
      if (!base) throw new Error('the 57-indicator return could not be measured');
      rows.push({ group, name: name('proxy objects'), value: c.proxies, unit: 'proxies', baselineName: 'the 57-indicator return', baseline: base.proxies, budget: GROWTH_BUDGET });
      rows.push({ group, name: name('write calls'), value: c.writeCalls, unit: 'calls', baselineName: 'the 57-indicator return', baseline: base.writeCalls, budget: GROWTH_BUDGET });
    } catch (e) {
      rows.push(failedRow({ group, name: name('context.sync()'), unit: 'syncs', baselineName: 'floor: 1 read + 1 write', budget: SYNC_BUDGET }, e));
    }
  }
  return rows;
}
