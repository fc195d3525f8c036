/**
 * Packages from other tools, made readable by exceljs: exceljs finds parts by Excel's own names
 * ("xl/workbook.xml", "xl/worksheets/sheetN.xml", "xl/styles.xml"…) and follows relationship
 * targets as relative paths. OPC allows any part name and absolute targets (ECMA-376 Part 2,
 * §9.1, §9.3): openpyxl writes "/xl/worksheets/sheet1.xml", other writers name parts their own
 * way. For reading only, such a package is given Excel's names and relative targets (the parts'
 * contents unchanged, their stored bytes reused); the copy the product writes is always the input
 * package itself, patched (patch.ts). A package already in Excel's shape is returned as it is.
 */
import { NS, XlsxPackage, children, relsPartOf, resolveTarget } from './package';
import { ZipEntry, newEntry, readZip, writeZip } from './zip';
import { withProps } from '../../core/objects';

const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Where exceljs looks for a part of each relationship type (the n-th of its kind). */
function canonicalName(type: string, n: number, current: string): string | null {
  switch (type.slice(type.lastIndexOf('/') + 1)) {
    case 'officeDocument':
      return 'xl/workbook.xml';
    case 'worksheet':
      return /^xl\/worksheets\/sheet\d+\.xml$/.test(current) ? current : `xl/worksheets/sheet${n}.xml`;
    case 'styles':
      return 'xl/styles.xml';
    case 'sharedStrings':
      return 'xl/sharedStrings.xml';
    case 'theme':
      return /^xl\/theme\/[a-zA-Z0-9]+\.xml$/.test(current) ? current : `xl/theme/theme${n}.xml`;
    case 'comments':
      return /^xl\/comments\d+\.xml$/.test(current) ? current : `xl/comments${n}.xml`;
    case 'table':
      return /^xl\/tables\/table\d+\.xml$/.test(current) ? current : `xl/tables/table${n}.xml`;
    case 'vmlDrawing':
      return /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(current) ? current : `xl/drawings/vmlDrawing${n}.vml`;
    case 'drawing':
      return /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/.test(current) ? current : `xl/drawings/drawing${n}.xml`;
    default:
      return null;
  }
}

/** A relative target from `source`'s folder to `part` ("../comments1.xml"). */
export function relativePath(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** The package with Excel's part names and relative targets, or the same bytes when it has them already. */
export function normalizeForReading(bytes: Buffer): Buffer {
  let pkg: XlsxPackage;
  try {
    pkg = new XlsxPackage(bytes);
  } catch {
    return bytes; // exceljs says what is wrong with it
  }
  const rename = new Map<string, string>();
  const taken = new Set<string>();
  const counters = new Map<string, number>();
  const visit = (source: string, seen: Set<string>) => {
    for (const rel of pkg.rels(source)) {
      if (!rel.part || seen.has(rel.part) || !pkg.has(rel.part)) continue;
      seen.add(rel.part);
      const kind = rel.type.startsWith(TYPE) || rel.type.endsWith('/officeDocument') ? rel.type : '';
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      let name = kind ? canonicalName(kind, n, rel.part) : null;
      while (name && taken.has(name.toLowerCase()) && name.toLowerCase() !== rel.part.toLowerCase()) name = name.replace(/(\d*)(\.\w+)$/, (_m, d: string, ext: string) => `${Number(d || 1) + 1}${ext}`);
      if (name) {
        taken.add(name.toLowerCase());
        if (name !== rel.part) rename.set(rel.part, name);
      }
      visit(rel.part, seen);
    }
  };
  visit('', new Set());
  let absolute = false;
  const relsParts: Array<{ source: string; part: string }> = [{ source: '', part: '_rels/.rels' }];
  for (const part of pkg.partNames()) {
    const m = /^(.*\/)?_rels\/([^/]+)\.rels$/.exec(part);
    if (m && part !== '_rels/.rels') relsParts.push({ source: (m[1] ?? '') + m[2], part });
  }
  for (const { source } of relsParts) for (const rel of pkg.rels(source)) if (rel.el.getAttribute('TargetMode') !== 'External' && (rel.el.getAttribute('Target') ?? '').startsWith('/')) absolute = true;
  if (!rename.size && !absolute) return bytes;

  const renamed = (p: string) => rename.get(p) ?? p;
  const date = new Date(0);
  const replaced = new Map<string, ZipEntry>();
  for (const { source, part } of relsParts) {
    if (!pkg.has(part)) continue;
    const doc = pkg.doc(part);
    const newSource = source === '' ? '' : renamed(source);
    for (const el of children(doc.documentElement!, 'Relationship', NS.rels)) {
      if (el.getAttribute('TargetMode') === 'External') continue;
      const target = renamed(resolveTarget(source, el.getAttribute('Target') ?? ''));
      el.setAttribute('Target', newSource === '' ? target : relativePath(newSource, target));
    }
    const name = newSource === '' ? '_rels/.rels' : relsPartOf(newSource);
    replaced.set(part.toLowerCase(), newEntry(name, pkg.serialize(part), date));
  }
  const ctDoc = pkg.has('[Content_Types].xml') ? pkg.doc('[Content_Types].xml') : null;
  if (ctDoc) {
    for (const o of children(ctDoc.documentElement!, 'Override', NS.ct)) {
      const p = (o.getAttribute('PartName') ?? '').replace(/^\//, '');
      if (rename.has(p)) o.setAttribute('PartName', '/' + rename.get(p));
    }
    replaced.set('[content_types].xml', newEntry('[Content_Types].xml', pkg.serialize('[Content_Types].xml'), date));
  }
  const out: ZipEntry[] = [];
  for (const e of readZip(bytes)) {
    const r = replaced.get(e.name.toLowerCase());
    if (r) out.push(r);
    else out.push(rename.has(e.name) ? withProps(e, { name: rename.get(e.name)!, flags: 0x800 }) : e);
  }
  return writeZip(out);
}
