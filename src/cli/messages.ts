/** Every message of the command line, Vietnamese first, English second. */
import { Lang } from '../i18n/format';
import type { LossKind } from '../hosts/xlsx/losses';

type P = Record<string, string | number>;
type Template = (p: P) => string;

const t = <T extends Record<string, { vi: Template; en: Template }>>(x: T) => x;

export const CLI_MESSAGES = t({
  // Usage errors (exit 1)
  'no-command': {
    vi: () => 'Thiếu lệnh. Cách dùng: gnlc score <tệp.xlsx> [--out <tệp-đã-chấm.xlsx>] [--report <báo-cáo.json>] (xem gnlc --help)',
    en: () => 'No command given. Usage: gnlc score <file.xlsx> [--out <scored.xlsx>] [--report <report.json>] (see gnlc --help)',
  },
  'unknown-command': {
    vi: (p) => `Lệnh không hợp lệ "${p.command}". Lệnh có: score (xem gnlc --help)`,
    en: (p) => `Unknown command "${p.command}". Available: score (see gnlc --help)`,
  },
  'bad-option': {
    vi: (p) => `Tùy chọn không hợp lệ: ${p.detail} (xem gnlc --help)`,
    en: (p) => `Invalid option: ${p.detail} (see gnlc --help)`,
  },
  'missing-input': {
    vi: () => 'Thiếu tệp phụ lục cần chấm: gnlc score <tệp.xlsx>',
    en: () => 'No workbook given: gnlc score <file.xlsx>',
  },
  'extra-args': {
    vi: (p) => `Chỉ chấm một tệp mỗi lần; thừa: ${p.extra}`,
    en: (p) => `One workbook at a time; unexpected: ${p.extra}`,
  },
  'bad-lang': {
    vi: (p) => `--lang phải là vi hoặc en (đã nhập "${p.lang}")`,
    en: (p) => `--lang must be vi or en (got "${p.lang}")`,
  },
  'out-is-input': {
    vi: (p) => `--out trùng với tệp đầu vào ${p.path}: tệp gốc không bao giờ bị ghi đè, hãy chọn tên khác`,
    en: (p) => `--out is the input file ${p.path}: the input is never overwritten, choose another name`,
  },
  'report-is-input': {
    vi: (p) => `--report trùng với tệp đầu vào ${p.path}: hãy chọn tên khác`,
    en: (p) => `--report is the input file ${p.path}: choose another name`,
  },
  'out-is-report': {
    vi: () => '--out và --report trùng nhau: hãy chọn hai tên khác nhau',
    en: () => '--out and --report are the same file: choose two names',
  },
  'no-directory': {
    vi: (p) => `Thư mục để ghi ${p.path} không tồn tại`,
    en: (p) => `The folder to write ${p.path} into does not exist`,
  },
  'sheet-not-found': {
    vi: (p) => `Không có trang tính "${p.sheet}" trong tệp; các trang: ${p.sheets}`,
    en: (p) => `No sheet "${p.sheet}" in the workbook; sheets: ${p.sheets}`,
  },
  // Unreadable input or criteria (exit 2)
  'input-not-found': { vi: (p) => `Không tìm thấy tệp ${p.path}`, en: (p) => `File not found: ${p.path}` },
  'input-not-file': { vi: (p) => `${p.path} không phải là một tệp`, en: (p) => `${p.path} is not a file` },
  'input-unreadable': { vi: (p) => `Không đọc được tệp ${p.path}: ${p.reason}`, en: (p) => `Cannot read ${p.path}: ${p.reason}` },
  'not-xlsx': {
    vi: (p) => `${p.path} không phải là tệp Excel .xlsx`,
    en: (p) => `${p.path} is not an Excel .xlsx file`,
  },
  'legacy-or-encrypted': {
    vi: (p) => `${p.path} là tệp Excel 97–2003 (.xls) hoặc tệp có mật khẩu: hãy mở trong Excel và lưu lại dạng .xlsx không đặt mật khẩu`,
    en: (p) => `${p.path} is an Excel 97–2003 (.xls) file or is password-protected: open it in Excel and save it as .xlsx without a password`,
  },
  'damaged-xlsx': {
    vi: (p) => `Tệp ${p.path} bị hỏng, không đọc được (${p.reason})`,
    en: (p) => `${p.path} is damaged and cannot be read (${p.reason})`,
  },
  'no-appendix': {
    vi: (p) => `Không tìm thấy bảng phụ lục 57 chỉ số trong ${p.path}; hãy chỉ rõ trang tính bằng --sheet <tên> (các trang: ${p.sheets})`,
    en: (p) => `No appendix of the indicators was found in ${p.path}; name the sheet with --sheet <name> (sheets: ${p.sheets})`,
  },
  'criteria-not-found': { vi: (p) => `Không tìm thấy tệp tiêu chí ${p.path}`, en: (p) => `Criteria file not found: ${p.path}` },
  'criteria-invalid': {
    vi: (p) => `Tệp tiêu chí ${p.path} không hợp lệ: ${p.where}: ${p.message}${p.more ? ` (và ${p.more} lỗi khác)` : ''}`,
    en: (p) => `The criteria file ${p.path} is not valid: ${p.where}: ${p.message}${p.more ? ` (and ${p.more} more)` : ''}`,
  },
  // Writing (exit 3)
  'write-failed': { vi: (p) => `Không ghi được ${p.path}: ${p.reason}`, en: (p) => `Cannot write ${p.path}: ${p.reason}` },
  internal: {
    vi: (p) => `Lỗi nội bộ khi chấm ${p.path}: ${p.reason}`,
    en: (p) => `Internal error while scoring ${p.path}: ${p.reason}`,
  },
  'not-owned-sheet': {
    vi: (p) => `Không ghi được bản đã chấm: ${p.reason}`,
    en: (p) => `Cannot write the scored copy: ${p.reason}`,
  },
  // Output
  source: { vi: (p) => `Tệp: ${p.workbook} › trang "${p.sheet}"`, en: (p) => `Workbook: ${p.workbook} › sheet "${p.sheet}"` },
  'criteria-line': { vi: (p) => `Bộ tiêu chí: ${p.id} (${p.version})`, en: (p) => `Criteria: ${p.id} (${p.version})` },
  'by-area': { vi: () => 'Theo lĩnh vực', en: () => 'By area' },
  total: { vi: () => 'Tổng', en: () => 'Total' },
  gaps: { vi: () => 'Chỉ số chưa đạt hoặc cần xem lại:', en: () => 'Indicators not met or to check:' },
  'unmapped-list': {
    vi: (p) => `${p.count} chỉ số không có dòng trong bảng (Chưa có số liệu): ${p.ids}`,
    en: (p) => `${p.count} indicators have no row in the sheet (No data): ${p.ids}`,
  },
  'wrote-report': { vi: (p) => `Đã ghi báo cáo: ${p.path}`, en: (p) => `Report written: ${p.path}` },
  'wrote-copy': {
    vi: (p) => `Đã ghi bản đã chấm: ${p.path} (tô màu ${p.cells} ô, trang tổng hợp "${p.summary}")`,
    en: (p) => `Scored copy written: ${p.path} (${p.cells} cells coloured, summary sheet "${p.summary}")`,
  },
  'no-chart': {
    vi: () => 'Lưu ý: trang tổng hợp trong bản đã chấm không có biểu đồ (thư viện exceljs không tạo được biểu đồ; add-in Excel có tạo).',
    en: () => 'Note: the summary sheet of the scored copy has no chart (exceljs cannot create charts; the Excel add-in does).',
  },
  'not-written': {
    vi: () => 'Tệp gốc không bị thay đổi. Dùng --out <tệp.xlsx> để ghi bản đã tô màu, --report <tệp.json> để ghi báo cáo.',
    en: () => 'The input file is unchanged. Use --out <file.xlsx> for a coloured copy, --report <file.json> for a report.',
  },
  loss: {
    vi: (p) => `Cảnh báo: tệp gốc có ${p.count} ${p.what}; thư viện exceljs không giữ được nên bản đã chấm sẽ thiếu phần này (tệp gốc không đổi).`,
    en: (p) => `Warning: the input has ${p.count} ${p.what}; exceljs cannot keep them, so the scored copy will lack them (the input is unchanged).`,
  },
});

export type CliMessageKey = keyof typeof CLI_MESSAGES;

export function cliMessage(key: CliMessageKey, lang: Lang, params: P = {}): string {
  return CLI_MESSAGES[key][lang](params);
}

export const LOSS_TEXT: Record<LossKind, { vi: string; en: string }> = {
  chart: { vi: 'biểu đồ', en: 'chart(s)' },
  chartsheet: { vi: 'trang biểu đồ/macro (cả trang sẽ mất)', en: 'chart or macro sheet(s) (the whole sheet is lost)' },
  shape: { vi: 'hình vẽ hoặc hộp văn bản', en: 'shape(s) or text box(es)' },
  pivot: { vi: 'bảng tổng hợp (PivotTable)', en: 'PivotTable(s)' },
  macro: { vi: 'dự án macro VBA', en: 'VBA macro project(s)' },
  control: { vi: 'điều khiển biểu mẫu/ActiveX hoặc đối tượng nhúng', en: 'form control(s), ActiveX control(s) or embedded object(s)' },
  slicer: { vi: 'bộ lọc slicer/timeline', en: 'slicer(s) or timeline(s)' },
  sparkline: { vi: 'nhóm biểu đồ thu nhỏ (sparkline)', en: 'sparkline group(s)' },
  'x14-validation': { vi: 'quy tắc kiểm tra dữ liệu tham chiếu trang khác', en: 'data validation rule(s) referring to other sheets' },
  'threaded-comment': { vi: 'chuỗi bình luận (threaded comments)', en: 'threaded comment part(s)' },
  'external-link': { vi: 'liên kết tới tệp khác', en: 'link(s) to other workbooks' },
  'data-connection': { vi: 'kết nối dữ liệu hoặc truy vấn', en: 'data connection or query part(s)' },
  'in-workbook-link': { vi: 'siêu liên kết tới vị trí trong tệp', en: 'hyperlink(s) to places in the workbook' },
  'dynamic-array': { vi: 'phần dữ liệu của công thức mảng động (có thể hiện thêm dấu @)', en: 'dynamic-array formula metadata part(s) (formulas may show an @)' },
  'image-in-cell': { vi: 'phần ảnh đặt trong ô', en: 'picture-in-cell part(s)' },
};

export const HELP: Record<Lang, string> = {
  vi: `gnlc — chấm bảng phụ lục thành phố học tập (57 chỉ số, Công văn 86/BGDĐT-GDTX)

Cách dùng:
  gnlc score <tệp.xlsx> [tùy chọn]
  gnlc --help | --version

Tùy chọn của score:
  --out <tệp.xlsx>       ghi một bản sao đã tô màu theo trạng thái, kèm trang tổng hợp
                         (tệp gốc không bao giờ bị ghi; --out trùng tệp gốc bị từ chối)
  --report <tệp.json>    ghi báo cáo JSON: mỗi chỉ số một mục, theo thứ tự mã
  --criteria <tệp.json>  bộ tiêu chí khác (mặc định: criteria/gnlc-vn-2019.json của gói)
  --sheet <tên>          trang tính cần chấm (mặc định: tự tìm bảng phụ lục)
  --lang vi|en           ngôn ngữ thông báo và báo cáo (mặc định: vi)

Mã thoát: 0 đã chấm (dù kết quả thế nào), 1 sai cách dùng, 2 không đọc được tệp phụ lục
hoặc tệp tiêu chí, 3 không ghi được kết quả.
`,
  en: `gnlc — scores a learning-city appendix (57 indicators, MOET letter 86/BGDĐT-GDTX)

Usage:
  gnlc score <file.xlsx> [options]
  gnlc --help | --version

Options of score:
  --out <file.xlsx>       write a copy coloured by status, with a summary sheet
                          (the input is never written; --out equal to the input is refused)
  --report <file.json>    write a JSON report: one entry per indicator, in id order
  --criteria <file.json>  another criteria set (default: the package's criteria/gnlc-vn-2019.json)
  --sheet <name>          the sheet to score (default: the appendix is found automatically)
  --lang vi|en            language of messages and report (default: vi)

Exit codes: 0 scored (whatever the results), 1 usage error, 2 the workbook or the criteria
file cannot be read, 3 the results cannot be written.
`,
};
