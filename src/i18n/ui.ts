/**
 * Every string the task pane, the ribbon command and the preview show, Vietnamese first,
 * English second. Messages about cells and indicators come from the core (messages.ts).
 */
import { Lang } from './format';

type Text = { vi: string; en: string };
type Fn<P> = { vi: (p: P) => string; en: (p: P) => string };

const s = <T extends Record<string, Text | Fn<never>>>(t: T) => t;

export const UI = s({
  appTitle: { vi: 'Chấm điểm thành phố học tập', en: 'Learning city scorer' },
  appSubtitle: { vi: 'Bộ tiêu chí UNESCO GNLC', en: 'UNESCO GNLC criteria' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  /** Accessible names of the VI / EN toggles: they start with the visible code (WCAG 2.5.3, label in name). */
  langVi: { vi: 'VI (Tiếng Việt)', en: 'VI (Tiếng Việt)' },
  langEn: { vi: 'EN (English)', en: 'EN (English)' },
  help: { vi: 'Trợ giúp', en: 'Help' },
  helpLong: { vi: 'Trợ giúp (mở trong cửa sổ mới)', en: 'Help (opens in a new window)' },

  // Before scoring
  introTitle: { vi: 'Bắt đầu', en: 'Get started' },
  intro: {
    vi: 'Mở trang phụ lục của bảng tính rồi bấm "Chấm điểm". Các ô số liệu được tô màu theo trạng thái và một trang tổng hợp được lập; nội dung ô không bị thay đổi.',
    en: 'Open the appendix sheet of the workbook, then click "Score". Value cells are coloured by status and a summary sheet is written; cell contents are never changed.',
  },
  score: { vi: 'Chấm điểm', en: 'Score' },
  rescore: { vi: 'Chấm lại', en: 'Score again' },
  clear: { vi: 'Xóa màu', en: 'Clear colours' },
  live: { vi: 'Kiểm tra ngay khi nhập số liệu', en: 'Check as I type' },
  liveHint: {
    vi: 'Mỗi khi sửa một ô của trang đã chấm, chỉ số của ô đó được kiểm tra và tô màu lại.',
    en: 'Each time a cell of the scored sheet is edited, its indicator is checked and recoloured.',
  },
  liveChecked: {
    vi: (p: { list: string }) => `Vừa kiểm tra lại: ${p.list}.`,
    en: (p: { list: string }) => `Just re-checked: ${p.list}.`,
  },
  clearHint: { vi: 'Khôi phục đúng màu nền ban đầu của các ô đã tô', en: 'Restores the exact original fills of the coloured cells' },
  clearNothing: { vi: 'Chưa có ô nào được tô màu: chấm điểm trước', en: 'No cells are coloured yet: score first' },
  openSummary: { vi: 'Mở trang tổng hợp', en: 'Open the summary sheet' },
  viewReport: { vi: 'Xem báo cáo', en: 'View report' },
  viewReportHint: { vi: 'Báo cáo kết quả để in hoặc lưu PDF', en: 'The review report, to print or save as PDF' },
  reportInWindow: { vi: 'Báo cáo đã mở trong cửa sổ mới: in hoặc lưu PDF từ đó (Ctrl+P).', en: 'The report opened in a new window: print or save it as PDF from there (Ctrl+P).' },
  reportBlocked: {
    vi: 'Trình duyệt đã chặn cửa sổ báo cáo: cho phép cửa sổ bật lên cho trang này rồi bấm "Xem báo cáo" lại.',
    en: 'The browser blocked the report window: allow pop-ups for this page, then click "View report" again.',
  },
  reportNone: { vi: 'Chưa có kết quả chấm điểm để lập báo cáo: bấm "Chấm điểm" trước.', en: 'There is no scoring to report yet: click "Score" first.' },
  reportTitle: { vi: 'Báo cáo kết quả tự đánh giá', en: 'Self-assessment report' },
  reportPrint: { vi: 'In / Lưu PDF', en: 'Print / Save as PDF' },
  reportClose: { vi: 'Đóng', en: 'Close' },
  reportWaiting: { vi: 'Đang nhận báo cáo…', en: 'Receiving the report…' },
  reportNothing: {
    vi: 'Không nhận được báo cáo từ phần bổ trợ. Đóng hộp thoại này rồi bấm "Xem báo cáo" lại; nếu vẫn vậy, dùng lệnh gnlc --html.',
    en: 'The report did not arrive from the add-in. Close this dialog and click "View report" again; if it still fails, use gnlc --html.',
  },

  // Progress
  progressLabel: { vi: 'Tiến trình chấm điểm', en: 'Scoring progress' },
  stepRead: { vi: 'Đọc dữ liệu', en: 'Read the sheet' },
  stepMap: { vi: 'Nhận diện chỉ số', en: 'Find the indicators' },
  stepScore: { vi: 'Chấm điểm', en: 'Score' },
  stepWrite: { vi: 'Tô màu và ghi trang tổng hợp', en: 'Colour the cells and write the summary' },
  stepDone: { vi: 'xong', en: 'done' },
  stepActive: { vi: 'đang làm', en: 'in progress' },
  stepPending: { vi: 'chờ', en: 'waiting' },
  working: { vi: 'Đang chấm điểm…', en: 'Scoring…' },
  clearing: { vi: 'Đang xóa màu…', en: 'Clearing colours…' },

  // What was found
  foundTitle: { vi: 'Dữ liệu đã đọc', en: 'What was found' },
  sheet: { vi: 'Trang', en: 'Sheet' },
  summarySheet: { vi: 'Trang tổng hợp', en: 'Summary sheet' },
  mapped: {
    vi: (p: { mapped: number; total: number }) => `Nhận diện được ${p.mapped} / ${p.total} chỉ số`,
    en: (p: { mapped: number; total: number }) => `${p.mapped} of ${p.total} indicators found`,
  },
  mappedScoped: {
    vi: (p: { mapped: number; total: number; party: string }) => `Nhận diện được ${p.mapped} / ${p.total} chỉ số của ${p.party}`,
    en: (p: { mapped: number; total: number; party: string }) => `${p.mapped} of ${p.party}'s ${p.total} indicators found`,
  },
  unplaced: {
    vi: (p: { count: number }) => `${p.count} chỉ số không tìm thấy dòng`,
    en: (p: { count: number }) => `${p.count} ${p.count === 1 ? 'indicator' : 'indicators'} not found`,
  },
  conflicts: {
    vi: (p: { count: number }) => `${p.count} chỉ số xuất hiện ở nhiều dòng`,
    en: (p: { count: number }) => `${p.count} indicators appear on several rows`,
  },
  rowsList: {
    vi: (p: { rows: string }) => `ở các dòng ${p.rows}`,
    en: (p: { rows: string }) => `on rows ${p.rows}`,
  },
  fixMappingHint: {
    vi: 'Chọn một chỉ số trong danh sách rồi bấm "Sửa ô" để chỉ ra ô số liệu của nó.',
    en: 'Pick an indicator in the list, then "Fix cells" to point at its value cells.',
  },

  // Results
  headline: {
    vi: (p: { met: number; total: number }) => `${p.met} / ${p.total} đạt`,
    en: (p: { met: number; total: number }) => `${p.met} / ${p.total} met`,
  },
  headlineSub: { vi: 'chỉ số đạt mục tiêu', en: 'indicators meet their target' },
  headlineScoped: {
    vi: (p: { party: string; met: number; total: number }) => `${p.party}: ${p.met} / ${p.total} đạt`,
    en: (p: { party: string; met: number; total: number }) => `${p.party}: ${p.met} / ${p.total} met`,
  },
  otherParties: {
    vi: (p: { count: number }) => `${p.count} chỉ số thuộc đơn vị khác: không tính vào kết quả của báo cáo này.`,
    en: (p: { count: number }) => `${p.count} indicators belong to other parties: not counted in this return.`,
  },
  scoreAll: { vi: 'Chấm theo cả bộ chỉ số (điều phối viên)', en: 'Score against every indicator (coordinator)' },
  scoreAllHint: {
    vi: 'Bật: tính cả chỉ số của các đơn vị khác như ở bảng phụ lục đầy đủ. Tắt: báo cáo của một đơn vị chỉ tính các chỉ số của đơn vị đó.',
    en: "On: other parties' indicators count too, as in a full appendix. Off: one party's return counts that party's indicators only.",
  },
  countsLabel: { vi: 'Số chỉ số theo trạng thái', en: 'Indicators by status' },
  filtersTitle: { vi: 'Lọc', en: 'Filter' },
  filterStatus: { vi: 'Trạng thái', en: 'Status' },
  filterParty: { vi: 'Đơn vị phụ trách', en: 'Responsible party' },
  filterStandard: { vi: 'Tiêu chuẩn', en: 'Standard' },
  allParties: { vi: 'Tất cả đơn vị', en: 'All parties' },
  allStandards: { vi: 'Tất cả tiêu chuẩn', en: 'All standards' },
  clearFilters: { vi: 'Bỏ lọc', en: 'Clear filters' },
  shown: {
    vi: (p: { shown: number; total: number }) => `Hiển thị ${p.shown} / ${p.total} chỉ số`,
    en: (p: { shown: number; total: number }) => `Showing ${p.shown} of ${p.total} indicators`,
  },
  noneShown: { vi: 'Không có chỉ số nào khớp bộ lọc.', en: 'No indicator matches the filters.' },
  listLabel: { vi: 'Danh sách chỉ số', en: 'Indicators' },
  showDetails: { vi: (p: { id: string }) => `Xem chi tiết chỉ số ${p.id}`, en: (p: { id: string }) => `Show details of indicator ${p.id}` },
  hideDetails: { vi: 'Thu gọn', en: 'Collapse' },

  // My department
  myDept: { vi: 'Chỉ đơn vị của tôi', en: 'Only my department' },
  myDeptPick: { vi: 'Đơn vị của tôi', en: 'My department' },
  myDeptPlaceholder: { vi: 'Chọn tên đơn vị', en: 'Choose your department' },
  myDeptSummary: {
    vi: (p: { party: string; met: number; total: number }) => `${p.party}: ${p.met} / ${p.total} đạt`,
    en: (p: { party: string; met: number; total: number }) => `${p.party}: ${p.met} / ${p.total} met`,
  },

  // An indicator
  value: { vi: 'Số liệu', en: 'Value' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  reason: { vi: 'Nhận xét', en: 'Reason' },
  responsible: { vi: 'Phụ trách', en: 'Responsible' },
  cells: { vi: 'Ô', en: 'Cells' },
  noCells: { vi: 'chưa xác định', en: 'not found' },
  selectCells: {
    vi: (p: { id: string }) => `Chọn ô của chỉ số ${p.id} trong bảng tính`,
    en: (p: { id: string }) => `Select the cells of indicator ${p.id} in the sheet`,
  },
  fixCells: { vi: 'Sửa ô', en: 'Fix cells' },

  // Mapping fix
  mappingTitle: {
    vi: (p: { id: string }) => `Gán ô cho chỉ số ${p.id}`,
    en: (p: { id: string }) => `Assign cells to indicator ${p.id}`,
  },
  mappingHelp: {
    vi: 'Chọn ô số liệu trong bảng tính, rồi bấm "Gán ô đang chọn" ở trường tương ứng. Ánh xạ được lưu trong sổ làm việc và dùng lại ở lần chấm sau.',
    en: 'Select the value cells in the sheet, then click "Assign selected cells" on the matching field. The mapping is saved in the workbook and reused next time.',
  },
  currentCells: { vi: 'Ô hiện tại', en: 'Current cells' },
  assignSelection: { vi: 'Gán ô đang chọn', en: 'Assign selected cells' },
  assigned: {
    vi: (p: { field: string; cells: string }) => `Đã gán ${p.cells} cho "${p.field}" và lưu ánh xạ.`,
    en: (p: { field: string; cells: string }) => `Assigned ${p.cells} to "${p.field}" and saved the mapping.`,
  },
  undoAssign: { vi: 'Hoàn tác lần gán ô', en: 'Undo the assignment' },
  assignUndone: {
    vi: (p: { id: string }) => `Đã hoàn tác: các ô của chỉ số ${p.id} trở lại như trước lần gán.`,
    en: (p: { id: string }) => `Undone: the cells of indicator ${p.id} are back as they were before the assignment.`,
  },
  noSelection: { vi: 'Chưa chọn ô nào trong bảng tính.', en: 'No cells are selected in the sheet.' },
  wrongSheet: {
    vi: (p: { sheet: string }) => `Hãy chọn ô trên trang "${p.sheet}".`,
    en: (p: { sheet: string }) => `Select cells on the sheet "${p.sheet}".`,
  },
  close: { vi: 'Đóng', en: 'Close' },
  moveWarning: {
    vi: (p: { cells: string; owners: string }) => `Ô đang chọn (${p.cells}) đang là ô số liệu của ${p.owners}. Chuyển ô sang chỉ số này? Mỗi ô chỉ thuộc một chỉ số.`,
    en: (p: { cells: string; owners: string }) => `The selected cells (${p.cells}) are the value cells of ${p.owners}. Move them to this indicator? A cell belongs to one indicator only.`,
  },
  moveConfirm: { vi: 'Chuyển ô', en: 'Move the cells' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  ribbonFailed: { vi: 'Chấm điểm không thực hiện được', en: 'Scoring could not be done' },

  // Clearing
  cleared: {
    vi: (p: { restored: number }) => `Đã khôi phục màu nền ban đầu của ${p.restored} ô.`,
    en: (p: { restored: number }) => `Restored the original fill of ${p.restored} cells.`,
  },
  clearedKept: {
    vi: (p: { kept: number }) => `${p.kept} ô đã được tô lại bằng tay sau khi chấm nên được giữ nguyên.`,
    en: (p: { kept: number }) => `${p.kept} cells were recoloured by hand after scoring and were left as they are.`,
  },

  // Errors
  notExcel: {
    vi: 'Đây là phần bổ trợ của Excel: hãy mở nó trong Excel (trên máy tính hoặc Excel trên web), từ Trang đầu → Phần bổ trợ → Chấm điểm thành phố học tập.',
    en: 'This is an Excel add-in: open it in Excel (desktop or Excel on the web), from Home → Add-ins → Learning city scorer.',
  },
  errorTitle: { vi: 'Không thực hiện được', en: 'Something went wrong' },
  errorCriteria: { vi: 'Bộ tiêu chí đi kèm không hợp lệ', en: 'The bundled criteria set is invalid' },
  errorLoading: {
    vi: 'Không tải được bộ chấm điểm của phần bổ trợ. Hãy đóng ngăn tác vụ rồi mở lại; nếu vẫn lỗi, kiểm tra kết nối mạng.',
    en: "The add-in's scorer could not be loaded. Close the task pane and open it again; if it still fails, check the network connection.",
  },
  errorLoadingPanels: {
    vi: 'Không tải được phần kết quả và công cụ của phần bổ trợ. Hãy đóng ngăn tác vụ rồi mở lại; nếu vẫn lỗi, kiểm tra kết nối mạng.',
    en: "The add-in's results and tools could not be loaded. Close the task pane and open it again; if it still fails, check the network connection.",
  },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  done: {
    vi: (p: { met: number; total: number; sheet: string }) => `Đã chấm: ${p.met} / ${p.total} chỉ số đạt. Xem trang "${p.sheet}".`,
    en: (p: { met: number; total: number; sheet: string }) => `Scored: ${p.met} of ${p.total} indicators met. See the sheet "${p.sheet}".`,
  },
  /** The scoring's message once live checking has re-checked cells: the counts are the current ones; the summary sheet waits for the next scoring. */
  doneLive: {
    vi: (p: { party?: string; met: number; total: number; summary?: string }) =>
      `Sau khi kiểm tra lại${p.party ? ` báo cáo của ${p.party}` : ''}: ${p.met} / ${p.total} chỉ số đạt.${p.summary ? ` Trang "${p.summary}" được cập nhật khi bấm "Chấm lại".` : ''}`,
    en: (p: { party?: string; met: number; total: number; summary?: string }) =>
      `After re-checking${p.party ? ` ${p.party}'s return` : ''}: ${p.met} of ${p.total} indicators met.${p.summary ? ` The sheet "${p.summary}" is updated when you press "Score again".` : ''}`,
  },
  doneScoped: {
    vi: (p: { party: string; met: number; total: number; sheet: string }) => `Đã chấm báo cáo của ${p.party}: ${p.met} / ${p.total} chỉ số đạt. Xem trang "${p.sheet}".`,
    en: (p: { party: string; met: number; total: number; sheet: string }) => `Scored ${p.party}'s return: ${p.met} of ${p.total} indicators met. See the sheet "${p.sheet}".`,
  },

  // Templates and consolidation
  toolsTitle: { vi: 'Mẫu và tổng hợp', en: 'Templates and consolidation' },
  templateTitle: { vi: 'Tạo mẫu cho đơn vị', en: 'Make a department template' },
  templateIntro: {
    vi: 'Mẫu chuẩn, có kiểm tra dữ liệu ở từng ô số liệu, để gửi cho đơn vị điền: mở thành một sổ làm việc mới, hoặc thêm thành một trang của sổ này.',
    en: 'The standard layout, every value cell validated, for a department to fill in: opened as a new workbook, or added as a sheet of this one.',
  },
  templateWhere: { vi: 'Tạo mẫu thành', en: 'Make it as' },
  templateAsBook: { vi: 'Sổ làm việc mới, để lưu và gửi đi', en: 'A new workbook, to save and send' },
  templateAsSheet: { vi: 'Trang mới trong sổ này', en: 'A new sheet in this workbook' },
  templateBookUnsupported: {
    vi: 'Phiên bản Excel này chưa cho phần bổ trợ mở sổ làm việc mới (cần ExcelApi 1.8): mẫu được thêm thành một trang.',
    en: 'This version of Excel does not let add-ins open a new workbook (ExcelApi 1.8 is needed): the template is added as a sheet.',
  },
  templateBookMade: {
    vi: (p: { sheet: string; indicators: number }) => `Đã mở mẫu trong một sổ làm việc mới (trang "${p.sheet}", ${p.indicators} chỉ số). Lưu sổ đó (Tệp › Lưu) với tên của đơn vị rồi gửi đi.`,
    en: (p: { sheet: string; indicators: number }) => `Opened the template in a new workbook (sheet "${p.sheet}", ${p.indicators} indicators). Save it (File › Save) under the department's name, then send it.`,
  },
  templateDepartment: { vi: 'Đơn vị', en: 'Department' },
  templateWholeCity: { vi: 'Cả thành phố', en: 'Whole city' },
  templateCity: { vi: 'Thành phố', en: 'City' },
  templateYear: { vi: 'Năm', en: 'Year' },
  makeTemplate: { vi: 'Tạo mẫu', en: 'Make template' },
  templateMade: {
    vi: (p: { sheet: string; indicators: number; cells: number }) => `Đã tạo trang "${p.sheet}": ${p.indicators} chỉ số, ${p.cells} ô số liệu có kiểm tra dữ liệu.`,
    en: (p: { sheet: string; indicators: number; cells: number }) => `Added the sheet "${p.sheet}": ${p.indicators} indicators, ${p.cells} validated value cells.`,
  },
  templateEmpty: {
    vi: (p: { sheet: string }) => `Đã tạo trang "${p.sheet}", nhưng đơn vị này không phụ trách chỉ số nào.`,
    en: (p: { sheet: string }) => `Added the sheet "${p.sheet}", but this department is responsible for no indicator.`,
  },
  consolidateTitle: { vi: 'Gộp báo cáo của các đơn vị', en: 'Consolidate the departments’ returns' },
  consolidateIntro: {
    vi: 'Chọn các trang chứa báo cáo của đơn vị. Một trang tổng hợp số liệu và một trang tổng hợp kết quả mới được thêm; các trang báo cáo không bị thay đổi.',
    en: 'Choose the sheets holding the returns. A new master sheet and a new summary sheet are added; the returns are not changed.',
  },
  consolidateSheets: { vi: 'Các trang báo cáo', en: 'Return sheets' },
  refreshSheets: { vi: 'Làm mới danh sách', en: 'Refresh the list' },
  noSheets: { vi: 'Sổ làm việc chưa có trang nào.', en: 'The workbook has no sheet yet.' },
  importFiles: { vi: 'Thêm báo cáo từ tệp (.xlsx)', en: 'Add returns from files (.xlsx)' },
  imported: {
    vi: (p: { sheets: string }) => `Đã thêm các trang: ${p.sheets}.`,
    en: (p: { sheets: string }) => `Added the sheets: ${p.sheets}.`,
  },
  consolidate: { vi: 'Gộp báo cáo', en: 'Consolidate' },
  chooseSheets: { vi: 'Chọn ít nhất một trang báo cáo.', en: 'Choose at least one return sheet.' },
  consolidated: {
    vi: (p: { n: number; master: string; summary: string }) => `Đã gộp ${p.n} báo cáo vào trang "${p.master}"; kết quả ở trang "${p.summary}".`,
    en: (p: { n: number; master: string; summary: string }) => `Consolidated ${p.n} returns into "${p.master}"; results in "${p.summary}".`,
  },
  conflictsTitle: { vi: 'Số liệu mâu thuẫn', en: 'Conflicting figures' },
  conflictResponsible: { vi: 'dùng số liệu của đơn vị phụ trách', en: 'the responsible department’s figure is used' },
  conflictInvalid: { vi: 'cần thống nhất', en: 'to be settled' },
  missingTitle: { vi: 'Đơn vị chưa gửi báo cáo', en: 'Departments with no return' },
  notesCutTitle: { vi: 'Ghi chú bị cắt bớt trong trang tổng hợp', en: 'Notes cut in the master sheet' },
  expertPending: {
    vi: 'Đánh giá của chuyên gia: chưa có (không phải báo cáo của đơn vị; nhập ở trang tổng hợp số liệu).',
    en: 'Expert assessment: not yet given (not a department return; enter it in the master sheet).',
  },
  inferredTitle: { vi: 'Đơn vị được đoán, cần xác nhận', en: 'Departments guessed, to confirm' },
  inferredHint: {
    vi: 'Các trang này không ghi tên đơn vị; đơn vị được đoán theo các chỉ số đã điền. Nếu sai, chọn đúng đơn vị rồi bấm "Gộp lại".',
    en: 'These sheets name no department; it was guessed from the indicators they fill. If it is wrong, choose the right one, then "Consolidate again".',
  },
  inferredFor: { vi: (p: { sheet: string }) => `Đơn vị của trang "${p.sheet}"`, en: (p: { sheet: string }) => `Department of the sheet "${p.sheet}"` },
  reconsolidate: { vi: 'Gộp lại', en: 'Consolidate again' },
  working2: { vi: 'Đang làm…', en: 'Working…' },

  // Preview harness
  previewTitle: { vi: 'Xem thử (không cần Excel)', en: 'Preview (no Excel needed)' },
  previewNote: {
    vi: 'Bảng tính mẫu trong trình duyệt; bảng bên phải là cùng một bảng tác vụ như trong Excel.',
    en: 'A sample workbook in the browser; the pane on the right is the same task pane as in Excel.',
  },
  previewWorkbook: { vi: 'Sổ làm việc mẫu', en: 'Sample workbook' },
  previewSheets: { vi: 'Các trang', en: 'Sheets' },
  previewSelection: { vi: 'Vùng chọn', en: 'Selection' },
  previewEmpty: { vi: 'Trang trống', en: 'Empty sheet' },
  previewReset: { vi: 'Tạo lại sổ mẫu', en: 'Reset the sample' },
  previewSample: { vi: 'Sổ mẫu', en: 'Sample' },
  previewSampleAppendix: { vi: 'Phụ lục của thành phố', en: "The city's appendix" },
  previewSampleReturn: { vi: 'Báo cáo của một sở (biểu mẫu)', en: "A department's return (template)" },
  previewSampleReturns: { vi: 'Sổ tổng hợp: báo cáo của các sở', en: "Coordinator's workbook of returns" },
  previewSampleEmpty: { vi: 'Sổ trống', en: 'Empty workbook' },
  previewTheme: { vi: 'Giao diện', en: 'Theme' },
  previewThemeLight: { vi: 'Sáng', en: 'Light' },
  previewThemeDark: { vi: 'Tối', en: 'Dark' },
  previewThemeContrast: { vi: 'Tương phản cao', en: 'High contrast' },
  previewCellContent: { vi: 'Nội dung ô', en: 'Cell content' },
  previewCellHint: {
    vi: 'Nhập vào ô đang chọn rồi nhấn Enter, như gõ trong Excel (bật "Kiểm tra ngay khi nhập số liệu" để thấy kết quả ngay).',
    en: 'Type into the selected cell and press Enter, as in Excel (turn on "Check as I type" to see it checked at once).',
  },
});

export type UiKey = keyof typeof UI;
type ParamsOf<K extends UiKey> = (typeof UI)[K] extends Fn<infer P> ? P : never;
type StaticKey = { [K in UiKey]: (typeof UI)[K] extends Text ? K : never }[UiKey];
type ParamKey = Exclude<UiKey, StaticKey>;

/** A string of the UI in a language: `ui('score', 'vi')`, `ui('headline', 'en', { met, total })`. */
export function ui<K extends StaticKey>(key: K, lang: Lang): string;
export function ui<K extends ParamKey>(key: K, lang: Lang, params: ParamsOf<K>): string;
export function ui(key: UiKey, lang: Lang, params?: unknown): string {
  const entry = UI[key][lang] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(params) : entry;
}

/** Translator bound to a language, for components. */
export function translator(lang: Lang) {
  function t<K extends StaticKey>(key: K): string;
  function t<K extends ParamKey>(key: K, params: ParamsOf<K>): string;
  function t(key: UiKey, params?: unknown): string {
    return (ui as (k: UiKey, l: Lang, p?: unknown) => string)(key, lang, params);
  }
  return t;
}
export type T = ReturnType<typeof translator>;
