/**
 * Every message the core gives a person, Vietnamese first, English second.
 * A message is looked up by a stable key and filled with parameters.
 */
import { Lang } from './format';

export type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const m = <T extends Record<string, { vi: Template; en: Template }>>(t: T) => t;

export const MESSAGES = m({
  // Reading a cell
  blank: { vi: () => 'Ô trống: chưa có số liệu', en: () => 'Blank cell: no data yet' },
  'no-data': { vi: (p) => `Chưa có số liệu ("${p.text}")`, en: (p) => `No data yet ("${p.text}")` },
  'error-value': { vi: (p) => `Ô chứa lỗi công thức ${p.text}`, en: (p) => `The cell holds a formula error ${p.text}` },
  'not-a-number': { vi: (p) => `"${p.text}" không phải là số`, en: (p) => `"${p.text}" is not a number` },
  'percent-out-of-range': {
    vi: (p) => `Tỷ lệ ${p.value}% nằm ngoài khoảng 0–${p.max}%`,
    en: (p) => `The rate ${p.value}% is outside 0–${p.max}%`,
  },
  'negative-count': { vi: (p) => `Số lượng không thể âm (${p.value})`, en: (p) => `A count cannot be negative (${p.value})` },
  'fractional-count': { vi: (p) => `Số lượng phải là số nguyên (${p.value})`, en: (p) => `A count must be a whole number (${p.value})` },
  'not-a-trend': {
    vi: (p) => `"${p.text}" không phải là Tăng hoặc Giảm`,
    en: (p) => `"${p.text}" is neither Tăng (increase) nor Giảm (decrease)`,
  },
  'not-a-rating': {
    vi: (p) => `"${p.text}" không phải là mức đánh giá 1–5 (Yếu, Khá, Tốt, Rất tốt, Xuất sắc)`,
    en: (p) => `"${p.text}" is not a rating 1–5 (Yếu, Khá, Tốt, Rất tốt, Xuất sắc)`,
  },
  'ambiguous-mark': {
    vi: (p) => `Đánh dấu nhiều lựa chọn cùng lúc (${p.choices})`,
    en: (p) => `Several choices are marked at once (${p.choices})`,
  },
  'nothing-marked': {
    vi: () => 'Các lựa chọn được in sẵn nhưng chưa đánh dấu lựa chọn nào',
    en: () => 'The choices are printed but none is marked',
  },
  'date-value': { vi: (p) => `Ô chứa ngày tháng (${p.text}), không phải số liệu`, en: (p) => `The cell holds a date (${p.text}), not a figure` },
  'boolean-value': { vi: (p) => `Ô chứa giá trị logic ${p.text}, không phải số liệu`, en: (p) => `The cell holds a logical value ${p.text}, not a figure` },
  'legacy-encoding': {
    vi: (p) => `Văn bản mã cũ (TCVN3/VNI), không đọc được: "${p.text}". Hãy chuyển sang Unicode`,
    en: (p) => `Text in a legacy encoding (TCVN3/VNI) cannot be read: "${p.text}". Convert it to Unicode`,
  },
  'too-long': { vi: (p) => `Nội dung ô quá dài (${p.length} ký tự)`, en: (p) => `The cell's content is too long (${p.length} characters)` },
  // Cross-field checks
  'sum-mismatch': {
    vi: (p) => `${p.parts} = ${p.sum}, khác ${p.totalLabel} = ${p.total}`,
    en: (p) => `${p.partsEn ?? p.parts} = ${p.sumEn ?? p.sum}, which differs from ${p.totalLabelEn ?? p.totalLabel} = ${p.totalEn ?? p.total}`,
  },
  'total-outside-range': {
    vi: (p) => `${p.totalLabel} ${p.total} phải nằm giữa ${p.low} và ${p.high}`,
    en: (p) => `${p.totalLabelEn ?? p.totalLabel} ${p.totalEn ?? p.total} must lie between ${p.lowEn ?? p.low} and ${p.highEn ?? p.high}`,
  },
  'trend-contradiction': {
    vi: (p) => `Ghi "${p.typed}" nhưng số liệu năm trước ${p.previous} và năm nay ${p.current} cho thấy "${p.computed}"`,
    en: (p) => `"${p.typed}" was entered but last year's ${p.previous} and this year's ${p.current} show "${p.computed}"`,
  },
  'change-without-size': {
    vi: (p) => `"${p.text}" chỉ cho biết chiều tăng/giảm, cần số % để so với mục tiêu ${p.target}`,
    en: (p) => `"${p.textEn ?? p.text}" gives only the direction; a % figure is needed to compare with the target ${p.targetEn ?? p.target}`,
  },
  // Mapping
  unmapped: {
    vi: () => 'Không tìm thấy dòng của chỉ số này trong bảng',
    en: () => "This indicator's row was not found in the sheet",
  },
  'other-party': {
    vi: (p) => `Thuộc đơn vị khác (${p.party}): không có trong báo cáo của ${p.scope}`,
    en: (p) => `Belongs to another party (${p.party}): not in ${p.scope}'s return`,
  },
  'field-unmapped': {
    vi: (p) => `Không tìm thấy ô số liệu "${p.label}"`,
    en: (p) => `The value cell for "${p.label}" was not found`,
  },
  'duplicate-row': {
    vi: (p) => `Chỉ số xuất hiện ở nhiều dòng (${p.rows}); hãy giữ lại một dòng`,
    en: (p) => `The indicator appears on several rows (${p.rows}); keep one`,
  },
  'low-confidence': {
    vi: (p) => `Khớp chưa chắc chắn (${p.confidence}%) với dòng ${p.row}: hãy kiểm tra`,
    en: (p) => `Uncertain match (${p.confidence}%) with row ${p.row}: please check`,
  },
  // Running
  'sheet-protected': {
    vi: (p) => `Trang "${p.sheet}" đang được bảo vệ nên không tô màu được; kết quả vẫn có ở trang tổng hợp. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) nếu muốn tô màu`,
    en: (p) => `The sheet "${p.sheet}" is protected, so it cannot be coloured; the results are on the summary sheet. Unprotect the sheet (Review › Unprotect Sheet) to colour it`,
  },
  'state-damaged': {
    vi: (p) => `Dữ liệu lưu của công cụ (trang ẩn GNLC_State) bị hỏng nên không đọc được: trang "${p.sheet}" không được tô màu và dữ liệu đó được giữ nguyên, để không mất màu gốc của các ô. Kết quả vẫn có ở trang tổng hợp`,
    en: (p) => `The product's stored state (the hidden sheet GNLC_State) is damaged and cannot be read: the sheet "${p.sheet}" is not coloured and the state is kept as it is, so no cell's original fill is lost. The results are on the summary sheet`,
  },
  'state-records-dropped': {
    vi: (p) => `Bỏ qua ${p.count} bản ghi không hợp lệ trong dữ liệu lưu của công cụ (trang ẩn GNLC_State); các ô đó sẽ không được trả lại màu gốc khi xóa màu`,
    en: (p) => `${p.count} invalid records in the product's stored state (the hidden sheet GNLC_State) were dropped; those cells will not get their original fill back when colours are cleared`,
  },
  // Conclusions
  met: { vi: (p) => `${p.value}: đạt mục tiêu ${p.target}`, en: (p) => `${p.value}: meets the target ${p.target}` },
  'unmet-gap': {
    vi: (p) => `${p.value} — cần ${p.target}, thiếu ${p.gap} điểm`,
    en: (p) => `${p.value} — needs ${p.target}, short by ${p.gap} points`,
  },
  'unmet-excess': {
    vi: (p) => `${p.value} — cần ${p.target}, vượt ${p.gap} điểm`,
    en: (p) => `${p.value} — needs ${p.target}, over by ${p.gap} points`,
  },
  'unmet-outside': {
    vi: (p) => `${p.value} — cần trong khoảng ${p.target}`,
    en: (p) => `${p.value} — needs to lie within ${p.target}`,
  },
  'unmet-trend': { vi: (p) => `${p.value} — cần ${p.target}`, en: (p) => `${p.value} — needs ${p.target}` },
  // Consolidating returns
  conflict: {
    vi: (p) => `Số liệu "${p.field}" mâu thuẫn giữa các báo cáo: ${p.valuesVi}. Không báo cáo nào của đơn vị phụ trách (${p.party}) để chọn: hãy thống nhất số liệu`,
    en: (p) => `The returns disagree on "${p.fieldEn}": ${p.valuesEn}. None of them is the responsible party's (${p.party}), so none can be chosen: settle the figure`,
  },
  'conflict-responsible-returns': {
    vi: (p) => `Các báo cáo của đơn vị phụ trách (${p.party}) ghi "${p.field}" khác nhau: ${p.valuesVi}. Hãy giữ một số liệu`,
    en: (p) => `The responsible party's returns (${p.party}) disagree on "${p.fieldEn}": ${p.valuesEn}. Keep one figure`,
  },
  'conflict-resolved': {
    vi: (p) => `Số liệu "${p.field}" khác nhau giữa các báo cáo: ${p.valuesVi}. Dùng số liệu của đơn vị phụ trách (${p.party}, ${p.chosen})`,
    en: (p) => `The returns differ on "${p.fieldEn}": ${p.valuesEn}. The responsible party's figure is used (${p.party}, ${p.chosen})`,
  },
  'department-inferred': {
    vi: (p) => `Báo cáo "${p.name}" không ghi đơn vị báo cáo; đoán là ${p.department} (phụ trách ${p.count} / ${p.filled} chỉ số đã điền). Hãy xác nhận`,
    en: (p) => `The return "${p.name}" names no reporting department; it looks like ${p.department}'s (responsible for ${p.count} of the ${p.filled} indicators filled). Please confirm`,
  },
  'department-unknown': {
    vi: (p) => `Đơn vị "${p.department}" của báo cáo "${p.name}" không phụ trách chỉ số nào trong bộ tiêu chí`,
    en: (p) => `The department "${p.department}" of the return "${p.name}" is responsible for no indicator of the criteria set`,
  },
  'return-empty': {
    vi: (p) => `Báo cáo "${p.name}" chưa có số liệu nào`,
    en: (p) => `The return "${p.name}" holds no figures yet`,
  },
  'note-cut': {
    vi: (p) => `Ghi chú của các đơn vị cho chỉ số ${p.id} (${p.returns}) dài ${p.lengthVi} ký tự, quá giới hạn ${p.limitVi} ký tự của một ô Excel: trang tổng hợp chỉ giữ phần đầu của những ghi chú dài nhất, có đánh dấu “đã cắt bớt”. Bản đầy đủ vẫn ở báo cáo của đơn vị`,
    en: (p) => `The departments' notes on indicator ${p.id} (${p.returns}) run to ${p.lengthEn} characters, past an Excel cell's limit of ${p.limitEn}: the master sheet keeps the start of the longest ones, marked "cut". The full text stays in the returns`,
  },
  'no-return': {
    vi: (p) => `${p.party} chưa gửi báo cáo (${p.count} chỉ số)`,
    en: (p) => `${p.party} has sent no return (${p.count} indicators)`,
  },
  'missing-fields': {
    vi: (p) => `Chưa có số liệu: ${p.fields}`,
    en: (p) => `No data yet: ${p.fields}`,
  },
});

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, params: Params, lang: Lang): string {
  return MESSAGES[key][lang](params);
}

export { STATUS_TEXT } from './status';

export const TREND_TEXT = {
  increase: { vi: 'Tăng', en: 'Increase' },
  decrease: { vi: 'Giảm', en: 'Decrease' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
} as const;

export const RATING_LABELS = ['Yếu', 'Khá', 'Tốt', 'Rất tốt', 'Xuất sắc'] as const;
export const RATING_LABELS_EN = ['Weak', 'Fair', 'Good', 'Very good', 'Excellent'] as const;
