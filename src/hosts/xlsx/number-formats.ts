/**
 * Number-format codes as the file has them. exceljs drops every backslash of a custom format code
 * when it reads styles.xml (NumFmtXform.parseOpen: `formatCode.replace(/[\\](.)/g, '$1')`), so
 * `0.0\%` (a percent sign shown literally, ECMA-376 Part 1 §18.8.31: "\" displays the next
 * character) comes back as `0.0%`, a format that scales by 100. The codes are read here from the
 * package itself and handed back to the cells exceljs gives a changed code.
 */
import { DOMParser } from '@xmldom/xmldom';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface FormatCodes {
  /** exceljs's code (backslashes dropped) → the file's own code, where only one code reads so. */
  byCode: ReadonlyMap<string, string>;
  /**
   * Where two codes read alike (`0.0\%` and a custom `0.0%`): sheet name → cell address → the
   * file's code, from the cell's style index (its `s`, an index into cellXfs).
   */
  byCell: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const byWorkbook = new WeakMap<ExcelJS.Workbook, FormatCodes>();

/** What exceljs makes of a format code on read. */
export function unescapedCode(code: string): string {
  return code.replace(/[\\](.)/g, '$1');
}

type Doc = ReturnType<DOMParser['parseFromString']>;
type El = NonNullable<ReturnType<Doc['getElementsByTagNameNS']>[number]>;

function parse(xml: string): Doc | null {
  try {
    return new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch {
    return null;
  }
}

function elements(parent: Doc | El, name: string): El[] {
  const list = parent.getElementsByTagNameNS('*', name);
  const out: El[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const part = zip.file(path);
  return part ? part.async('string') : undefined;
}

/** A part's path from its folder and a relationship target ("worksheets/sheet1.xml", "/xl/…"). */
function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * The custom codes of a package that exceljs reads differently. A package whose parts cannot be
 * read gives nothing to restore: exceljs has read it already, and its codes stand.
 */
export async function readFormatCodes(data: Uint8Array): Promise<FormatCodes> {
  const none: FormatCodes = { byCode: new Map(), byCell: new Map() };
  let zip: JSZip;
  let styles: Doc | null;
  try {
    zip = await JSZip.loadAsync(data);
    const xml = await text(zip, 'xl/styles.xml');
    styles = xml ? parse(xml) : null;
  } catch {
    return none;
  }
  if (!styles) return none;
  const codeById = new Map<string, string>();
  for (const f of elements(styles, 'numFmt')) {
    const id = f.getAttribute('numFmtId');
    const code = f.getAttribute('formatCode');
    if (id !== null && code) codeById.set(id, code);
  }
  const readAlike = new Map<string, Set<string>>();
  for (const code of codeById.values()) {
    const key = unescapedCode(code);
    readAlike.set(key, (readAlike.get(key) ?? new Set()).add(code));
  }
  const byCode = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [key, codes] of readAlike) {
    if (codes.size === 1 && !codes.has(key)) byCode.set(key, [...codes][0]!);
    if (codes.size > 1) for (const c of codes) if (c !== key) ambiguous.add(c);
  }
  if (!ambiguous.size) return { byCode, byCell: new Map() };
  try {
    return { byCode, byCell: await cellsWithCodes(zip, styles, codeById, ambiguous) };
  } catch {
    return { byCode, byCell: new Map() };
  }
}

/** For each sheet, the cells whose style's code is one of `wanted`, by the cell's style index. */
async function cellsWithCodes(zip: JSZip, styles: Doc, codeById: Map<string, string>, wanted: Set<string>): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const cellXfs = elements(styles, 'cellXfs')[0];
  if (!cellXfs) return out;
  const codeOfStyle = new Map<string, string>();
  elements(cellXfs, 'xf').forEach((xf, i) => {
    const code = codeById.get(xf.getAttribute('numFmtId') ?? '');
    if (code !== undefined && wanted.has(code)) codeOfStyle.set(String(i), code);
  });
  if (!codeOfStyle.size) return out;
  const workbookXml = await text(zip, 'xl/workbook.xml');
  const relsXml = await text(zip, 'xl/_rels/workbook.xml.rels');
  const workbook = workbookXml ? parse(workbookXml) : null;
  const rels = relsXml ? parse(relsXml) : null;
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const r of elements(rels, 'Relationship')) targets.set(r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '');
  for (const sheet of elements(workbook, 'sheet')) {
    const name = sheet.getAttribute('name');
    const rid = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? sheet.getAttribute('r:id');
    const target = rid ? targets.get(rid) : undefined;
    if (name === null || !target) continue;
    const xml = await text(zip, resolve('xl/', target));
    if (!xml) continue;
    const cells = new Map<string, string>();
    // A sheet part can be large: its cell tags are scanned, not parsed into a tree.
    for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
      const attrs = m[1]!;
      const s = /\ss="(\d+)"/.exec(attrs)?.[1];
      const code = s !== undefined ? codeOfStyle.get(s) : undefined;
      const r = code !== undefined ? /\sr="([A-Z]+\d+)"/.exec(attrs)?.[1] : undefined;
      if (code !== undefined && r !== undefined) cells.set(r, code);
    }
    if (cells.size) out.set(name, cells);
  }
  return out;
}

export function rememberFormatCodes(wb: ExcelJS.Workbook, codes: FormatCodes): void {
  if (codes.byCode.size || codes.byCell.size) byWorkbook.set(wb, codes);
}

/** The codes to restore in one sheet: by exceljs's code, then by cell. */
export interface SheetFormatCodes {
  byCode: ReadonlyMap<string, string>;
  byCell?: ReadonlyMap<string, string>;
}

export function formatCodesOf(wb: ExcelJS.Workbook, sheet: string): SheetFormatCodes | undefined {
  const codes = byWorkbook.get(wb);
  if (!codes) return undefined;
  const byCell = codes.byCell.get(sheet);
  return byCell ? { byCode: codes.byCode, byCell } : { byCode: codes.byCode };
}
