/** Helpers for the tests of the patched package: score or clear bytes through the xlsx host, and compare packages part by part. */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { clearWorkbook, scoreWorkbook } from '../../../src/core/workbook';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { entryContent, readZip } from '../../../src/hosts/xlsx/zip';
import { loadCriteria } from './helpers';

export interface Part {
  /** The stored (compressed) bytes. */
  raw: Buffer;
  content: Buffer;
}

/** Every part of a package by name (folders left out), read with zlib. */
export function partsOf(data: Buffer): Map<string, Part> {
  const out = new Map<string, Part>();
  for (const e of readZip(data)) if (!e.name.endsWith('/')) out.set(e.name, { raw: Buffer.from(e.data), content: entryContent(e) });
  return out;
}

/** `gnlc score --out` in process: the core's scoreWorkbook through the host on the input's package. */
export async function scoreBytes(data: Buffer): Promise<{ buffer: Buffer; sheet: string; coloured: string[] }> {
  const host = await XlsxHost.open(data, { workbookName: 'in.xlsx' });
  const run = await scoreWorkbook(host, loadCriteria(), { lang: 'vi' });
  return { buffer: await host.toBuffer(), sheet: run.read.sheet.name, coloured: run.plan.fills.flatMap((g) => g.addresses) };
}

/** `gnlc clear` in process: every sheet with colours restored, the product's sheets removed. */
export async function clearBytes(data: Buffer): Promise<Buffer> {
  const host = await XlsxHost.open(data);
  const state = await host.readState();
  for (const sheet of Object.keys(state?.colours ?? {})) await clearWorkbook(host, loadCriteria(), { sheet });
  await host.removeProductSheets();
  return host.toBuffer();
}

/** The worksheet part of a sheet, found through the workbook and its relationships. */
export function sheetPart(parts: Map<string, Part>, sheet: string): string {
  const wb = parts.get('xl/workbook.xml')!.content.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.content.toString('utf8');
  const esc = sheet.replace(/&/g, '&amp;').replace(/'/g, '(?:\'|&apos;)');
  const id = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  return target!.startsWith('/') ? target!.slice(1) : 'xl/' + target;
}

/**
 * A worksheet's XML with the given cells' style left out: their `s` attribute removed, and a cell
 * left with nothing but its reference removed (the product may add one to colour it). Parsed and
 * serialised, so the comparison is of XML, not of bytes.
 */
export function withoutStyles(xml: string, addresses: ReadonlySet<string>): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const cells = doc.getElementsByTagName('c');
  for (const c of Array.from(cells)) {
    const r = c.getAttribute('r');
    if (!r || !addresses.has(r)) continue;
    c.removeAttribute('s');
    if (c.attributes.length === 1 && !c.firstChild) c.parentNode!.removeChild(c);
  }
  for (const row of Array.from(doc.getElementsByTagName('row'))) if (!row.firstChild && row.attributes.length === 1) row.parentNode!.removeChild(row);
  return new XMLSerializer().serializeToString(doc);
}

/** styles.xml with every list cut back to the original's length (the formats the product appended left out). */
export function stylesCutTo(xml: string, original: string): string {
  const parser = new DOMParser();
  const a = parser.parseFromString(xml, 'text/xml');
  const o = parser.parseFromString(original, 'text/xml');
  for (const list of ['numFmts', 'fonts', 'fills', 'cellXfs']) {
    const before = o.getElementsByTagName(list)[0];
    const after = a.getElementsByTagName(list)[0];
    if (!after) continue;
    const keep = before ? Array.from(before.childNodes).filter((n) => n.nodeType === 1).length : 0;
    if (!before) {
      after.parentNode!.removeChild(after);
      continue;
    }
    Array.from(after.childNodes)
      .filter((n) => n.nodeType === 1)
      .slice(keep)
      .forEach((n) => after.removeChild(n));
    after.setAttribute('count', before.getAttribute('count') ?? String(keep));
  }
  return new XMLSerializer().serializeToString(a);
}
