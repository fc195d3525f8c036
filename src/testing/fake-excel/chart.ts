/** Charts in the fake: a sheet's chart collection, a chart's title, series and series fill. */
import { FakeOfficeError } from './errors';
import { Rect, cellA1, localAddress, parseAddressOn, rectCols, rectRows } from './address';
import { FakeObject } from './proxy';
import { FakeChartData, FakeSheet, normaliseColor } from './model';
import { FakeCollection, ctxOf, writable } from './base';
import type { FakeRange } from './range';

interface ChartT {
  sheet: FakeSheet;
  chart: FakeChartData;
}
interface SeriesT {
  chart: FakeChartData;
  index: number;
}

const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'Line', 'Pie', 'XYScatter']);

/** How many series Excel makes of a source: leading text columns (rows) are categories. */
function seriesCount(sheet: FakeSheet, rect: Rect, byRows: boolean): number {
  const lines = byRows ? rectRows(rect) : rectCols(rect);
  const isText = (row: number, col: number) => typeof sheet.get(row, col)?.value === 'string';
  let categories = 0;
  for (let i = 0; i < lines; i++) {
    let text = true;
    if (byRows) for (let c = rect.left + 1; c <= rect.right; c++) text = text && isText(rect.top + i, c);
    else for (let r = rect.top + 1; r <= rect.bottom; r++) text = text && isText(r, rect.left + i);
    if (!text) break;
    categories++;
  }
  return Math.max(1, lines - Math.max(categories, 0));
}

export class FakeChartCollection extends FakeCollection<FakeSheet, FakeChart, ChartT> {
  readonly _typeName = 'ChartCollection';
  protected _elements(s: FakeSheet) {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  protected _item(e: ChartT) {
    return new FakeChart(this.context, () => e);
  }
  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    let created: ChartT | null = null;
    this.invoke(
      'add',
      [type, seriesBy],
      (s) => {
        writable(ctxOf(this), s);
        if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `chart type ${type}`);
        const src = sourceData._resolve();
        if (!src || src.sheet !== s) throw new FakeOfficeError('InvalidArgument', 'the source is not on this sheet');
        const n = seriesCount(s, src.rect, seriesBy === 'Rows');
        const chart: FakeChartData = {
          name: ctxOf(this).model.nextChartName(),
          type,
          source: localAddress(src.rect),
          seriesBy: seriesBy === 'Auto' ? 'Columns' : seriesBy,
          title: null,
          series: Array.from({ length: n }, () => ({ color: null })),
          position: null,
        };
        s.charts.push(chart);
        created = { sheet: s, chart };
      },
      { write: true },
    );
    return new FakeChart(this.context, () => created);
  }
  getItem(name: string): FakeChart {
    this.counted();
    return new FakeChart(
      this.context,
      this.child((s) => {
        const chart = s.charts.find((c) => c.name === name);
        if (!chart) throw new FakeOfficeError('ItemNotFound', `no chart ${name}`);
        return { sheet: s, chart };
      }),
    );
  }
  getItemOrNullObject(name: string): FakeChart {
    this.counted();
    return new FakeChart(
      this.context,
      this.child((s) => {
        const chart = s.charts.find((c) => c.name === name);
        return chart ? { sheet: s, chart } : null;
      }),
    );
  }
}

export class FakeChart extends FakeObject<ChartT> {
  readonly _typeName = 'Chart';
  protected _scalars() {
    return { name: (t: ChartT) => t.chart.name };
  }
  protected override _navigation() {
    return { title: () => this.title, series: () => this.series };
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProperty('name', v, (t, x) => {
      t.chart.name = String(x);
    });
  }
  get title(): FakeChartTitle {
    return this.nav('title', () => new FakeChartTitle(this.context, this.child((t) => t)));
  }
  get series(): FakeChartSeriesCollection {
    return this.nav('series', () => new FakeChartSeriesCollection(this.context, this.child((t) => t)));
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this.invoke(
      'setPosition',
      [typeof startCell === 'string' ? startCell : 'range', typeof endCell === 'string' ? endCell : null],
      (t) => {
        const start = typeof startCell === 'string' ? parseAddressOn(startCell, t.sheet.name) : startCell._resolve()?.rect;
        if (!start) throw new FakeOfficeError('InvalidArgument', 'no start cell');
        t.chart.position = cellA1(start.top, start.left);
      },
      { write: true },
    );
  }
  delete(): void {
    this.invoke(
      'delete',
      [],
      (t) => {
        t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
      },
      { write: true },
    );
  }
}

export class FakeChartTitle extends FakeObject<ChartT> {
  readonly _typeName = 'ChartTitle';
  protected _scalars() {
    return { text: (t: ChartT) => t.chart.title ?? '' };
  }
  get text(): string {
    return this.prop('text');
  }
  set text(v: string) {
    this.setProperty('text', v, (t, x) => {
      t.chart.title = String(x);
    });
  }
}

export class FakeChartSeriesCollection extends FakeCollection<ChartT, FakeChartSeries, SeriesT> {
  readonly _typeName = 'ChartSeriesCollection';
  protected _elements(t: ChartT) {
    return t.chart.series.map((_, index) => ({ chart: t.chart, index }));
  }
  protected _item(e: SeriesT) {
    return new FakeChartSeries(this.context, () => e);
  }
  getItemAt(index: number): FakeChartSeries {
    this.counted();
    return new FakeChartSeries(
      this.context,
      this.child((t) => {
        if (index < 0 || index >= t.chart.series.length) throw new FakeOfficeError('ItemNotFound', `no series ${index}`);
        return { chart: t.chart, index };
      }),
    );
  }
}

export class FakeChartSeries extends FakeObject<SeriesT> {
  readonly _typeName = 'ChartSeries';
  protected _scalars() {
    return {};
  }
  protected override _navigation() {
    return { format: () => this.format };
  }
  get format(): FakeChartSeriesFormat {
    return this.nav('format', () => new FakeChartSeriesFormat(this.context, this.child((t) => t)));
  }
}

export class FakeChartSeriesFormat extends FakeObject<SeriesT> {
  readonly _typeName = 'ChartSeriesFormat';
  protected _scalars() {
    return {};
  }
  protected override _navigation() {
    return { fill: () => this.fill };
  }
  get fill(): FakeChartFill {
    return this.nav('fill', () => new FakeChartFill(this.context, this.child((t) => t)));
  }
}

export class FakeChartFill extends FakeObject<SeriesT> {
  readonly _typeName = 'ChartFill';
  protected _scalars() {
    return {};
  }
  setSolidColor(color: string): void {
    this.invoke('setSolidColor', [color], (t) => void (t.chart.series[t.index]!.color = normaliseColor(color)), { write: true });
  }
  clear(): void {
    this.invoke('clear', [], (t) => void (t.chart.series[t.index]!.color = null), { write: true });
  }
}

