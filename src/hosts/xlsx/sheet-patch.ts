/**
 * A worksheet part rewritten as it streams through a real XML parser (saxes, the parser exceljs
 * reads with), changed only in its cells' style attribute (`s`). A DOM of a 10,000-row sheet
 * costs seconds and hundreds of megabytes; a stream costs one pass. Every event is written back
 * as it came: elements with their attributes in order (self-closing ones self-closing), text
 * escaped as the part's writer escaped it (xml-write.ts), comments, processing instructions,
 * CDATA. A coloured cell that has no <c> yet gets one, in row and column order (ECMA-376 Part 1,
 * §18.3.1.73 row, §18.3.1.4 c: a row or cell without `r` follows the one before). Clearing puts
 * the recorded index back; a cell or row the product added, left with nothing, is removed again.
 * Once the last edit is made, parsing stops at the end of that row (`</row>`, where the parser
 * says it ends) and the rest of the part is the input's own bytes: a large sheet coloured near
 * its top is not parsed to its end a second time (package-read.ts parsed it once to read it).
 *
 * Scoring a sheet just read does not stream it at all: patchLaidOut (below) makes the same changes
 * from the layout the read recorded, parsing again only the start tags it rewrites. Clearing,
 * which may remove cells and rows, and any part without a layout that fits, stream through here.
 */
import { StringDecoder } from 'string_decoder';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { localName, scanPlainXml } from './xml-scan';
import { columnName, parseA1 } from '../../core/snapshot';
import { ATTR_ESCAPED, Escapes, attrValue, escapeText, escapesOf } from './xml-write';

/** A cell's new style index from its current one (the cell's `s`, or what a new cell there would take). */
export type StyleEdit = (current: number) => number;

export interface SheetEdits {
  /** A1 address → the edit. */
  cells: Map<string, StyleEdit>;
  /** Clearing: index 0 is written as the sheet writes it, and emptied cells and rows go. */
  restore: boolean;
}


/** Characters a text may need escaped (most have none, and are written as they are). */
const TEXT_ESCAPED = /[&<>"']/;

/** The edits by row number (1-based), then by column (0-based): the order both patches meet them in. */
function editsByRow(cells: ReadonlyMap<string, StyleEdit>): Map<number, Map<number, StyleEdit>> {
  const rows = new Map<number, Map<number, StyleEdit>>();
  for (const [address, edit] of cells) {
    const p = parseA1(address);
    if (!p) continue;
    let row = rows.get(p.row + 1);
    if (!row) rows.set(p.row + 1, (row = new Map()));
    row.set(p.col, edit);
  }
  return rows;
}

/** A start tag with its attributes in order, a value escaped only where it has to be (as the part's writer escapes). */
function startTag(name: string, attrs: Record<string, string>, selfClosing: boolean, escapes: () => Escapes): string {
  let s = '<' + name;
  for (const k in attrs) {
    const v = attrs[k]!;
    s += ' ' + k + '="' + (ATTR_ESCAPED.test(v) ? attrValue(v, escapes()) : v) + '"';
  }
  return s + (selfClosing ? '/>' : '>');
}

/** The format a `<col>` range gives a column (0-based), 0 when none does. */
const columnStyle = (cols: ReadonlyArray<{ min: number; max: number; style: number }>, c: number) => cols.find((x) => x.min <= c + 1 && c + 1 <= x.max)?.style ?? 0;

/**
 * Where a worksheet part's sheetData, rows and cells are, in bytes, as the parser reported them
 * while the part was read (package-read.ts). With it, scoring changes the part without parsing it
 * again: see patchLaidOut.
 */
export interface SheetLayout {
  /** The part's length in bytes when it was read (a layout is used only on those bytes). */
  length: number;
  /** `<sheetData>`: its start tag [start, end), its end tag's start (-1: self-closing), its name as written (with a prefix, if any). */
  sheetData: { start: number; end: number; close: number; name: string } | null;
  /** `<col>` ranges with their format (1-based columns, as written). */
  cols: Array<{ min: number; max: number; style: number }>;
  rows: LaidRow[];
}

export interface LaidRow {
  /** The row number (1-based): `r`, or the one after the row before. */
  r: number;
  /** The start tag [start, end); the end tag's start (-1: self-closing). */
  start: number;
  end: number;
  close: number;
  /** The row's format where it applies to its empty cells (customFormat), else null. */
  style: number | null;
  /** Its `<c>` elements, four numbers each: column (0-based), start, end of the start tag, 1 when self-closing. */
  cells: number[];
}

/** Thrown at the end of the row after which nothing is left to change: the parser's position (in characters) just after it. */
class RestIsUnchanged extends Error {
  constructor(readonly position: number) {
    super('the rest of the part is unchanged');
  }
}

/** Bytes decoded and written out in pieces this large: a 100 MB sheet never lives in the JS heap as one string. */
const CHUNK = 1 << 20;

/**
 * The sheet's XML (UTF-8 bytes) with the edits made; the bytes as they were when there is
 * nothing to do. Read and written in pieces (Buffers live outside the JS heap).
 */
export function patchSheetXml(bytes: Buffer, edits: SheetEdits): Buffer {
  if (!edits.cells.size) return bytes;
  const head = bytes.subarray(0, Math.min(bytes.length, 2_000_000)).toString('utf8');
  const escapes = escapesOf(head);
  // row → col → edit, for the rows still to reach.
  const pending = editsByRow(edits.cells);
  // Whether the sheet spells the default format out (s="0" on its cells, as LibreOffice writes).
  const explicitZero = edits.restore && /<(?:\w+:)?c\s[^>]*\bs="0"/.test(head);
  const colStyles: Array<{ min: number; max: number; style: number }> = [];
  let prefix = '';
  const chunks: Buffer[] = [];
  let pendingOut: string[] = [];
  let pendingLength = 0;
  const out = {
    push(piece: string) {
      pendingOut.push(piece);
      pendingLength += piece.length;
      if (pendingLength > CHUNK) this.flush();
    },
    flush() {
      if (!pendingOut.length) return;
      chunks.push(Buffer.from(pendingOut.join(''), 'utf8'));
      pendingOut = [];
      pendingLength = 0;
    },
  };
  /** Output of the open cell or row being held back (clearing may drop it). */
  const held: Array<{ kind: 'c' | 'row'; parts: string[]; empty: boolean; dropIfEmpty: boolean; kept: number }> = [];
  const emit = (s: string) => {
    const top = held[held.length - 1];
    if (top) top.parts.push(s);
    else out.push(s);
  };
  const tag = (name: string, attrs: Record<string, string>, selfClosing: boolean) => emit(startTag(name, attrs, selfClosing, () => escapes));
  const styleAttr = (style: number) => (style === 0 && !explicitZero ? undefined : String(style));

  let inSheetData = false;
  let rowNum = 0;
  let rowStyle: number | null = null;
  let rowEdits: Map<number, StyleEdit> | undefined;
  let col = -1;
  const stack: Array<{ name: string; selfClosing: boolean; converted: boolean }> = [];

  const inherited = (c: number) => (rowStyle !== null ? rowStyle : columnStyle(colStyles, c));
  const newCell = (r: number, c: number, edit: StyleEdit) => {
    const style = edit(inherited(c));
    const s = styleAttr(style);
    if (s === undefined) return; // nothing to add: the cell already has the default format
    tag(`${prefix}c`, { r: columnName(c) + r, s }, true);
    const top = held[held.length - 1];
    if (top) top.kept++;
  };
  const flushCells = (before: number) => {
    if (!rowEdits) return;
    for (const c of [...rowEdits.keys()].sort((a, b) => a - b)) {
      if (c >= before) break;
      newCell(rowNum, c, rowEdits.get(c)!);
      rowEdits.delete(c);
    }
  };
  // The rows to reach, in order; `next` is the first not reached yet (a row met in the file is taken out of `pending`).
  const order = [...pending.keys()].sort((a, b) => a - b);
  let next = 0;
  const flushRows = (before: number) => {
    for (; next < order.length && order[next]! < before; next++) {
      const r = order[next]!;
      const cells = pending.get(r);
      if (!cells) continue;
      pending.delete(r);
      rowNum = r;
      rowStyle = null;
      rowEdits = cells;
      const parts: string[] = [];
      held.push({ kind: 'row', parts, empty: true, dropIfEmpty: true, kept: 0 });
      flushCells(Infinity);
      const h = held.pop()!;
      if (h.kept) {
        emit(`<${prefix}row r="${r}">`);
        for (const p of h.parts) emit(p);
        emit(`</${prefix}row>`);
      }
      rowEdits = undefined;
    }
  };

  const parser = new SaxesParser({ xmlns: false });
  parser.on('xmldecl', (d) => {
    emit(`<?xml version="${d.version ?? '1.0'}"${d.encoding ? ` encoding="${d.encoding}"` : ''}${d.standalone ? ` standalone="${d.standalone}"` : ''}?>`);
  });
  parser.on('text', (t) => emit(TEXT_ESCAPED.test(t) ? escapeText(t, escapes) : t));
  parser.on('cdata', (t) => emit(`<![CDATA[${t}]]>`));
  parser.on('comment', (t) => emit(`<!--${t}-->`));
  parser.on('processinginstruction', (pi) => emit(`<?${pi.target}${pi.body ? ' ' + pi.body : ''}?>`));
  parser.on('doctype', (d) => emit(`<!DOCTYPE${d}>`));
  parser.on('opentag', (node: SaxesTagPlain) => {
    const name = node.name;
    // The parser's own attributes, copied only for a cell whose style changes.
    let attrs = node.attributes as Record<string, string>;
    const kind = localName(name);
    let selfClosing = node.isSelfClosing;
    let converted = false;
    if (kind === 'col' && !inSheetData) colStyles.push({ min: Number(attrs.min), max: Number(attrs.max), style: Number(attrs.style) || 0 });
    if (kind === 'sheetData') {
      inSheetData = true;
      prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
      if (selfClosing && pending.size) {
        selfClosing = false;
        converted = true;
      }
    } else if (inSheetData && kind === 'row' && stack[stack.length - 1] && localName(stack[stack.length - 1]!.name) === 'sheetData') {
      const r = Number(attrs.r) || rowNum + 1;
      flushRows(r);
      rowNum = r;
      rowStyle = attrs.customFormat === '1' || attrs.customFormat === 'true' ? Number(attrs.s) || 0 : null;
      rowEdits = pending.get(r);
      pending.delete(r);
      col = -1;
      if (rowEdits && selfClosing) {
        selfClosing = false;
        converted = true;
      }
      if (rowEdits && edits.restore) held.push({ kind: 'row', parts: [], empty: true, dropIfEmpty: Object.keys(attrs).every((k) => k === 'r' || k === 'spans'), kept: 0 });
    } else if (inSheetData && kind === 'c' && rowEdits !== undefined) {
      const p = attrs.r ? parseA1(attrs.r) : null;
      const c = p ? p.col : col + 1;
      col = c;
      flushCells(c);
      const edit = rowEdits.get(c);
      if (edit) {
        rowEdits.delete(c);
        attrs = { ...attrs };
        const style = edit(Number(attrs.s) || 0);
        const s = styleAttr(style);
        if (s === undefined) delete attrs.s;
        else attrs.s = s;
        if (edits.restore) held.push({ kind: 'c', parts: [], empty: true, dropIfEmpty: Object.keys(attrs).every((k) => k === 'r' || k === 's') && (attrs.s === undefined || attrs.s === '0'), kept: 0 });
      } else {
        const top = held[held.length - 1];
        if (top && top.kind === 'row') top.kept++;
      }
    } else if (inSheetData && kind === 'c') {
      col = attrs.r ? (parseA1(attrs.r)?.col ?? col + 1) : col + 1;
    }
    const top = held[held.length - 1];
    if (top && !(top.kind === 'c' && top.parts.length === 0 && kind === 'c') && !(top.kind === 'row' && top.parts.length === 0 && kind === 'row')) top.empty = false;
    tag(name, attrs, selfClosing);
    stack.push({ name, selfClosing, converted });
  });
  parser.on('closetag', () => {
    const open = stack.pop()!;
    if (localName(open.name) === 'row' && pending.size === 0 && rowEdits === undefined && held.length === 0 && !open.converted && stack.length && localName(stack[stack.length - 1]!.name) === 'sheetData') {
      // Every edit made: the rest of the part is the input's own bytes, from just after this row's end.
      if (!open.selfClosing) emit(`</${open.name}>`);
      throw new RestIsUnchanged(parser.position);
    }
    const kind = localName(open.name);
    if (kind === 'row' && rowEdits !== undefined) {
      flushCells(Infinity);
      rowEdits = undefined;
    }
    if (kind === 'sheetData') {
      flushRows(Infinity);
      inSheetData = false;
    }
    if (!open.selfClosing) emit(`</${open.name}>`);
    const top = held[held.length - 1];
    if (top && ((top.kind === 'c' && kind === 'c') || (top.kind === 'row' && kind === 'row'))) {
      held.pop();
      // A cell: empty when nothing was written inside it (its open tag, maybe its close tag only).
      const emptyCell = top.kind === 'c' && (top.parts.length === 1 || (top.parts.length === 2 && top.parts[1]!.startsWith('</')));
      const drop = top.dropIfEmpty && (top.kind === 'c' ? emptyCell : top.kept === 0);
      if (!drop) {
        for (const p of top.parts) emit(p);
        const parent = held[held.length - 1];
        if (top.kind === 'c' && parent && parent.kind === 'row') parent.kept++;
      }
    }
  });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  const decoder = new StringDecoder('utf8');
  // The text being parsed, and where it starts in characters and in bytes (the decoder never splits a character).
  let current = '';
  let charsBefore = 0;
  let bytesBefore = 0;
  const feed = (text: string) => {
    current = text;
    parser.write(text);
    charsBefore += text.length;
    bytesBefore += Buffer.byteLength(text, 'utf8');
  };
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) feed(decoder.write(bytes.subarray(at, Math.min(bytes.length, at + CHUNK))));
    if (!failure) {
      feed(decoder.end());
      parser.close();
    }
  } catch (e) {
    if (!(e instanceof RestIsUnchanged)) throw e;
    out.flush();
    const at = bytesBefore + Buffer.byteLength(current.slice(0, e.position - charsBefore), 'utf8');
    return Buffer.concat([...chunks, bytes.subarray(at)]);
  }
  if (failure) throw failure;
  out.flush();
  return Buffer.concat(chunks);
}

/** A cell the part lacks, to be added: its address, its edit, the format it would show without one. */
interface NewCell {
  r: number;
  c: number;
  edit: StyleEdit;
  inherited: number;
}

/** One change to the part's bytes [at, end): cells and rows added there, or a start tag written anew. */
type Splice =
  | { at: number; end: number; kind: 'insert'; rows: Array<{ r: number; cells: NewCell[] }> | null; cells: NewCell[] }
  | { at: number; end: number; kind: 'tag'; edit: StyleEdit | null; inside: { cells: NewCell[]; rows: Array<{ r: number; cells: NewCell[] }> } | null; selfClosing: boolean };

/**
 * Scoring's patch of a part whose layout its read recorded (SheetLayout): the part's own bytes, in
 * which only (1) the start tags of the cells whose format changes are written anew, and (2) cells
 * and rows the colours need that the part lacks are added where the order of rows and cells puts
 * them (a self-closing row or sheetData is opened for them). It makes the same changes as
 * patchSheetXml (without clearing's removals), in the same order, but parses again only the start
 * tags it rewrites: they are given to saxes together, as one small document, and written with
 * their attributes in order, as patchSheetXml writes every element. What lies between is copied.
 * Undefined when the layout does not fit the bytes (every position it gives must fall on a `<`
 * that starts a tag and a `>` that ends it): the caller then streams the part through patchSheetXml.
 */
export function patchLaidOut(bytes: Buffer, layout: SheetLayout, edits: Map<string, StyleEdit>): Buffer | undefined {
  const sd = layout.sheetData;
  if (layout.length !== bytes.length || !sd) return undefined;
  const fits = (start: number, end: number) => bytes[start] === 0x3c && bytes[end - 1] === 0x3e;
  if (!fits(sd.start, sd.end) || (sd.close >= 0 && bytes[sd.close] !== 0x3c)) return undefined;
  const prefix = sd.name.includes(':') ? sd.name.slice(0, sd.name.indexOf(':') + 1) : '';
  const pending = editsByRow(edits);
  /** Each row's edited columns in order, sorted once, and how far cellsBefore has gone in them. */
  const columns = new Map<Map<number, StyleEdit>, { cols: number[]; next: number }>();
  /** The edits of a row not yet made, in column order, before column `before` (taken out of `row`). */
  const cellsBefore = (r: number, row: Map<number, StyleEdit>, rowStyle: number | null, before: number): NewCell[] => {
    const out: NewCell[] = [];
    if (!row.size) return out;
    // Columns made already (here, or as a start tag by the caller) are no longer in `row`: skipped.
    let left = columns.get(row);
    if (!left) columns.set(row, (left = { cols: [...row.keys()].sort((a, b) => a - b), next: 0 }));
    for (; left.next < left.cols.length && left.cols[left.next]! < before; left.next++) {
      const c = left.cols[left.next]!;
      const edit = row.get(c);
      if (!edit) continue;
      out.push({ r, c, edit, inherited: rowStyle !== null ? rowStyle : columnStyle(layout.cols, c) });
      row.delete(c);
    }
    return out;
  };
  const order = [...pending.keys()].sort((a, b) => a - b);
  let next = 0;
  /** Rows with edits that the part lacks, before row `before`. */
  const rowsBefore = (before: number) => {
    const out: Array<{ r: number; cells: NewCell[] }> = [];
    for (; next < order.length && order[next]! < before; next++) {
      const r = order[next]!;
      const row = pending.get(r);
      if (!row) continue;
      pending.delete(r);
      out.push({ r, cells: cellsBefore(r, row, null, Infinity) });
    }
    return out;
  };
  const splices: Splice[] = [];
  /** A row's splices (its own function: called per row, it is optimised early); false when its layout does not fit the bytes. */
  const spliceRow = (row: LaidRow): boolean => {
    const rows = rowsBefore(row.r);
    if (rows.length) splices.push({ at: row.start, end: row.start, kind: 'insert', rows, cells: [] });
    const rowEdits = pending.get(row.r);
    if (!rowEdits) return true;
    pending.delete(row.r);
    if (!fits(row.start, row.end)) return false;
    const cells = row.cells;
    for (let i = 0; i < cells.length; i += 4) {
      const c = cells[i]!;
      const start = cells[i + 1]!;
      const end = cells[i + 2]!;
      const added = cellsBefore(row.r, rowEdits, row.style, c);
      if (added.length) splices.push({ at: start, end: start, kind: 'insert', rows: null, cells: added });
      const edit = rowEdits.get(c);
      if (!edit) continue;
      rowEdits.delete(c);
      if (!fits(start, end)) return false;
      splices.push({ at: start, end, kind: 'tag', edit, inside: null, selfClosing: cells[i + 3] === 1 });
    }
    const rest = cellsBefore(row.r, rowEdits, row.style, Infinity);
    if (!rest.length) return true;
    if (row.close >= 0) {
      if (bytes[row.close] !== 0x3c) return false;
      splices.push({ at: row.close, end: row.close, kind: 'insert', rows: null, cells: rest });
    } else splices.push({ at: row.start, end: row.end, kind: 'tag', edit: null, inside: { cells: rest, rows: [] }, selfClosing: true });
    return true;
  };
  for (const row of layout.rows) if (!spliceRow(row)) return undefined;
  const last = rowsBefore(Infinity);
  if (last.length) {
    if (sd.close >= 0) splices.push({ at: sd.close, end: sd.close, kind: 'insert', rows: last, cells: [] });
    else splices.push({ at: sd.start, end: sd.end, kind: 'tag', edit: null, inside: { cells: [], rows: last }, selfClosing: true });
  }
  for (let i = 1; i < splices.length; i++) if (splices[i]!.at < splices[i - 1]!.end) return undefined;

  // The start tags written anew, parsed together: each one closed, inside one root element.
  const tags = splices.filter((x): x is Extract<Splice, { kind: 'tag' }> => x.kind === 'tag');
  let attributes: Array<{ name: string; attrs: Record<string, string> }> = [];
  if (tags.length) {
    const doc = ['<_>'];
    for (const t of tags) doc.push(bytes.toString('utf8', t.at, t.end), t.selfClosing ? '' : `</${tagName(bytes, t.at)}>`);
    doc.push('</_>');
    const read = startTagsIn(Buffer.from(doc.join(''), 'utf8'));
    if (!read || read.length !== tags.length) return undefined;
    attributes = read;
  }
  // How the part's writer escapes, read from it only when a value needs escaping (escapesOf reads its first 2 MB).
  let escapes: Escapes | undefined;
  const tag = (name: string, attrs: Record<string, string>, selfClosing: boolean) =>
    startTag(name, attrs, selfClosing, () => (escapes ??= escapesOf(bytes.toString('utf8', 0, Math.min(bytes.length, 2_000_000)))));
  // The edits made in the part's order (formats are appended as they are first needed, as the stream does).
  const cellsXml = (cells: NewCell[]) => {
    let s = '';
    for (const n of cells) {
      const style = n.edit(n.inherited);
      if (style !== 0) s += `<${prefix}c r="${columnName(n.c)}${n.r}" s="${style}"/>`;
    }
    return s;
  };
  const rowsXml = (rows: Array<{ r: number; cells: NewCell[] }>) => {
    let s = '';
    for (const row of rows) {
      const inner = cellsXml(row.cells);
      if (inner) s += `<${prefix}row r="${row.r}">${inner}</${prefix}row>`;
    }
    return s;
  };
  // The texts written anew, then the part: its bytes between them copied into one buffer.
  const texts: string[] = [];
  let t = 0;
  for (const x of splices) {
    let text: string;
    if (x.kind === 'insert') text = cellsXml(x.cells) + rowsXml(x.rows ?? []);
    else {
      const { name, attrs } = attributes[t++]!;
      if (x.edit) {
        // The attributes of this parse's own, changed in place.
        const style = x.edit(Number(attrs.s) || 0);
        if (style === 0) delete attrs.s;
        else attrs.s = String(style);
        text = tag(name, attrs, x.selfClosing);
      } else {
        // A self-closing row or sheetData, opened when something goes inside it.
        const inner = cellsXml(x.inside!.cells) + rowsXml(x.inside!.rows);
        text = inner ? tag(name, attrs, false) + inner + `</${name}>` : bytes.toString('utf8', x.at, x.end);
      }
    }
    texts.push(text);
  }
  let size = bytes.length;
  const sizes = texts.map((text, i) => {
    const n = Buffer.byteLength(text, 'utf8');
    size += n - (splices[i]!.end - splices[i]!.at);
    return n;
  });
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let to = 0;
  splices.forEach((x, i) => {
    to += bytes.copy(out, to, at, x.at);
    to += out.write(texts[i]!, to, sizes[i]!, 'utf8');
    at = x.end;
  });
  bytes.copy(out, to, at);
  return out;
}

/**
 * The start tags inside a document's root element (names and attributes in order): scanned as
 * plain XML (xml-scan.ts), else parsed by saxes; undefined when it is not well-formed.
 */
function startTagsIn(doc: Buffer): Array<{ name: string; attrs: Record<string, string> }> | undefined {
  const out: Array<{ name: string; attrs: Record<string, string> }> = [];
  let depth = 0;
  const open = (name: string, attrs: Record<string, string>) => {
    if (++depth === 2) out.push({ name, attrs });
  };
  const close = () => void depth--;
  if (scanPlainXml(doc, { open: (_local, attrs, _selfClosing, name) => open(name, attrs), close })) return out;
  out.length = 0;
  depth = 0;
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (node: SaxesTagPlain) => open(node.name, node.attributes as Record<string, string>));
  parser.on('closetag', close);
  parser.write(doc.toString('utf8')).close();
  return failure ? undefined : out;
}

/** The name of the element whose start tag begins at `start` (Name: up to white space, `/` or `>`; XML 1.0 §3.1). */
function tagName(bytes: Buffer, start: number): string {
  let end = start + 1;
  while (end < bytes.length && ![0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e].includes(bytes[end]!)) end++;
  return bytes.toString('utf8', start + 1, end);
}
