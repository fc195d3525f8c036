/**
 * The xlsx host's own zip handling, which replaced JSZip's on the hot paths for speed: the
 * workbook's parts are rendered by exceljs and zipped with zlib (writeWorkbookBuffer), the input
 * limits and the loss check read a plain zip with zlib. Each must give what the JSZip paths gave.
 */
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { emptyState } from '../../../src/core/plan';
import { WritePlan } from '../../../src/core/pipeline';
import { applyPlan, checkZipLimits, createWorkbook, fixInternalLinks, loadWorkbook, setCellFill, solidFill, writeSheetContent, writeWorkbookBuffer } from '../../../src/hosts/xlsx';
import { renderParts, zipParts } from '../../../src/hosts/xlsx/write';
import { buildAppendix, sampleValues } from '../../../src/testing/appendix';
import { snapshotToBuffer } from '../../fixtures/xlsx';
import { loadCriteria, scoreThroughHost } from './helpers';

const criteria = loadCriteria();

/** Every entry of a zip: name, folder or not, and its content as text. */
async function entries(data: Buffer): Promise<Array<[string, boolean, string]>> {
  const zip = await JSZip.loadAsync(data);
  const out: Array<[string, boolean, string]> = [];
  for (const [name, f] of Object.entries(zip.files)) out.push([name, f.dir, f.dir ? '' : await f.async('string')]);
  return out;
}

let appendix: Promise<Buffer> | undefined;
function appendixBytes(): Promise<Buffer> {
  return (appendix ??= snapshotToBuffer([buildAppendix(criteria, sampleValues(criteria)).sheet]));
}

describe('writeWorkbookBuffer: exceljs renders, zlib zips', () => {
  test('the same entries, in the same order, with the same contents as exceljs’s own zip with its links fixed', async () => {
    const scored = await scoreThroughHost(await appendixBytes());
    // The scored copy has in-workbook links (the summary sheet's): exceljs's own bytes need fixInternalLinks.
    const wb = await loadWorkbook(scored.buffer);
    const ours = await writeWorkbookBuffer(wb);
    const theirs = await fixInternalLinks(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await entries(ours)).toEqual(await entries(theirs));
    const again = await loadWorkbook(scored.buffer);
    const parts = await renderParts(again);
    // The fast path is taken (exceljs's writer module is where it is expected)…
    expect(parts).not.toBeNull();
    expect([...parts!.keys()]).toContain('xl/worksheets/sheet1.xml');
    // …and exceljs's own writer is back in place afterwards.
    const back = await JSZip.loadAsync(Buffer.from(await again.xlsx.writeBuffer()));
    expect(Object.keys(back.files)).toContain('xl/workbook.xml');
  });

  test('a scored copy: the summary sheet’s links are in-workbook locations, with no relationship left', async () => {
    const scored = await scoreThroughHost(await appendixBytes());
    const zip = await JSZip.loadAsync(scored.buffer);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let links = 0;
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      for (const tag of xml.match(/<hyperlink [^>]*\/>/g) ?? []) {
        links++;
        expect(tag).toMatch(/^<hyperlink ref="[A-Z]+\d+" location="[^"#][^"]*"( display="[^"]*")?\/>$/);
      }
      const rels = zip.file(name.replace('worksheets/', 'worksheets/_rels/') + '.rels');
      if (rels) expect(await rels.async('string')).not.toMatch(/hyperlink/i);
    }
    expect(links).toBeGreaterThan(0);
  });

  test('pictures (binary parts) and a workbook without links come through unchanged', async () => {
    const wb = createWorkbook({ date: new Date(Date.UTC(2025, 0, 1)) });
    const ws = wb.addWorksheet('Ảnh');
    ws.getCell('A1').value = 'Ảnh — "x" & <y>';
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(wb.addImage({ buffer: png as never, extension: 'png' }), 'B2:C3');
    const ours = await writeWorkbookBuffer(wb);
    expect(await entries(ours)).toEqual(await entries(Buffer.from(await wb.xlsx.writeBuffer())));
    const zip = await JSZip.loadAsync(ours);
    expect(Buffer.compare(await zip.file('xl/media/image1.png')!.async('nodebuffer'), png)).toBe(0);
    const back = await loadWorkbook(ours);
    expect(back.getWorksheet('Ảnh')!.getCell('A1').value).toBe('Ảnh — "x" & <y>');
    expect(back.getWorksheet('Ảnh')!.getImages()).toHaveLength(1);
  });
});

describe('zipParts', () => {
  const date = new Date(Date.UTC(2025, 2, 5, 10, 20, 30));
  const parts = new Map<string, string | Buffer>([
    ['[Content_Types].xml', '<Types/>'],
    ['xl/worksheets/sheet1.xml', '<worksheet>' + 'Tiếng Việt '.repeat(500) + '</worksheet>'],
    ['xl/empty.xml', ''],
    ['xl/media/image1.bin', Buffer.from([0, 1, 2, 255])],
  ]);

  test('a zip JSZip reads back: folders before their first file, as JSZip writes them', async () => {
    const data = zipParts(parts, date);
    expect(await entries(data)).toEqual([
      ['[Content_Types].xml', false, '<Types/>'],
      ['xl/', true, ''],
      ['xl/worksheets/', true, ''],
      ['xl/worksheets/sheet1.xml', false, parts.get('xl/worksheets/sheet1.xml')],
      ['xl/empty.xml', false, ''],
      ['xl/media/', true, ''],
      ['xl/media/image1.bin', false, Buffer.from([0, 1, 2, 255]).toString('utf8')],
    ]);
    const zip = await JSZip.loadAsync(data, { checkCRC32: true });
    expect(zip.files['xl/worksheets/sheet1.xml']!.date.toISOString()).toBe('2025-03-05T10:20:30.000Z');
  });

  test('the same parts and date give the same bytes, a zip the host’s own limits accept', async () => {
    const data = zipParts(parts, date);
    expect(Buffer.compare(data, zipParts(parts, date))).toBe(0);
    const back = await JSZip.loadAsync(data, { checkCRC32: true });
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(parts.get('xl/worksheets/sheet1.xml'));
    await expect(checkZipLimits(data)).resolves.toBeUndefined();
  });
});

describe('one fresh style per look, shared by the cells that get it', () => {
  test('applyPlan writes what giving every cell its own new style wrote', async () => {
    const bytes = await appendixBytes();
    const a = await loadWorkbook(bytes);
    const b = await loadWorkbook(bytes);
    const sheet = a.worksheets[0]!.name;
    const addresses = ['E10', 'E11', 'E12', 'F12', 'E20', 'E21'];
    const plan: WritePlan = {
      sheet,
      fills: [
        { status: 'met', color: '#C6EFCE', addresses: addresses.slice(0, 4) },
        { status: 'unmet', color: '#FFC7CE', addresses: addresses.slice(4) },
      ],
      restore: [],
      state: emptyState(),
    };
    applyPlan(a, plan);
    // The old way: a new style object for every cell.
    applyPlan(b, { ...plan, fills: [] });
    for (const g of plan.fills) for (const address of g.addresses) setCellFill(b.getWorksheet(sheet)!.getCell(address), solidFill(g.color));
    expect(await entries(await writeWorkbookBuffer(a))).toEqual(await entries(await writeWorkbookBuffer(b)));
    // The cells of one colour that had one style share one new object; no cell keeps its old one.
    const ws = a.getWorksheet(sheet)!;
    expect(ws.getCell('E10').style).toBe(ws.getCell('E11').style);
    expect(ws.getCell('E10').style).not.toBe(ws.getCell('E20').style);
  });

  test('a date and a number sharing a style without a number format keep their own formats', async () => {
    const wb = createWorkbook();
    const ws = wb.addWorksheet('S');
    const shared = {};
    ws.getCell('A1').value = new Date(Date.UTC(2025, 0, 2));
    ws.getCell('A2').value = 3;
    ws.getCell('A1').style = shared;
    ws.getCell('A2').style = shared;
    applyPlan(wb, { sheet: 'S', fills: [{ status: 'met', color: '#C6EFCE', addresses: ['A1', 'A2'] }], restore: [], state: emptyState() });
    expect(ws.getCell('A1').style).not.toBe(ws.getCell('A2').style);
    const back = await loadWorkbook(await writeWorkbookBuffer(wb));
    expect(back.getWorksheet('S')!.getCell('A1').value).toBeInstanceOf(Date);
    expect(back.getWorksheet('S')!.getCell('A2').value).toBe(3);
  });

  test('writeSheetContent: cells formatted alike share a style, others do not', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    writeSheetContent(ws, {
      name: 'S',
      marker: 'm',
      columnWidths: [10, 10],
      rows: [
        [{ value: 'm', bold: true }, { value: 'a', bold: true }],
        [{ value: 1, fill: '#FFFFFF' }, { value: 2, fill: '#FFFFFF' }],
        [{ value: 'x', fill: '#000000' }, { value: 'y', link: { sheet: 'S', address: 'A1' } }],
      ],
    });
    expect(ws.getCell('A1').style).toBe(ws.getCell('B1').style);
    expect(ws.getCell('A2').style).toBe(ws.getCell('B2').style);
    expect(ws.getCell('A3').style).not.toBe(ws.getCell('A2').style);
    expect(ws.getCell('B3').font).toEqual({ underline: true });
    expect(ws.getCell('A2').fill).toEqual(solidFill('#FFFFFF'));
  });
});

describe('checkZipLimits', () => {
  test('a part inflating beyond its stated size is refused, however it is measured', async () => {
    const body = Buffer.alloc(64 * 1024, 0x41);
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', body);
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const central = data.lastIndexOf(name) - 46;
    expect(data.readUInt32LE(central)).toBe(0x02014b50);
    data.writeUInt32LE(1000, central + 24); // states 1,000 bytes; inflates to 65,536
    await expect(checkZipLimits(data)).rejects.toMatchObject({ detail: { kind: 'size-mismatch', limit: 1000, entry: 'xl/worksheets/sheet1.xml' } });
    // A sound part is accepted.
    const ok = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(checkZipLimits(ok)).resolves.toBeUndefined();
    expect(zlib.inflateRawSync(zlib.deflateRawSync(body)).length).toBe(body.length);
  });
});
