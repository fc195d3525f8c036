/**
 * Writes a plan into the input's own package: the scored sheet changes only in the `s` attribute
 * of the cells it colours or restores, styles.xml gets the new formats appended, the summary and
 * state sheets are added (or replaced in place) with their relationship, content type and
 * workbook entry. Every other part keeps its stored bytes (package.ts). What to colour and what
 * to restore is the core's plan; this translates it into parts.
 */
import type { WritePlan } from '../../core/pipeline';
import { STATE_SHEET, SheetContent, encodeState, printArea } from '../../core/plan';
import { FillSpec, toA1 } from '../../core/snapshot';
import { isStateSheetName } from '../../core/product-sheets';
import { ColourRecord, WorkbookState, emptyMap, isProductColour, setOwn } from '../../core/state';
import { NS, REL, WORKSHEET_TYPE, XEl, XlsxPackage, child, children, element } from './package';
import { summarySheetXml, stateSheetXml } from './product-xml';
import { SheetLayout, StyleEdit, patchLaidOut, patchSheetXml } from './sheet-patch';
import { StylesPatch } from './styles-patch';
import { withProps } from '../../core/objects';

/** A copy of the state whose records can be given their style index, and the copied records of `sheet` by address. */
function copyState(s: WorkbookState, sheet: string): { state: WorkbookState; records: Map<string, ColourRecord> } {
  const colours = emptyMap<Record<string, ColourRecord>>();
  const byAddress = new Map<string, ColourRecord>();
  for (const name of Object.keys(s.colours)) {
    const records = emptyMap<ColourRecord>();
    const mine = name === sheet;
    for (const [a, rec] of Object.entries(s.colours[name]!)) {
      const copy = { original: { ...rec.original }, applied: rec.applied };
      setOwn(records, a, copy);
      if (mine) byAddress.set(a, copy);
    }
    setOwn(colours, name, records);
  }
  return { state: withProps(s, { colours }), records: byAddress };
}

function sheetByName(pkg: XlsxPackage, name: string) {
  const lower = name.toLowerCase();
  return pkg.sheets().find((s) => s.name.toLowerCase() === lower);
}

/** Adds a worksheet part with its relationship, content type and workbook entry (last in tab order). */
function addSheet(pkg: XlsxPackage, name: string, part: string, hidden: 'veryHidden' | undefined): void {
  pkg.setContentType(part, WORKSHEET_TYPE);
  const relId = pkg.addRel(pkg.workbookPart, REL.worksheet, part);
  const wb = pkg.workbook();
  const root = wb.documentElement!;
  let sheets = child(root, 'sheets');
  if (!sheets) {
    sheets = element(wb, 'sheets');
    root.appendChild(sheets);
  }
  const ids = children(sheets, 'sheet').map((s) => Number(s.getAttribute('sheetId')) || 0);
  const sheet = element(wb, 'sheet');
  sheet.setAttribute('name', name);
  sheet.setAttribute('sheetId', String(Math.max(0, ...ids) + 1));
  if (hidden) sheet.setAttribute('state', hidden);
  let prefix = root.lookupPrefix(NS.r);
  if (!prefix) {
    prefix = 'r';
    while (root.lookupNamespaceURI(prefix)) prefix += 'r';
    root.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, NS.r);
  }
  sheet.setAttributeNS(NS.r, `${prefix}:id`, relId);
  sheets.appendChild(sheet);
}

/** Writes a product sheet's part: in place when the sheet is there, else as a new sheet. */
function putSheet(pkg: XlsxPackage, name: string, doc: string, hidden?: 'veryHidden'): void {
  const existing = sheetByName(pkg, name);
  if (existing && existing.part) {
    pkg.put(existing.part, doc);
    if (hidden) existing.el.setAttribute('state', hidden);
    return;
  }
  const part = pkg.freePart('xl/worksheets/sheet', '.xml');
  pkg.put(part, doc);
  addSheet(pkg, name, part, hidden);
}

/** Elements CT_Workbook places after definedNames (ECMA-376 Part 1 §18.2.27): a new definedNames goes before the first. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * A sheet's print area and print titles: the built-in names _xlnm.Print_Area and _xlnm.Print_Titles
 * scoped to the sheet (§18.2.5, localSheetId is its index in <sheets>), the sheet's old ones replaced.
 */
function putPrintNames(pkg: XlsxPackage, name: string, content: SheetContent): void {
  if (!content.print) return;
  const i = pkg.sheets().findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  if (i < 0) return;
  const doc = pkg.workbook();
  const root = doc.documentElement!;
  let names = child(root, 'definedNames');
  if (!names) {
    names = element(doc, 'definedNames');
    let next = root.firstChild;
    while (next && !(next.nodeType === 1 && AFTER_DEFINED_NAMES.includes((next as XEl).localName ?? ''))) next = next.nextSibling;
    root.insertBefore(names, next);
  }
  const builtIn = ['_xlnm.Print_Area', '_xlnm.Print_Titles'];
  for (const dn of children(names, 'definedName')) {
    if (dn.getAttribute('localSheetId') === String(i) && builtIn.includes(dn.getAttribute('name') ?? '')) names.removeChild(dn);
  }
  const sheet = `'${name.replace(/'/g, "''")}'`;
  const area = printArea(content);
  const add = (key: string, ref: string) => {
    const dn = element(doc, 'definedName');
    dn.setAttribute('name', key);
    dn.setAttribute('localSheetId', String(i));
    dn.appendChild(doc.createTextNode(ref));
    names!.appendChild(dn);
  };
  add('_xlnm.Print_Area', `${sheet}!$A$1:$${toA1(area.bottom, area.right).replace(/(\d+)$/, '$$$1')}`);
  const titles = content.print.titleRows;
  if (titles) add('_xlnm.Print_Titles', `${sheet}!$${titles.first + 1}:$${titles.last + 1}`);
}

/** Removes a sheet: its workbook entry, relationship, content type, part and the part's relationships; names scoped to it go too. */
export function removeSheet(pkg: XlsxPackage, name: string): boolean {
  const all = pkg.sheets();
  const i = all.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  if (i < 0) return false;
  const entry = all[i]!;
  entry.el.parentNode!.removeChild(entry.el);
  pkg.removeRel(pkg.workbookPart, entry.relId);
  if (entry.part) {
    pkg.removeContentType(entry.part);
    pkg.remove(entry.part);
    const rels = entry.part.replace(/([^/]+)$/, '_rels/$1.rels');
    if (pkg.has(rels)) pkg.remove(rels);
  }
  const root = pkg.workbook().documentElement!;
  const names = child(root, 'definedNames');
  if (names) {
    for (const dn of children(names, 'definedName')) {
      const local = dn.getAttribute('localSheetId');
      if (local === null || local === '') continue;
      const n = Number(local);
      if (n === i) names.removeChild(dn);
      else if (n > i) dn.setAttribute('localSheetId', String(n - 1));
    }
    if (!children(names, 'definedName').length) root.removeChild(names);
  }
  const views = child(root, 'bookViews');
  for (const v of views ? children(views, 'workbookView') : []) {
    for (const attr of ['activeTab', 'firstSheet']) {
      const a = v.getAttribute(attr);
      if (a === null) continue;
      const n = Number(a);
      if (n > i) v.setAttribute(attr, String(n - 1));
      else if (n === i) v.setAttribute(attr, '0');
    }
  }
  return true;
}

export interface PatchResult {
  coloured: number;
  restored: number;
  summarySheet?: string;
  /** The state as written (records given their style index). */
  state: WorkbookState;
}

/**
 * Whether a recorded fill and the fill a format holds now are the same (the keys both name; colours
 * in any case). A recorded style index is put back only while the format at that index still has
 * the recorded fill: a tool that saved the copy may have renumbered the formats.
 */
function sameRecordedFill(recorded: FillSpec, now: FillSpec): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v ?? null);
  return (['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const).every(
    (k) => recorded[k] === undefined || now[k] === undefined || norm(recorded[k]) === norm(now[k]),
  );
}

/**
 * Applies a write plan to the package (the plan already checked by applyPlan: no sheet the product
 * does not own is written). `fillAt` gives the fill a cell format holds in the package as read, to
 * check a recorded style index before it is put back.
 */
export function patchPlan(pkg: XlsxPackage, plan: WritePlan, fillAt?: (styleIndex: number) => FillSpec, layoutOf?: (part: string) => SheetLayout | undefined): PatchResult {
  const styles = new StylesPatch(pkg.doc(pkg.stylesPart()));
  const { state, records } = copyState(plan.state, plan.sheet);
  const result: PatchResult = { coloured: 0, restored: 0, state };
  if (plan.sheet !== '' && (plan.fills.length || plan.restore.length)) {
    const entry = sheetByName(pkg, plan.sheet);
    if (!entry || !entry.part) throw new Error(`no worksheet part for ${JSON.stringify(plan.sheet)}`);
    // Whether a format wears one of the product's colours, asked per format (not per cell).
    const productColoured = new Map<number, boolean>();
    const wearsProductColour = (i: number) => {
      let yes = productColoured.get(i);
      if (yes === undefined) productColoured.set(i, (yes = isProductColour('#' + (styles.solidColour(i) ?? ''))));
      return yes;
    };
    const cells = new Map<string, StyleEdit>();
    for (const group of plan.fills) {
      const fillId = styles.solidFill(group.color.replace(/^#/, ''));
      for (const address of group.addresses) {
        cells.set(address, (current) => {
          const rec = records.get(address);
          // The original is the cell's own format, unless it already wears a product colour (then the record keeps what it had).
          if (rec && rec.original.styleIndex === undefined && !wearsProductColour(current)) rec.original.styleIndex = current;
          return styles.withFill(current, fillId);
        });
        result.coloured++;
      }
    }
    const xfCount = styles.xfCount;
    const renumbered = new Map<string, number | null>();
    for (const { address, fill } of plan.restore) {
      cells.set(address, (current) => {
        const index = fill.styleIndex;
        // The recorded format, where the cell still wears it with only the product's fill over it.
        const original = (i: number) => styles.sameButFill(current, i) && (!fillAt || sameRecordedFill(fill, fillAt(i)));
        if (index !== undefined && original(index)) return index;
        // The formats renumbered by a tool that saved the copy: the file's own format that is the
        // cell's with the recorded fill, where there is one (a theme colour stays a theme colour).
        if (index !== undefined && fillAt) {
          const key = `${current}|${JSON.stringify(fill)}`;
          let found = renumbered.get(key);
          if (found === undefined) {
            found = null;
            for (let i = 0; i < xfCount && found === null; i++) if (original(i)) found = i;
            renumbered.set(key, found);
          }
          if (found !== null) return found;
        }
        // A record without the file's index (written by the add-in), or a cell whose format a person
        // changed since: its current format with the recorded fill.
        return styles.withFill(current, styles.specFill(fill));
      });
      result.restored++;
    }
    const bytes = pkg.bytes(entry.part)!;
    // Scoring a sheet just read: changed where its read found the cells, without parsing it again; clearing (which may remove cells it added) streams it.
    const layout = plan.fills.length ? layoutOf?.(entry.part) : undefined;
    pkg.put(entry.part, (layout && patchLaidOut(bytes, layout, cells)) || patchSheetXml(bytes, { cells, restore: plan.fills.length === 0 }));
  }
  if (plan.summary) {
    putSheet(pkg, plan.summary.name, summarySheetXml(plan.summary, styles));
    result.summarySheet = sheetByName(pkg, plan.summary.name)?.name ?? plan.summary.name;
    putPrintNames(pkg, result.summarySheet, plan.summary);
  }
  if (!plan.keepState) {
    const name = pkg.sheets().find((s) => isStateSheetName(s.name))?.name ?? STATE_SHEET;
    putSheet(pkg, name, stateSheetXml(encodeState(state)), 'veryHidden');
  }
  return result;
}

export type { XEl };
