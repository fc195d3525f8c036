/**
 * Everything the product writes prints well (issue #15): the summary sheet of a scored copy
 * (`gnlc score --out`), a department template (`gnlc template`) and the consolidated master
 * (`gnlc consolidate examples/returns/*.xlsx`), printed by a reader no one here wrote: LibreOffice
 * (`soffice --headless --convert-to pdf`, a private profile, a timeout). The PDF is read back with
 * poppler's pdftotext -bbox (every word with its box): each table's header row, first column to
 * last, lands on one line of the first page; the labels of column A are not overlapped by the next
 * cell (cut off); the pages are A4 landscape; no marker is printed. Not skipped when a tool is
 * missing: it fails saying what to install (.ci/run installs both).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, ROOT, SAMPLE, buildCli, scratch } from './helpers';
import { statusLabel } from '../../src/core/result-text';
import { STATUSES } from '../../src/core/status';
import { STATE_MARKER, SUMMARY_MARKER } from '../../src/core/plan';
import { TEMPLATE_MARKER } from '../../src/core/layout';

const STATUS_NAMES = STATUSES.map((s) => statusLabel(s, 'vi'));
const MARKERS = [SUMMARY_MARKER, STATE_MARKER, TEMPLATE_MARKER];
const expectNoMarker = (p: Page) => {
  for (const m of MARKERS) expect(text(p)).not.toContain(m);
};

/** A tool the test needs, found on PATH; missing: an error that says what to install. */
function tool(name: string, pkg: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`${name} is not installed: install the Debian package ${pkg} (apt-get install ${pkg}) to run this test`);
}

let dir: string;
beforeAll(() => {
  buildCli();
  dir = scratch();
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function gnlc(args: string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gnlc ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

interface Word {
  x0: number;
  y0: number;
  x1: number;
  text: string;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** The file printed to PDF by LibreOffice, read back page by page, word by word. */
function print(xlsx: string): Page[] {
  execFileSync(
    tool('soffice', 'libreoffice-calc-nogui'),
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, xlsx],
    { timeout: 180_000, stdio: 'pipe' },
  );
  const pdf = path.join(dir, path.basename(xlsx, '.xlsx') + '.pdf');
  const html = execFileSync(tool('pdftotext', 'poppler-utils'), ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    words: [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      text: unescape(w[4]!),
    })),
  }));
}

const sameLine = (a: Word, b: Word) => Math.abs(a.y0 - b.y0) < 1.5;

/** Where a phrase is printed: its words in a row, on one line (the first occurrence). */
function find(page: Page, phrase: string, on?: Word): { first: Word; last: Word } | null {
  const parts = phrase.split(/\s+/);
  const words = on ? page.words.filter((w) => sameLine(w, on)) : page.words;
  for (let i = 0; i + parts.length <= words.length; i++) {
    const run = words.slice(i, i + parts.length);
    if (run.every((w, k) => w.text === parts[k] && sameLine(w, run[0]!))) return { first: run[0]!, last: run[run.length - 1]! };
  }
  return null;
}

/**
 * The header row of a table on this page: every label on one line (the first line that holds
 * them all), in order from left to right, inside the page.
 */
function expectHeaderRow(page: Page, labels: string[]): void {
  const lines = page.words.filter((w) => w.text === labels[0]!.split(/\s+/)[0]);
  const line = lines.find((w) => labels.every((l) => find(page, l, w))) ?? lines[0];
  const found = labels.map((l) => ({ label: l, at: line ? find(page, l, line) : null }));
  expect(found.filter((f) => !f.at).map((f) => f.label)).toEqual([]);
  const xs = found.map((f) => f.at!.first.x0);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  for (const f of found) expect(f.at!.last.x1).toBeLessThanOrEqual(page.width);
}

/** A label printed in full: no word of the next cell on its line starts before it ends (LibreOffice clips a cut text there). */
function expectNotCut(page: Page, label: string): void {
  const at = find(page, label);
  expect({ label, printed: !!at }).toEqual({ label, printed: true });
  const next = page.words.filter((w) => sameLine(w, at!.last) && w.x0 > at!.first.x0 && !label.split(/\s+/).includes(w.text)).sort((a, b) => a.x0 - b.x0)[0];
  if (next) expect({ label, endsAt: Math.round(at!.last.x1), nextStartsAt: Math.round(Math.max(next.x0, at!.last.x1)) }).toEqual({ label, endsAt: Math.round(at!.last.x1), nextStartsAt: Math.round(next.x0) });
}

const landscapeA4 = (p: Page) => Math.round(p.width) === 842 && Math.round(p.height) === 595;
const text = (p: Page) => p.words.map((w) => w.text).join(' ');

test('the summary sheet of a scored copy prints on A4 landscape, every table one page wide, its status names whole, no marker', () => {
  const out = path.join(dir, 'da-cham.xlsx');
  gnlc(['score', SAMPLE, '--out', out]);
  const pages = print(out);
  const start = pages.findIndex((p) => text(p).startsWith('Kết quả tự đánh giá thành phố học tập'));
  expect(start).toBeGreaterThanOrEqual(0);
  const summary = pages.slice(start);
  const first = summary[0]!;
  expect(summary.every(landscapeA4)).toBe(true);
  // The heading names the scored sheet; the time of scoring is in the line below.
  expect(text(first)).toMatch(/^Kết quả tự đánh giá thành phố học tập: Phụ lục/);
  expect(text(first)).toMatch(/Chấm điểm lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
  expectHeaderRow(first, ['Trạng thái', 'Số chỉ số', 'Tỷ lệ']);
  expectHeaderRow(first, ['Mã', 'Tên', ...STATUS_NAMES, 'Tổng', 'Tỷ lệ đạt']);
  for (const label of STATUS_NAMES) expectNotCut(first, label);
  expectHeaderRow(first, ['Mã', 'Chỉ số', 'Đơn vị phụ trách', 'Trạng thái', 'Số liệu', 'Mục tiêu', 'Nhận xét', 'Ô']);
  // Column A: the status names of the legend, beside their explanations.
  const legend = summary.find((p) => find(p, 'Nền xám nhạt: chưa có số liệu'))!;
  for (const label of STATUS_NAMES) expectNotCut(legend, label);
  // Every page after the first repeats the heading (print titles) and is numbered.
  for (const p of summary.slice(1)) expect(text(p)).toMatch(/^Kết quả tự đánh giá thành phố học tập: Phụ lục/);
  for (const p of summary) expect(text(p)).toMatch(/Trang \d+ \/ \d+/);
  summary.forEach(expectNoMarker);
}, 400_000);

test('a department template prints every column on the first page, its header labels whole, the signature block, no marker', () => {
  const out = path.join(dir, 'bieu-mau.xlsx');
  gnlc(['template', '--out', out, '--department', 'Sở GD&ĐT', '--city', 'Thành phố Hải Vân', '--year', '2025', '--contact', 'Nguyễn Văn A']);
  const pages = print(out);
  expect(pages.every(landscapeA4)).toBe(true);
  const first = pages[0]!;
  expectHeaderRow(first, ['Mã chỉ số', 'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Phân công phụ trách', 'Nội dung số liệu', 'Số liệu', 'Đơn vị', 'Trạng thái', 'Mã trường', 'Ghi chú']);
  for (const label of ['Thành phố', 'Năm báo cáo', 'Đơn vị báo cáo', 'Người liên hệ']) expectNotCut(first, label);
  for (const p of pages.slice(1)) expectHeaderRow(p, ['Mã chỉ số', 'Tiêu chuẩn', 'Ghi chú']);
  const last = text(pages[pages.length - 1]!);
  for (const words of ['……, ngày … tháng … năm …', 'Người lập biểu', 'Thủ trưởng đơn vị']) expect(last).toContain(words);
  for (const p of pages) expect(text(p)).toMatch(/Trang \d+ \/ \d+/);
  pages.forEach(expectNoMarker);
}, 400_000);

test('the consolidated master prints one page wide, on a handful of pages rather than fifty, the header on each', () => {
  const out = path.join(dir, 'tong-hop.xlsx');
  const returns = fs.readdirSync(path.join(ROOT, 'examples', 'returns')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(ROOT, 'examples', 'returns', f));
  gnlc(['consolidate', ...returns, '--out', out]);
  const pages = print(out);
  expect(pages.every(landscapeA4)).toBe(true);
  const masterPages = pages.slice(0, pages.findIndex((p) => text(p).startsWith('Kết quả tự đánh giá')));
  expect(masterPages.length).toBeGreaterThan(0);
  expect(masterPages.length).toBeLessThanOrEqual(10);
  expectHeaderRow(masterPages[0]!, ['Mã chỉ số', 'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Phân công phụ trách', 'Nội dung số liệu', 'Số liệu', 'Đơn vị', 'Trạng thái', 'Mã trường', 'Ghi chú']);
  for (const label of ['Năm báo cáo', 'Đơn vị báo cáo']) expectNotCut(masterPages[0]!, label);
  for (const p of masterPages.slice(1)) expectHeaderRow(p, ['Mã chỉ số', 'Ghi chú']);
  pages.forEach(expectNoMarker);
  // Its summary sheet (written by exceljs, not patched): the status names of the tables' headers whole.
  const summary = pages[masterPages.length]!;
  expectHeaderRow(summary, ['Mã', 'Tên', ...STATUS_NAMES, 'Tổng', 'Tỷ lệ đạt']);
  for (const label of STATUS_NAMES) expectNotCut(summary, label);
}, 400_000);
