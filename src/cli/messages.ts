/** Every message of the command line, Vietnamese first, English second. */
import { Lang } from '../i18n/format';
import type { LossKind } from '../hosts/xlsx/losses';

type P = Record<string, string | number>;
type Template = (p: P) => string;

const t = <T extends Record<string, { vi: Template; en: Template }>>(x: T) => x;

export const CLI_MESSAGES = t({
  // Usage errors (exit 1)
  'no-command': {
    vi: () => 'Thiếu lệnh. Cách dùng: gnlc score <tệp.xlsx> | gnlc template --out <biểu-mẫu.xlsx> | gnlc consolidate <báo-cáo.xlsx>… --out <tổng-hợp.xlsx> (xem gnlc --help)',
    en: () => 'No command given. Usage: gnlc score <file.xlsx> | gnlc template --out <template.xlsx> | gnlc consolidate <return.xlsx>… --out <master.xlsx> (see gnlc --help)',
  },
  'unknown-command': {
    vi: (p) => `Lệnh không hợp lệ "${p.command}". Lệnh có: score, template, consolidate (xem gnlc --help)`,
    en: (p) => `Unknown command "${p.command}". Available: score, template, consolidate (see gnlc --help)`,
  },
  'option-not-for-command': {
    vi: (p) => `Tùy chọn --${p.option} không dùng với lệnh ${p.command} (xem gnlc --help)`,
    en: (p) => `The option --${p.option} does not apply to ${p.command} (see gnlc --help)`,
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
  'html-is-input': {
    vi: (p) => `--html trùng với tệp đầu vào ${p.path}: hãy chọn tên khác`,
    en: (p) => `--html is the input file ${p.path}: choose another name`,
  },
  'outputs-clash': {
    vi: (p) => `${p.a} và ${p.b} trùng nhau: hãy chọn các tên khác nhau`,
    en: (p) => `${p.a} and ${p.b} are the same file: choose different names`,
  },
  'out-exists': {
    vi: (p) => `Tệp ${p.path} đã có: chọn tên khác, hoặc thêm --force để ghi đè`,
    en: (p) => `${p.path} already exists: choose another name, or add --force to replace it`,
  },
  'needs-out': {
    vi: (p) => `Thiếu --out <tệp.xlsx>: gnlc ${p.command} ${p.command === 'consolidate' ? '<báo-cáo.xlsx>… ' : ''}--out <tệp.xlsx>`,
    en: (p) => `No --out <file.xlsx> given: gnlc ${p.command} ${p.command === 'consolidate' ? '<return.xlsx>… ' : ''}--out <file.xlsx>`,
  },
  'template-no-input': {
    vi: (p) => `gnlc template không đọc tệp nào; thừa: ${p.extra} (tệp cần ghi đi sau --out)`,
    en: (p) => `gnlc template reads no file; unexpected: ${p.extra} (the file to write goes after --out)`,
  },
  'department-once': {
    vi: () => 'gnlc template nhận một --department (mỗi biểu mẫu cho một đơn vị, hoặc không có để lấy biểu của cả thành phố)',
    en: () => 'gnlc template takes one --department (a template is for one department, or for the whole city without it)',
  },
  'unknown-department': {
    vi: (p) => `Không có đơn vị "${p.department}" trong bộ tiêu chí. Các đơn vị: ${p.parties}`,
    en: (p) => `No party "${p.department}" in the criteria set. Parties: ${p.parties}`,
  },
  'bad-year': {
    vi: (p) => `--year phải là năm gồm 4 chữ số, ví dụ 2025 (đã nhập "${p.year}")`,
    en: (p) => `--year must be a four-digit year such as 2025 (got "${p.year}")`,
  },
  'empty-option': {
    vi: (p) => `--${p.option} cần một giá trị không để trống`,
    en: (p) => `--${p.option} needs a value that is not blank`,
  },
  'no-returns': {
    vi: () => 'Thiếu các tệp báo cáo cần tổng hợp: gnlc consolidate <báo-cáo.xlsx>… --out <tổng-hợp.xlsx>',
    en: () => 'No returns given: gnlc consolidate <return.xlsx>… --out <master.xlsx>',
  },
  'duplicate-return': {
    vi: (p) => `Báo cáo ${p.path} được nêu hai lần (${p.other})`,
    en: (p) => `The return ${p.path} is given twice (${p.other})`,
  },
  'bad-department-option': {
    vi: (p) => `--department phải có dạng <tệp>=<đơn vị>, ví dụ --department "so-y-te.xlsx=Sở Y tế" (đã nhập "${p.value}")`,
    en: (p) => `--department must read <file>=<department>, e.g. --department "so-y-te.xlsx=Sở Y tế" (got "${p.value}")`,
  },
  'department-file-unknown': {
    vi: (p) => `--department "${p.value}": ${p.file} không phải là một trong các báo cáo đã nêu`,
    en: (p) => `--department "${p.value}": ${p.file} is not one of the returns given`,
  },
  'department-twice': {
    vi: (p) => `--department nêu hai lần cho báo cáo ${p.file}`,
    en: (p) => `--department is given twice for the return ${p.file}`,
  },
  'output-is-return': {
    vi: (p) => `${p.option} trùng với báo cáo ${p.path}: các báo cáo không bao giờ bị ghi đè, hãy chọn tên khác`,
    en: (p) => `${p.option} is the return ${p.path}: returns are never overwritten, choose another name`,
  },
  'out-not-xlsx': {
    vi: (p) => `--out ${p.path}: bản đã chấm luôn là tệp .xlsx, hãy đặt tên kết thúc bằng .xlsx`,
    en: (p) => `--out ${p.path}: the copy is always an .xlsx file, give it a name ending in .xlsx`,
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
  'not-appendix': {
    vi: (p) => `Trang "${p.sheet}" không phải bảng phụ lục; ${p.likely ? `bảng phụ lục có vẻ là trang "${p.likely}"` : 'tệp không có trang nào giống bảng phụ lục'} (${p.path})`,
    en: (p) => `The sheet "${p.sheet}" is not an appendix; ${p.likely ? `the appendix looks like the sheet "${p.likely}"` : 'no sheet of the file looks like one'} (${p.path})`,
  },
  'return-no-appendix': {
    vi: (p) => `Không tìm thấy bảng phụ lục hay biểu mẫu số liệu trong báo cáo ${p.path} (các trang: ${p.sheets})`,
    en: (p) => `No appendix or data return was found in the return ${p.path} (sheets: ${p.sheets})`,
  },
  'also-unreadable': {
    vi: (p) => `Cũng không đọc được: ${p.files}. Chưa tổng hợp gì`,
    en: (p) => `Also unreadable: ${p.files}. Nothing was consolidated`,
  },
  'nothing-consolidated': {
    vi: () => 'Chưa tổng hợp gì',
    en: () => 'Nothing was consolidated',
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
    vi: (p) => `${p.count} chỉ số không tìm thấy dòng trong bảng (Không tìm thấy dòng; sửa bằng "Sửa ô" trong phần bổ trợ): ${p.ids}`,
    en: (p) => `${p.count} indicators' rows were not found in the sheet (Row not found; fix them with "Fix cells" in the add-in): ${p.ids}`,
  },
  'wrote-report': { vi: (p) => `Đã ghi báo cáo: ${p.path}`, en: (p) => `Report written: ${p.path}` },
  'wrote-copy': {
    vi: (p) => `Đã ghi bản đã chấm: ${p.path} (tô màu ${p.cells} ô, trang tổng hợp "${p.summary}")`,
    en: (p) => `Scored copy written: ${p.path} (${p.cells} cells coloured, summary sheet "${p.summary}")`,
  },
  'no-chart': {
    vi: () => 'Lưu ý: trang tổng hợp trong tệp đã ghi không có biểu đồ (thư viện exceljs không tạo được biểu đồ; add-in Excel có tạo).',
    en: () => 'Note: the summary sheet of the written workbook has no chart (exceljs cannot create charts; the Excel add-in does).',
  },
  'wrote-html': { vi: (p) => `Đã ghi báo cáo HTML: ${p.path}`, en: (p) => `HTML report written: ${p.path}` },
  'wrote-template': {
    vi: (p) => `Đã ghi biểu mẫu: ${p.path} (trang "${p.sheet}", ${p.indicators} chỉ số, ${p.cells} ô nền vàng cần điền)`,
    en: (p) => `Template written: ${p.path} (sheet "${p.sheet}", ${p.indicators} indicators, ${p.cells} yellow cells to fill in)`,
  },
  'template-for-city': {
    vi: (p) => `Biểu mẫu của cả thành phố: ${p.indicators} chỉ số, ${p.parties} đơn vị phụ trách.`,
    en: (p) => `A city template: ${p.indicators} indicators, ${p.parties} responsible parties.`,
  },
  'template-for-department': {
    vi: (p) => `Biểu mẫu của ${p.department}: ${p.indicators} chỉ số (${p.ids}).`,
    en: (p) => `A template for ${p.department}: ${p.indicators} indicators (${p.ids}).`,
  },
  'template-next': {
    vi: () => 'Gửi tệp cho đơn vị điền; chấm bằng gnlc score <tệp.xlsx>, tổng hợp bằng gnlc consolidate <các tệp>… --out <tổng-hợp.xlsx>.',
    en: () => 'Send the file to be filled in; score it with gnlc score <file.xlsx>, consolidate returns with gnlc consolidate <files>… --out <master.xlsx>.',
  },
  'wrote-master': {
    vi: (p) => `Đã ghi bảng tổng hợp: ${p.path} (trang "${p.sheet}", trang tổng hợp "${p.summary}"); các báo cáo không bị thay đổi.`,
    en: (p) => `Master workbook written: ${p.path} (sheet "${p.sheet}", summary sheet "${p.summary}"); the returns are unchanged.`,
  },
  'consolidated-from': {
    vi: (p) => `Tổng hợp ${p.count} báo cáo › ${p.workbook}, trang "${p.sheet}"`,
    en: (p) => `Consolidated ${p.count} returns › ${p.workbook}, sheet "${p.sheet}"`,
  },
  'returns-head': { vi: () => 'Báo cáo đã nhận:', en: () => 'Returns received:' },
  'return-filled': { vi: (p) => `${p.count} chỉ số có số liệu`, en: (p) => `${p.count} indicators with figures` },
  'dept-given': { vi: () => 'người dùng chỉ định', en: () => 'given by the user' },
  'dept-header': { vi: () => 'theo phần đầu biểu', en: () => 'from the template header' },
  'dept-inferred': { vi: () => 'đoán, cần xác nhận', en: () => 'guessed, to confirm' },
  'dept-none': { vi: () => 'không rõ đơn vị', en: () => 'department unknown' },
  'conflicts-head': { vi: (p) => `Số liệu mâu thuẫn giữa các báo cáo (${p.count}):`, en: (p) => `Conflicting figures (${p.count}):` },
  'no-conflicts': { vi: () => 'Không có số liệu mâu thuẫn giữa các báo cáo.', en: () => 'No conflicting figures between the returns.' },
  'conflict-used': {
    vi: (p) => `dùng số liệu của đơn vị phụ trách (${p.chosen})`,
    en: (p) => `the responsible party's figure is used (${p.chosen})`,
  },
  'conflict-unsettled': {
    vi: () => 'chưa thống nhất: chỉ số không hợp lệ, hãy nhập số liệu đã thống nhất vào bảng tổng hợp',
    en: () => 'not settled: the indicator is invalid; type the settled figure into the master sheet',
  },
  'missing-head': { vi: (p) => `Chưa gửi báo cáo (${p.count} đơn vị):`, en: (p) => `No return yet from (${p.count} parties):` },
  'all-returned': { vi: () => 'Mọi đơn vị phụ trách đã gửi báo cáo.', en: () => 'Every responsible party has sent a return.' },
  'party-count': { vi: (p) => `${p.party} (${p.count} chỉ số)`, en: (p) => `${p.party} (${p.count} indicators)` },
  'inferred-head': { vi: () => 'Đơn vị được đoán từ số liệu đã điền:', en: () => 'Departments guessed from the figures filled:' },
  'inferred-line': {
    vi: (p) => `${p.name}: đoán là ${p.department} (phụ trách ${p.count} / ${p.filled} chỉ số đã điền), hãy xác nhận bằng --department "${p.name}=<đơn vị>"`,
    en: (p) => `${p.name}: looks like ${p.department}'s (responsible for ${p.count} of the ${p.filled} indicators filled); confirm with --department "${p.name}=<department>"`,
  },
  'notes-head': { vi: () => 'Lưu ý:', en: () => 'Notes:' },
  warning: { vi: (p) => `Cảnh báo: ${p.text}`, en: (p) => `Warning: ${p.text}` },
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
  gnlc template --out <biểu-mẫu.xlsx> [tùy chọn]
  gnlc consolidate <báo-cáo.xlsx>… --out <tổng-hợp.xlsx> [tùy chọn]
  gnlc --help | --version

score — chấm một bảng phụ lục (tệp gốc không bao giờ bị ghi):
  --out <tệp.xlsx>       ghi một bản sao đã tô màu theo trạng thái, kèm trang tổng hợp
                         (--out trùng tệp gốc bị từ chối)
  --report <tệp.json>    ghi báo cáo JSON: mỗi chỉ số một mục, theo thứ tự mã
  --html <tệp.html>      ghi báo cáo HTML một trang, xem và in được không cần mạng
  --sheet <tên>          trang tính cần chấm (mặc định: tự tìm bảng phụ lục)
  --all                  chấm theo cả 57 chỉ số, kể cả báo cáo của một đơn vị (mặc định: báo cáo
                         của một đơn vị chỉ tính các chỉ số của đơn vị đó)
  --force                ghi đè các tệp --out, --report, --html đã có (không có: tệp đã có được giữ)

template — tạo biểu mẫu thu thập số liệu (ô nền vàng, kiểm tra dữ liệu, lời nhắc tiếng Việt):
  --out <tệp.xlsx>       tệp cần ghi (bắt buộc; không ghi đè tệp đã có trừ khi có --force)
  --department <tên>     chỉ các chỉ số của đơn vị này (viết tắt được: "Sở GD&ĐT");
                         không có: biểu mẫu của cả thành phố (57 chỉ số)
  --city <tên>  --year <nnnn>  --contact <người liên hệ>   điền sẵn phần đầu biểu
  --no-trend-pairs       không thêm hai dòng số liệu năm trước/năm nay dưới mỗi chỉ số xu hướng
  --force                ghi đè tệp --out đã có

consolidate — tổng hợp báo cáo của các đơn vị vào một bảng (các báo cáo không bị ghi):
  --out <tệp.xlsx>       bảng tổng hợp cần ghi (bắt buộc; không ghi đè trừ khi có --force)
  --report <tệp.json>    báo cáo JSON như của score, thêm nguồn số liệu và tình hình gửi báo cáo
  --html <tệp.html>      báo cáo HTML, thêm tình hình gửi báo cáo và số liệu mâu thuẫn
  --department <tệp>=<đơn vị>   báo cáo đó là của đơn vị nào (lặp lại được); mặc định theo
                         phần đầu biểu mẫu, không có thì đoán từ số liệu đã điền
  --force                ghi đè tệp --out đã có
  Số liệu mâu thuẫn: dùng số liệu của đơn vị phụ trách; nếu không có, chỉ số không hợp lệ.

Tùy chọn chung:
  --criteria <tệp.json>  bộ tiêu chí khác (mặc định: criteria/gnlc-vn-2019.json của gói)
  --lang vi|en           ngôn ngữ thông báo, báo cáo và biểu mẫu (mặc định: vi)

Mã thoát: 0 đã chấm/đã ghi (dù kết quả thế nào), 1 sai cách dùng, 2 không đọc được tệp phụ
lục, báo cáo hoặc tệp tiêu chí, 3 không ghi được kết quả.
`,
  en: `gnlc — scores a learning-city appendix (57 indicators, MOET letter 86/BGDĐT-GDTX)

Usage:
  gnlc score <file.xlsx> [options]
  gnlc template --out <template.xlsx> [options]
  gnlc consolidate <return.xlsx>… --out <master.xlsx> [options]
  gnlc --help | --version

score — scores one appendix (the input is never written):
  --out <file.xlsx>       write a copy coloured by status, with a summary sheet
                          (--out equal to the input is refused)
  --report <file.json>    write a JSON report: one entry per indicator, in id order
  --html <file.html>      write a one-page HTML report, readable and printable offline
  --sheet <name>          the sheet to score (default: the appendix is found automatically)
  --all                   score against every indicator, even one party's return (default: a
                          one-party return counts that party's indicators only)
  --force                 replace existing --out, --report, --html files (without it they are kept)

template — writes a data-return template (yellow input cells, data validation, input messages):
  --out <file.xlsx>       the file to write (required; an existing file is kept unless --force)
  --department <name>     only this party's indicators (abbreviations work: "Sở GD&ĐT");
                          without it: the city template (all 57 indicators)
  --city <name>  --year <yyyy>  --contact <text>   pre-fill the header block
  --no-trend-pairs        no previous/current-year rows under the trend indicators
  --force                 replace an existing --out file

consolidate — merges the departments' returns into one master workbook (returns are never written):
  --out <file.xlsx>       the master workbook (required; an existing file is kept unless --force)
  --report <file.json>    a JSON report as score's, plus each figure's sources and completeness
  --html <file.html>      an HTML report, plus completeness and conflicting figures
  --department <file>=<name>   whose return a file is (repeatable); by default the template
                          header says, else it is guessed from the figures filled
  --force                 replace an existing --out file
  Conflicting figures: the responsible party's wins; without it the indicator is invalid.

Common options:
  --criteria <file.json>  another criteria set (default: the package's criteria/gnlc-vn-2019.json)
  --lang vi|en            language of messages, reports and templates (default: vi)

Exit codes: 0 scored/written (whatever the results), 1 usage error, 2 a workbook, return or the
criteria file cannot be read, 3 the results cannot be written.
`,
};
