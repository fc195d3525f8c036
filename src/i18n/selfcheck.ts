/** The self-check's texts ("Kiểm tra Excel"), Vietnamese first, English second. */
import type { Lang } from './format';

type Text = { vi: string; en: string };

export const SELF_CHECK_TITLES: Record<string, Text> = {
  'fill-none': { vi: 'Ô không tô màu được đọc là "không tô"', en: 'A cell with no fill reads as no fill' },
  'fill-white': { vi: 'Ô tô trắng được đọc là tô trắng', en: 'A white fill reads as white' },
  'fill-theme': { vi: 'Màu chủ đề (có sáng/tối) đọc đủ', en: 'A theme colour reads with its tint' },
  'fill-pattern': { vi: 'Mẫu tô và màu mẫu đọc đủ', en: 'A pattern reads with its colour' },
  'fill-restore': { vi: '"Xóa màu" trả lại đúng màu cũ', en: '"Clear colours" puts the old fill back exactly' },
  'null-object': { vi: 'Trang không có trả về đối tượng rỗng', en: 'A missing sheet answers a null object' },
  'null-chain': { vi: 'Gọi tiếp từ đối tượng rỗng', en: 'Calls on an object derived from a null object' },
  'merged-cap': { vi: 'Hơn 512 vùng gộp ô', en: 'More than 512 merged areas' },
  events: { vi: 'Sự kiện khi ô thay đổi', en: 'Change events' },
  'read-syncs': { vi: 'Số lần đồng bộ của một lần đọc', en: 'Syncs of one scoring read' },
  import: { vi: 'Nhập trang từ tệp', en: 'Importing sheets from a file' },
  protection: { vi: 'Trang được bảo vệ', en: 'A protected sheet' },
  'page-layout': { vi: 'Thiết lập trang in (A4 ngang, vừa một trang ngang, dòng tiêu đề, chân trang, vùng in)', en: 'Page setup (A4 landscape, one page wide, title rows, footer, print area)' },
  'create-workbook': { vi: 'Mở mẫu thành sổ làm việc mới (chỉ hỏi Excel, không mở)', en: 'Opening a template as a new workbook (only asked, nothing opened)' },
};

export const SELF_CHECK_UI = {
  title: { vi: 'Kiểm tra Excel', en: 'Check Excel' },
  intro: {
    vi: 'Phần kiểm tra thêm một trang tính tạm vào sổ làm việc, thử những gì phần bổ trợ cần ở Excel (đọc màu tô, ô gộp, sự kiện, bảo vệ trang, nhập tệp, thiết lập trang in), rồi xóa trang đó. Phần kiểm tra chỉ hỏi Excel có mở được sổ làm việc mới không, không mở sổ nào. Dữ liệu của bạn không bị đổi.',
    en: 'The check adds a scratch sheet to the workbook, tries what the add-in needs from Excel (reading fills, merged cells, events, sheet protection, importing a file, page setup), then deletes that sheet. It only asks Excel whether it can open a new workbook; it opens none. Your data is not changed.',
  },
  undoWarning: {
    vi: 'Lưu ý: xóa một trang tính sẽ xóa lịch sử Hoàn tác (Undo) của Excel. Hãy lưu sổ làm việc trước nếu cần.',
    en: 'Note: deleting a sheet clears Excel’s Undo history. Save the workbook first if you need it.',
  },
  start: { vi: 'Bắt đầu kiểm tra', en: 'Start the check' },
  back: { vi: 'Quay lại', en: 'Back' },
  running: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  pass: { vi: 'Đạt', en: 'Pass' },
  fail: { vi: 'Không đạt', en: 'Fail' },
  skip: { vi: 'Bỏ qua', en: 'Skipped' },
  answered: { vi: 'Excel trả lời', en: 'Excel answered' },
  summary: { vi: (p: { pass: number; fail: number; skip: number }) => `${p.pass} đạt, ${p.fail} không đạt, ${p.skip} bỏ qua`, en: (p: { pass: number; fail: number; skip: number }) => `${p.pass} passed, ${p.fail} failed, ${p.skip} skipped` },
  copy: { vi: 'Sao chép kết quả', en: 'Copy the results' },
  copied: { vi: 'Đã sao chép. Hãy gửi cho nhóm phát triển.', en: 'Copied. Please send it to the maintainers.' },
  copyFailed: { vi: 'Không sao chép được: hãy chọn và sao chép đoạn văn bản bên dưới.', en: 'Could not copy: select and copy the text below.' },
  sheetLeft: { vi: (sheet: string) => `Không xóa được trang tạm "${sheet}": hãy xóa nó bằng tay.`, en: (sheet: string) => `The scratch sheet "${sheet}" could not be deleted: please delete it by hand.` },
  failed: { vi: 'Không chạy được phần kiểm tra', en: 'The check could not run' },
  notExcel: {
    vi: 'Trang này cần chạy trong Excel: mở phần bổ trợ trong Excel (trên máy tính hoặc Excel trên web), rồi chọn "Kiểm tra Excel".',
    en: 'This page runs inside Excel: open the add-in in Excel (desktop or Excel on the web), then choose "Check Excel".',
  },
} as const;

type UiKey = keyof typeof SELF_CHECK_UI;
/** A self-check text in the language. */
export function selfCheckText(key: Exclude<UiKey, 'summary' | 'sheetLeft'>, lang: Lang): string {
  return SELF_CHECK_UI[key][lang];
}
