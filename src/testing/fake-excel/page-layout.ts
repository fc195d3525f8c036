/// <reference types="office-js" />
/**
 * Worksheet.pageLayout of the fake (ExcelApi 1.9), the part the add-in sets on the sheets it
 * writes, following @types/office-js (Excel.PageLayout, Excel.HeaderFooterGroup, Excel.HeaderFooter)
 * and learn.microsoft.com/javascript/api/excel/excel.pagelayout:
 *
 * - `orientation`: "Portrait" | "Landscape" (Excel.PageOrientation); anything else is refused.
 * - `paperSize`: an Excel.PaperType name ("A4", "Letter", …); the fake knows the common ones.
 * - `zoom` (Excel.PageLayoutZoomOptions): "must be set as a JSON object (use x.zoom = {...}
 *   instead of x.zoom.scale = ...)"; `scale` "can be between 10 and 400"; horizontal and vertical
 *   fit-to-pages are page counts. Setting it replaces the whole object, as a JSON set does.
 * - `setPrintArea(printArea: Range | RangeAreas | string)`: the fake takes an address string.
 * - `setPrintTitleRows(printTitleRows: Range | string)`: whole rows ("$1:$3" or "1:3").
 * - `headersFooters.defaultForAllPages.centerFooter` (HeaderFooter, ExcelApi 1.9): a string with
 *   Excel's format codes (&P, &N), stored as given.
 *
 * On a protected sheet the sets fail like every other write (AccessDenied). Read back with
 * `fakePageLayout(fake, sheet)` (no sync).
 */
import { FakeOfficeError } from './errors';
import { parseLocalAddress } from './address';
import { FakeObject } from './proxy';
import { writable } from './base';
import { FakeSheet } from './model';
import { FakeRequestContext, FakeWorksheet } from './workbook';

export interface FakePageLayoutView {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** As set ("A1:F70"), or null. */
  printArea: string | null;
  /** As set ("$4:$4"), or null. */
  printTitleRows: string | null;
  centerFooter: string;
}

const layouts = new WeakMap<FakeSheet, FakePageLayoutView>();
function layoutOf(sheet: FakeSheet): FakePageLayoutView {
  let l = layouts.get(sheet);
  // Excel's defaults for a new sheet: portrait, Letter (en-US), 100 %.
  if (!l) layouts.set(sheet, (l = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printArea: null, printTitleRows: null, centerFooter: '' }));
  return l;
}

const PAPER = new Set(['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio']);

function bad(message: string): never {
  throw new FakeOfficeError('InvalidArgument', message);
}

/** The page layout of a sheet of a fake workbook (no sync: reads the model directly); null when there is no such sheet. */
export async function fakePageLayout(fake: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> }, sheet: string): Promise<FakePageLayoutView | null> {
  return fake.run(async (context) => {
    const s = (context as unknown as FakeRequestContext).model.find(sheet);
    return s ? JSON.parse(JSON.stringify(layoutOf(s))) as FakePageLayoutView : null;
  });
}

class FakeHeaderFooter extends FakeObject<FakeSheet> {
  readonly _typeName = 'HeaderFooter';
  protected _scalars() {
    return { centerFooter: (s: FakeSheet) => layoutOf(s).centerFooter };
  }
  get centerFooter(): string {
    return this.prop('centerFooter');
  }
  set centerFooter(v: string) {
    this.setProperty('centerFooter', v, (s, x) => {
      if (typeof x !== 'string') bad('centerFooter is a string');
      layoutOf(writable(this.context as FakeRequestContext, s)).centerFooter = x;
    });
  }
}

class FakeHeaderFooterGroup extends FakeObject<FakeSheet> {
  readonly _typeName = 'HeaderFooterGroup';
  protected _scalars() {
    return {};
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return this.nav('defaultForAllPages', () => new FakeHeaderFooter(this.context, this.child((s) => s)));
  }
}

export class FakePageLayout extends FakeObject<FakeSheet> {
  readonly _typeName = 'PageLayout';
  protected _scalars() {
    return {
      orientation: (s: FakeSheet) => layoutOf(s).orientation,
      paperSize: (s: FakeSheet) => layoutOf(s).paperSize,
      zoom: (s: FakeSheet) => layoutOf(s).zoom,
    };
  }
  private sheet(s: FakeSheet): FakePageLayoutView {
    return layoutOf(writable(this.context as FakeRequestContext, s));
  }
  get orientation(): string {
    return this.prop('orientation');
  }
  set orientation(v: string) {
    this.setProperty('orientation', v, (s, x) => {
      if (x !== 'Portrait' && x !== 'Landscape') bad(`orientation ${String(x)}`);
      this.sheet(s).orientation = x;
    });
  }
  get paperSize(): string {
    return this.prop('paperSize');
  }
  set paperSize(v: string) {
    this.setProperty('paperSize', v, (s, x) => {
      if (!PAPER.has(String(x))) bad(`paperSize ${String(x)}`);
      this.sheet(s).paperSize = String(x);
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.prop('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.setProperty('zoom', v, (s, x) => {
      if (!x || typeof x !== 'object') bad('zoom is set as one JSON object');
      const z = x as Record<string, unknown>;
      const keys = Object.keys(z).filter((k) => z[k] !== undefined && z[k] !== null);
      if (keys.some((k) => !['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k))) bad(`zoom has no ${keys.join(', ')}`);
      if (z.scale !== undefined && z.scale !== null && (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400)) bad('scale is between 10 and 400');
      for (const k of ['horizontalFitToPages', 'verticalFitToPages'])
        if (z[k] !== undefined && z[k] !== null && (typeof z[k] !== 'number' || !Number.isInteger(z[k]) || (z[k] as number) < 0)) bad(`${k} is a number of pages`);
      this.sheet(s).zoom = Object.fromEntries(keys.map((k) => [k, z[k]])) as FakePageLayoutView['zoom'];
    });
  }
  get headersFooters(): FakeHeaderFooterGroup {
    return this.nav('headersFooters', () => new FakeHeaderFooterGroup(this.context, this.child((s) => s)));
  }
  setPrintArea(printArea: string): void {
    // Checked when the batch runs, as Excel answers at sync.
    this.invoke('setPrintArea', [printArea], (s) => {
      if (typeof printArea !== 'string') bad('the fake takes setPrintArea an address');
      for (const part of printArea.split(',')) if (!parseLocalAddress(part.replace(/\$/g, ''))) bad(`not an address: ${part}`);
      this.sheet(s).printArea = printArea;
    }, { write: true });
  }
  setPrintTitleRows(printTitleRows: string): void {
    this.invoke('setPrintTitleRows', [printTitleRows], (s) => {
      const m = typeof printTitleRows === 'string' ? /^\$?(\d+):\$?(\d+)$/.exec(printTitleRows) : null;
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) bad(`print title rows are whole rows ("$1:$3"): ${String(printTitleRows)}`);
      this.sheet(s).printTitleRows = printTitleRows;
    }, { write: true });
  }
}

/** Worksheet.pageLayout: one proxy per worksheet proxy, like its other navigation properties. */
Object.defineProperty(FakeWorksheet.prototype, 'pageLayout', {
  configurable: true,
  get(this: FakeWorksheet & { nav: <O>(name: string, make: () => O) => O; child: <C>(r: (t: FakeSheet) => C | null) => () => C | null }) {
    return this.nav('pageLayout', () => new FakePageLayout(this.context, this.child((s) => s)));
  },
});
