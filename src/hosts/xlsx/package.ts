/**
 * An .xlsx package held as its zip entries, with the few parts the product changes parsed into
 * DOM documents (@xmldom/xmldom; read by xml-dom.ts) and serialised back; every other part keeps its stored bytes.
 * Relationship targets are resolved as OPC says (ECMA-376 Part 2, §9.3): relative to the source
 * part's folder, or from the package root when they start with "/" (openpyxl writes those).
 */
import { DOMParser } from '@xmldom/xmldom';
import { EXCEL_ESCAPES, Escapes, escapesOf, serializeXml } from './xml-write';
import { ZipEntry, entryContent, newEntry, readZip, writeZip } from './zip';
import { inflatedByCheck } from './limits';
import { scanDocument } from './xml-dom';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
} as const;
export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

// xmldom's own types are structural; these are the few DOM members used here.
export type XDoc = ReturnType<DOMParser['parseFromString']>;
export type XEl = NonNullable<XDoc['documentElement']>;

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/** Elements that are children of `parent` with the local name (any prefix, the given namespace). */
export function children(parent: XEl, local: string, ns: string = NS.main): XEl[] {
  const out: XEl[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as XEl).localName === local && (n as XEl).namespaceURI === ns) out.push(n as XEl);
  return out;
}

export function child(parent: XEl, local: string, ns: string = NS.main): XEl | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as XEl).localName === local && (n as XEl).namespaceURI === ns) return n as XEl;
  return undefined;
}

/** A new element in the namespace, with the prefix the document's root uses for it (none for the default namespace). */
export function element(doc: XDoc, local: string, ns: string = NS.main): XEl {
  const root = doc.documentElement!;
  const prefix = root.namespaceURI === ns ? root.prefix : root.lookupPrefix(ns);
  return doc.createElementNS(ns, prefix ? `${prefix}:${local}` : local) as XEl;
}

/** The folder of a part name ("xl/workbook.xml" → "xl/"). */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** A relationship target resolved to a part name (no leading "/"). */
export function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : folderOf(source) + target;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(raw).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  if (!s.includes('%')) return s; // nothing escaped: most targets
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;
}

/** A target for a relationship from `source` to `part`, relative as Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source);
  return part.startsWith(from) ? part.slice(from.length) : '/' + part;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target part (resolved), for internal relationships. */
  part: string;
  el: XEl;
}

export interface SheetEntry {
  name: string;
  /** The <sheet> element in workbook.xml. */
  el: XEl;
  /** The worksheet part (or chartsheet...), resolved. */
  part: string;
  relId: string;
}

export class XlsxPackage {
  private readonly entries: ZipEntry[];
  /** Lower-cased part name → index into entries (OPC part names compare without case). */
  private readonly index = new Map<string, number>();
  private readonly docs = new Map<string, XDoc>();
  /** How each parsed part's writer escaped its text, followed when it is written back. */
  private readonly escapes = new Map<string, Escapes>();
  private readonly replaced = new Map<string, Buffer | string>();
  /** A stored part's text as serialised just after it was parsed. */
  private readonly pristine = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  readonly workbookPart: string;
  /** Parts the input limits' check has inflated already (limits.ts inflatedByCheck), by where their stored data starts. */
  private readonly inflated: ReadonlyMap<number, Buffer> | undefined;
  private readonly base: number;

  constructor(bytes: Uint8Array) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.inflated = inflatedByCheck(bytes);
    this.base = buf.byteOffset;
    this.entries = readZip(buf);
    this.entries.forEach((e, i) => this.index.set(e.name.toLowerCase(), i));
    const root = this.rels('').find((r) => r.type === REL.officeDocument);
    if (!root) throw new PackageError('the package has no workbook (no officeDocument relationship)');
    this.workbookPart = root.part;
  }

  has(part: string): boolean {
    const k = part.toLowerCase();
    return (this.index.has(k) && !this.removed.has(k)) || this.replaced.has(k) || this.docs.has(k);
  }

  /** The stored name of a part (its case as in the zip). */
  private storedName(part: string): string | undefined {
    const i = this.index.get(part.toLowerCase());
    return i === undefined ? undefined : this.entries[i]!.name;
  }

  /** A part's bytes (inflated), as they stand now; undefined when there is no such part. */
  bytes(part: string): Buffer | undefined {
    const k = part.toLowerCase();
    const d = this.docs.get(k);
    if (d) return Buffer.from(xmlText(d, this.escapes.get(k)), 'utf8');
    const r = this.replaced.get(k);
    if (r !== undefined) return typeof r === 'string' ? Buffer.from(r, 'utf8') : r;
    if (this.removed.has(k)) return undefined;
    const i = this.index.get(k);
    return i === undefined ? undefined : this.content(i);
  }

  /** A stored entry's content, inflated (by the input limits' check, or now). */
  private content(i: number): Buffer {
    const e = this.entries[i]!;
    const known = e.method === 8 ? this.inflated?.get(e.data.byteOffset - this.base) : undefined;
    return known && known.length === e.size ? known : entryContent(e);
  }

  text(part: string): string | undefined {
    const k = part.toLowerCase();
    const r = this.replaced.get(k);
    if (r !== undefined) return typeof r === 'string' ? r : r.toString('utf8');
    if (this.removed.has(k)) return undefined;
    const i = this.index.get(k);
    return i === undefined ? undefined : this.content(i).toString('utf8');
  }

  /** A part parsed (once); changes to it are written back by toBuffer. */
  doc(part: string): XDoc {
    const k = part.toLowerCase();
    let d = this.docs.get(k);
    if (!d) {
      const bytes = this.bytes(part);
      if (bytes === undefined) throw new PackageError(`the package has no part ${part}`);
      const xml = bytes.toString('utf8');
      d = parseXml(bytes, part, xml);
      this.docs.set(k, d);
      const escapes = escapesOf(xml);
      this.escapes.set(k, escapes);
      // As it would be written back unchanged: toBuffer compares with this, not with the stored text (spelt by another writer).
      if (!this.replaced.has(k)) this.pristine.set(k, xmlText(d, escapes));
    }
    return d;
  }

  /** Sets a part's content (a new part is added at the end). */
  put(part: string, content: Buffer | string | XDoc): void {
    const k = part.toLowerCase();
    this.removed.delete(k);
    if (typeof content === 'string' || Buffer.isBuffer(content)) {
      this.docs.delete(k);
      this.pristine.delete(k);
      this.replaced.set(k, content);
    } else {
      this.docs.set(k, content);
    }
    if (!this.index.has(k) && !this.added.includes(part)) this.added.push(part);
  }

  remove(part: string): void {
    const k = part.toLowerCase();
    this.docs.delete(k);
    this.pristine.delete(k);
    this.replaced.delete(k);
    this.removed.add(k);
    const i = this.added.findIndex((a) => a.toLowerCase() === k);
    if (i >= 0) this.added.splice(i, 1);
  }

  /** The relationships of a part ('' for the package's own). */
  rels(source: string): Relationship[] {
    const relsPart = source === '' ? '_rels/.rels' : relsPartOf(source);
    if (!this.has(relsPart)) return [];
    const root = this.doc(relsPart).documentElement!;
    return children(root, 'Relationship', NS.rels).map((el) => ({
      id: el.getAttribute('Id') ?? '',
      type: el.getAttribute('Type') ?? '',
      part: el.getAttribute('TargetMode') === 'External' ? '' : resolveTarget(source, el.getAttribute('Target') ?? ''),
      el,
    }));
  }

  /** Adds a relationship from `source` to `part`; its new id. */
  addRel(source: string, type: string, part: string): string {
    const relsPart = relsPartOf(source);
    if (!this.has(relsPart)) this.put(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`);
    const doc = this.doc(relsPart);
    const taken = new Set(this.rels(source).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const el = element(doc, 'Relationship', NS.rels);
    el.setAttribute('Id', `rId${n}`);
    el.setAttribute('Type', type);
    el.setAttribute('Target', relativeTarget(source, part));
    doc.documentElement!.appendChild(el);
    return `rId${n}`;
  }

  removeRel(source: string, id: string): void {
    const rel = this.rels(source).find((r) => r.id === id);
    if (rel) rel.el.parentNode!.removeChild(rel.el);
  }

  /** A part name not yet used: `${prefix}${n}${suffix}` with the smallest free n. */
  freePart(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  // ---- The workbook ----

  workbook(): XDoc {
    return this.doc(this.workbookPart);
  }

  sheets(): SheetEntry[] {
    const rels = new Map(this.rels(this.workbookPart).map((r) => [r.id, r]));
    const sheetsEl = child(this.workbook().documentElement!, 'sheets');
    if (!sheetsEl) return [];
    return children(sheetsEl, 'sheet').map((el) => {
      const relId = el.getAttributeNS(NS.r, 'id') ?? '';
      return { name: el.getAttribute('name') ?? '', el, part: rels.get(relId)?.part ?? '', relId };
    });
  }

  stylesPart(): string {
    const rel = this.rels(this.workbookPart).find((r) => r.type === REL.styles);
    if (!rel || !this.has(rel.part)) throw new PackageError('the workbook has no styles part');
    return rel.part;
  }

  /** Sets or adds the content type override of a part. */
  setContentType(part: string, type: string): void {
    const doc = this.doc('[Content_Types].xml');
    const root = doc.documentElement!;
    const name = '/' + part;
    const existing = children(root, 'Override', NS.ct).find((o) => (o.getAttribute('PartName') ?? '').toLowerCase() === name.toLowerCase());
    if (existing) {
      existing.setAttribute('ContentType', type);
      return;
    }
    const el = element(doc, 'Override', NS.ct);
    el.setAttribute('PartName', name);
    el.setAttribute('ContentType', type);
    root.appendChild(el);
  }

  removeContentType(part: string): void {
    const root = this.doc('[Content_Types].xml').documentElement!;
    const name = ('/' + part).toLowerCase();
    for (const o of children(root, 'Override', NS.ct)) if ((o.getAttribute('PartName') ?? '').toLowerCase() === name) root.removeChild(o);
  }

  /** The package's bytes: untouched entries as stored, changed ones deflated anew, added ones at the end. */
  toBuffer(date: Date = new Date()): Buffer {
    const out: ZipEntry[] = [];
    const content = (k: string): Buffer | string | undefined => {
      const d = this.docs.get(k);
      if (d) return xmlText(d, this.escapes.get(k));
      return this.replaced.get(k);
    };
    for (const e of this.entries) {
      const k = e.name.toLowerCase();
      if (this.removed.has(k)) continue;
      const c = content(k);
      out.push(c === undefined || !this.changed(k, c) ? e : newEntry(e.name, c, date));
    }
    for (const part of this.added) {
      const c = content(part.toLowerCase());
      if (c !== undefined) out.push(newEntry(part, c, date));
    }
    return writeZip(out);
  }

  /**
   * A parsed part is rewritten only when its XML changed: the same text, or (for small parts and
   * those that may revert) the same XML as the stored part once parsed and serialised alike
   * (`&quot;` and `"` in text are the same XML), keeps the stored bytes.
   */
  private changed(k: string, c: Buffer | string): boolean {
    const pristine = this.docs.has(k) ? this.pristine.get(k) : undefined;
    if (pristine !== undefined && typeof c === 'string') return c !== pristine;
    const i = this.index.get(k)!;
    const after = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    // Another size is another content: no need to inflate the stored part to know.
    if (after.length !== this.entries[i]!.size && (this.replaced.has(k) || after.length > 1 << 20)) return true;
    const before = this.content(i);
    if (before.equals(after)) return false;
    if (this.replaced.has(k) || before.length > 1 << 20) return true;
    try {
      return xmlText(parseXml(before), this.escapes.get(k)) !== after.toString('utf8');
    } catch {
      return true;
    }
  }

  /** Every part name in the package as stored (removed ones left out, added ones last). */
  partNames(): string[] {
    return [...this.entries.map((e) => e.name).filter((n) => !this.removed.has(n.toLowerCase()) && !n.endsWith('/')), ...this.added];
  }

  /** A part's XML as it stands now (its parsed document serialised). */
  serialize(part: string): string {
    return xmlText(this.doc(part), this.escapes.get(part.toLowerCase()));
  }

  /** A part's stored zip entry, when it is unchanged (the reader inflates only the start of it to read a sheet's first row). */
  storedEntry(part: string): ZipEntry | undefined {
    const k = part.toLowerCase();
    if (this.docs.has(k) || this.replaced.has(k) || this.removed.has(k)) return undefined;
    const i = this.index.get(k);
    return i === undefined ? undefined : this.entries[i];
  }

  /** Exposed for the reader: the stored name of a part. */
  nameOf(part: string): string | undefined {
    return this.storedName(part);
  }
}

/** A part's document: read by the plain XML scanner (xml-dom.ts), or by xmldom's parser where the scanner gives up. */
export function parseXml(xml: string | Buffer, part = 'xml', text?: string): XDoc {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  return scanDocument(bytes) ?? parseWithXmldom(text ?? (typeof xml === 'string' ? xml : xml.toString('utf8')), part);
}

/** A part's document read by xmldom's parser alone (where the scanner gives up; the tests' reference). */
export function parseWithXmldom(xml: string, part = 'xml'): XDoc {
  const errors: string[] = [];
  let doc: XDoc;
  try {
    doc = new DOMParser({
      // No line and column on every node and attribute (a third of the parse); a part's error names the part.
      locator: false,
      onError: (level: string, msg: string) => {
        if (level !== 'warning') errors.push(msg);
      },
    } as never).parseFromString(xml, 'text/xml');
  } catch (e) {
    // A fatal error (an undeclared prefix, a tag not closed) is thrown, not reported.
    throw new PackageError(`${part}: ${(e as Error).message}`);
  }
  if (errors.length || !doc.documentElement) throw new PackageError(`${part}: ${errors[0] ?? 'not XML'}`);
  return doc;
}

/** A document's text with its XML declaration (xmldom keeps it as a processing instruction). */
function xmlText(doc: XDoc, escapes: Escapes = EXCEL_ESCAPES): string {
  const text = serializeXml(doc, escapes);
  return text.startsWith('<?xml') ? text : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text;
}
