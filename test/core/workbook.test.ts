/**
 * The core's one way to score and clear a workbook: the sheet-choice rule every front end shares
 * (chooseSheet), and scoreWorkbook / clearWorkbook over a WorkbookHost kept in memory here, which
 * logs every call so the order of stages and host calls can be checked.
 */
import { CriteriaSet } from '../../src/core/criteria';
import { HostRead, WritePlan } from '../../src/core/pipeline';
import { SUMMARY_MARKER, WorkbookState, emptyState } from '../../src/core/plan';
import { SheetSnapshot } from '../../src/core/snapshot';
import { SheetInfo, WorkbookError, WorkbookHost, appendixCandidates, chooseSheet, clearWorkbook, matchSheetName, scoreWorkbook } from '../../src/core/workbook';
import { buildAppendixSheet, sampleValues } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';

const criteria: CriteriaSet = loadCriteria();
const APPENDIX = buildAppendixSheet(criteria, sampleValues(criteria), {}, 'Phụ lục');
const OTHER_APPENDIX = buildAppendixSheet(criteria, sampleValues(criteria), {}, 'Năm trước');

function plain(name: string, text = 'ghi chú'): SheetSnapshot {
  return { name, origin: { row: 0, col: 0 }, cells: [[{ value: text }]], merges: [] };
}
const SUMMARY = plain('Tổng hợp GNLC', SUMMARY_MARKER);

/** A workbook in memory as a WorkbookHost; `log` holds every call. */
class MemoryHost implements WorkbookHost {
  readonly log: string[] = [];
  state: WorkbookState | null = null;
  constructor(
    private readonly sheetList: SheetSnapshot[],
    private active: string,
    private readonly hidden: string[] = [],
  ) {}
  async sheets(): Promise<SheetInfo[]> {
    this.log.push('sheets');
    return this.sheetList.map((s) => ({ name: s.name, visible: !this.hidden.includes(s.name) }));
  }
  async read(sheet?: string): Promise<HostRead> {
    const name = sheet ?? this.active;
    this.log.push(`read:${name}`);
    const found = this.sheetList.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return {
      sheet: found,
      sheetNames: this.sheetList.map((s) => s.name),
      hiddenSheets: this.hidden,
      state: this.state,
      summarySheets: this.sheetList.filter((s) => s.cells[0]?.[0]?.value === SUMMARY_MARKER).map((s) => s.name),
      // B1 of a summary names its source, as the hosts read it.
      summarySources: Object.fromEntries(
        this.sheetList.filter((s) => s.cells[0]?.[0]?.value === SUMMARY_MARKER && typeof s.cells[0]?.[1]?.value === 'string').map((s) => [s.name, String(s.cells[0]![1]!.value)]),
      ),
    };
  }
  async readState(): Promise<WorkbookState | null> {
    return this.state;
  }
  async writeState(state: WorkbookState): Promise<void> {
    this.state = state;
  }
  async apply(plan: WritePlan): Promise<void> {
    this.log.push(`apply:${plan.sheet}`);
    this.state = plan.state;
  }
}

function first(host: MemoryHost, sheet?: string): Promise<HostRead> {
  return host.read(sheet);
}

describe('chooseSheet: one rule for the pane, the ribbon, the command line and live checks', () => {
  test('a sheet named is that sheet when it is an appendix; otherwise refused, naming the sheet that looks like one', async () => {
    const h = new MemoryHost([APPENDIX, plain('Ghi chú')], 'Ghi chú');
    expect(chooseSheet({ named: 'Phụ lục', first: await first(h, 'Phụ lục') }, criteria)).toEqual({ sheet: 'Phụ lục', reason: 'named' });
    const notes = await first(h, 'Ghi chú');
    expect(chooseSheet({ named: 'Ghi chú', first: notes }, criteria)).toEqual({ sheet: null, reason: 'read-candidates' });
    expect(chooseSheet({ named: 'Ghi chú', first: notes, candidates: [APPENDIX, plain('Ghi chú')] }, criteria)).toEqual({
      sheet: null,
      reason: 'not-appendix',
      chosen: 'Ghi chú',
      likely: 'Phụ lục',
    });
    expect(chooseSheet({ named: 'Ghi chú', first: notes, candidates: [plain('Ghi chú')] }, criteria)).toEqual({ sheet: null, reason: 'not-appendix', chosen: 'Ghi chú', likely: null });
  });

  test('the pane and the ribbon: the active sheet is the person’s choice, refused the same way when it is no appendix', async () => {
    const h = new MemoryHost([APPENDIX, plain('Ghi chú')], 'Ghi chú');
    const read = await first(h);
    expect(chooseSheet({ first: read, activeIsChoice: true, candidates: [plain('Ghi chú'), APPENDIX] }, criteria)).toMatchObject({ reason: 'not-appendix', likely: 'Phụ lục' });
    // The command line without --sheet: the tab the file opens on is no choice; the appendix is found.
    expect(chooseSheet({ first: read, candidates: [plain('Ghi chú'), APPENDIX] }, criteria)).toEqual({ sheet: 'Phụ lục', reason: 'best-appendix' });
  });

  test('the active sheet when it is an appendix, even when another one is there', async () => {
    const h = new MemoryHost([OTHER_APPENDIX, APPENDIX], 'Phụ lục');
    expect(chooseSheet({ first: await first(h) }, criteria)).toEqual({ sheet: 'Phụ lục', reason: 'active' });
  });

  test('from the summary sheet: the sheet scored last, else one the state knows', async () => {
    const h = new MemoryHost([APPENDIX, OTHER_APPENDIX, SUMMARY], 'Tổng hợp GNLC');
    expect(chooseSheet({ first: await first(h), lastSheet: 'Năm trước' }, criteria)).toEqual({ sheet: 'Năm trước', reason: 'summary-source' });
    h.state = { ...emptyState(), mappings: { 'Phụ lục': {} } };
    expect(chooseSheet({ first: await first(h) }, criteria)).toEqual({ sheet: 'Phụ lục', reason: 'summary-source' });
    // Named, the summary sheet leads to its appendix as well.
    expect(chooseSheet({ named: 'Tổng hợp GNLC', first: await first(h, 'Tổng hợp GNLC') }, criteria)).toEqual({ sheet: 'Phụ lục', reason: 'summary-source' });
  });

  test('otherwise the best appendix among the visible sheets that are not the product’s, once they are read; or none', async () => {
    const h = new MemoryHost([plain('Ghi chú'), APPENDIX, SUMMARY, plain('Ẩn')], 'Ghi chú', ['Ẩn']);
    const read = await first(h);
    expect(chooseSheet({ first: read }, criteria)).toEqual({ sheet: null, reason: 'read-candidates' });
    expect(appendixCandidates(read)).toEqual(['Ghi chú', 'Phụ lục']);
    expect(chooseSheet({ first: read, candidates: [plain('Ghi chú'), APPENDIX] }, criteria)).toEqual({ sheet: 'Phụ lục', reason: 'best-appendix' });
    expect(chooseSheet({ first: read, candidates: [plain('Ghi chú')] }, criteria)).toEqual({ sheet: null, reason: 'no-appendix' });
  });

  test('a sheet name a person typed: exact first, then ignoring case and Unicode form', () => {
    const names = ['Phụ lục', 'PHỤ LỤC 2'];
    expect(matchSheetName(names, 'Phụ lục')).toBe('Phụ lục');
    expect(matchSheetName(names, 'phụ lục 2')).toBe('PHỤ LỤC 2');
    expect(matchSheetName(names, 'Phụ lục'.normalize('NFD'))).toBe('Phụ lục');
    expect(matchSheetName(names, 'Khác')).toBeNull();
  });
});

describe('scoreWorkbook', () => {
  test('reports each stage as it starts, before the host call or the work of that stage; one read and one apply', async () => {
    const h = new MemoryHost([APPENDIX, plain('Ghi chú')], 'Phụ lục');
    const done = await scoreWorkbook(h, criteria, {
      lang: 'vi',
      onStep: async (s) => {
        h.log.push(`step:${s}`);
        await Promise.resolve();
      },
    });
    expect(h.log).toEqual(['step:read', 'read:Phụ lục', 'step:map', 'step:score', 'step:write', 'apply:Phụ lục']);
    expect(done.choice).toEqual({ sheet: 'Phụ lục', reason: 'active' });
    expect(done.plan.summary?.name).toBe('Tổng hợp GNLC');
  });

  test('write: false reads, scores and plans, and applies nothing', async () => {
    const h = new MemoryHost([APPENDIX], 'Phụ lục');
    const done = await scoreWorkbook(h, criteria, { lang: 'vi', write: false });
    expect(h.log).toEqual(['read:Phụ lục']);
    expect(done.plan.fills.length).toBeGreaterThan(0);
  });

  test('the active sheet not an appendix: every candidate is read once, the best appendix is scored', async () => {
    const h = new MemoryHost([plain('Ghi chú'), APPENDIX, plain('Khác')], 'Ghi chú');
    const done = await scoreWorkbook(h, criteria, { lang: 'vi' });
    expect(h.log).toEqual(['read:Ghi chú', 'read:Phụ lục', 'read:Khác', 'apply:Phụ lục']);
    expect(done.choice.reason).toBe('best-appendix');
  });

  test('a named sheet that is no appendix: refused before anything is written, naming the likely sheet', async () => {
    const h = new MemoryHost([APPENDIX, plain('Ghi chú')], 'Phụ lục');
    const e = await scoreWorkbook(h, criteria, { lang: 'vi', sheet: 'Ghi chú' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect(e).toMatchObject({ code: 'NotAppendix', detail: { sheet: 'Ghi chú', likely: 'Phụ lục' } });
    expect(h.log.filter((l) => l.startsWith('apply'))).toEqual([]);
  });

  test('each source its own summary: scoring one sheet never overwrites the summary of another', async () => {
    const ofAppendix: SheetSnapshot = { ...SUMMARY, cells: [[{ value: SUMMARY_MARKER }, { value: 'Phụ lục' }]] };
    const h = new MemoryHost([APPENDIX, OTHER_APPENDIX, ofAppendix], 'Năm trước');
    const other = await scoreWorkbook(h, criteria, { lang: 'vi', write: false });
    expect(other.plan.summary).toMatchObject({ name: 'Tổng hợp GNLC – Năm trước', existing: false });
    expect(other.plan.summary!.rows[0]!.map((c) => c.value)).toEqual([SUMMARY_MARKER, 'Năm trước']);
    const again = await scoreWorkbook(h, criteria, { lang: 'vi', write: false, sheet: 'Phụ lục' });
    expect(again.plan.summary).toMatchObject({ name: 'Tổng hợp GNLC', existing: true });
    // A summary of an earlier version (no source recorded), alone in the workbook: still the one rewritten.
    const old = new MemoryHost([OTHER_APPENDIX, SUMMARY], 'Năm trước');
    expect((await scoreWorkbook(old, criteria, { lang: 'vi', write: false })).plan.summary).toMatchObject({ name: 'Tổng hợp GNLC', existing: true });
  });

  test('no appendix anywhere: refused before anything is written', async () => {
    const h = new MemoryHost([plain('Ghi chú'), plain('Khác')], 'Ghi chú');
    await expect(scoreWorkbook(h, criteria, { lang: 'vi' })).rejects.toMatchObject({ name: 'WorkbookError', code: 'NoAppendix', detail: { sheets: ['Ghi chú', 'Khác'] } });
    expect(h.log.filter((l) => l.startsWith('apply'))).toEqual([]);
  });
});

describe('clearWorkbook', () => {
  test('restores the sheet the same rule chooses; a protected sheet with fills to restore is refused before any write', async () => {
    const h = new MemoryHost([APPENDIX, SUMMARY], 'Phụ lục');
    await scoreWorkbook(h, criteria, { lang: 'vi' });
    const coloured = Object.keys(h.state!.colours['Phụ lục']!).length;
    const fills = new Map(Object.entries(h.state!.colours['Phụ lục']!).map(([a, r]) => [a, { color: r.applied, pattern: 'Solid' }]));
    const scoredSheet: SheetSnapshot = { ...APPENDIX, fills, protected: true };
    const locked = new MemoryHost([scoredSheet, SUMMARY], 'Tổng hợp GNLC');
    locked.state = h.state;
    const e = await clearWorkbook(locked, criteria, { lastSheet: 'Phụ lục' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect(e).toMatchObject({ code: 'SheetProtected', detail: { sheet: 'Phụ lục' } });
    expect(locked.log).toEqual(['read:Tổng hợp GNLC', 'read:Phụ lục']);

    const open = new MemoryHost([{ ...scoredSheet, protected: false }, SUMMARY], 'Tổng hợp GNLC');
    open.state = h.state;
    const cleared = await clearWorkbook(open, criteria, { lastSheet: 'Phụ lục' });
    expect(cleared.choice).toEqual({ sheet: 'Phụ lục', reason: 'summary-source' });
    expect(cleared.plan.restore).toHaveLength(coloured);
  });
});
