/**
 * Number-format codes as the file has them. exceljs drops every backslash of a custom format code
 * when it reads styles.xml (NumFmtXform.parseOpen: `formatCode.replace(/[\\](.)/g, '$1')`), so
 * `0.0\%` (a percent sign shown literally, ECMA-376 Part 1 §18.8.31: "\" displays the next
 * character) comes back as `0.0%`, a format that scales by 100. The codes are read here from
 * styles.xml itself and handed back to each cell whose exceljs code is the unescaped form of one.
 */
import { DOMParser } from '@xmldom/xmldom';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** exceljs's code (backslashes dropped) → the file's own code, where that is unambiguous. */
export type FormatCodes = ReadonlyMap<string, string>;

const byWorkbook = new WeakMap<ExcelJS.Workbook, FormatCodes>();

/** What exceljs makes of a format code on read. */
export function unescapedCode(code: string): string {
  return code.replace(/[\\](.)/g, '$1');
}

/**
 * The custom codes of a package's styles.xml that exceljs reads differently: keyed by what exceljs
 * gives. Two codes that exceljs reads alike (`0.0\%` and `0.0%`) cannot be told apart by the cell,
 * so neither is restored. A package without a readable styles part gives an empty map.
 */
export async function readFormatCodes(data: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(data);
    const part = zip.file('xl/styles.xml') ?? zip.file(/(^|\/)styles\.xml$/i)[0];
    xml = part ? await part.async('string') : undefined;
  } catch {
    return out; // exceljs has read the package already; a styles part we cannot read changes nothing
  }
  if (!xml) return out;
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch {
    return out;
  }
  const codes: string[] = [];
  const list = doc.getElementsByTagNameNS('*', 'numFmt');
  for (let i = 0; i < list.length; i++) {
    const code = list.item(i)?.getAttribute('formatCode');
    if (code) codes.push(code);
  }
  const seen = new Map<string, Set<string>>();
  for (const code of codes) {
    const key = unescapedCode(code);
    const set = seen.get(key) ?? new Set<string>();
    set.add(code);
    seen.set(key, set);
  }
  for (const [key, set] of seen) if (set.size === 1 && !set.has(key)) out.set(key, [...set][0]!);
  return out;
}

export function rememberFormatCodes(wb: ExcelJS.Workbook, codes: FormatCodes): void {
  if (codes.size) byWorkbook.set(wb, codes);
}

export function formatCodesOf(wb: ExcelJS.Workbook): FormatCodes | undefined {
  return byWorkbook.get(wb);
}
