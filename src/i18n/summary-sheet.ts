/** The words of the summary sheet (core/summary-sheet.ts), Vietnamese first, English second. */

export const SUMMARY_SHEET_TEXT = {
  title: { vi: 'Kết quả tự đánh giá thành phố học tập', en: 'Learning city self-assessment results' },
  source: { vi: 'Nguồn', en: 'Source' },
  totals: { vi: 'Tổng hợp theo trạng thái', en: 'Totals by status' },
  status: { vi: 'Trạng thái', en: 'Status' },
  count: { vi: 'Số chỉ số', en: 'Indicators' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  metShare: { vi: 'Tỷ lệ đạt', en: 'Met' },
  /** The footer of every printed page (&P: this page, &N: the number of pages). */
  footer: { vi: 'Trang &P / &N', en: 'Page &P of &N' },
  scoredAt: {
    vi: (time: string, date: string) => `Chấm điểm lúc ${time} ngày ${date}`,
    en: (time: string, date: string) => `Scored at ${time} on ${date}`,
  },
  total: { vi: 'Tổng', en: 'Total' },
  byArea: { vi: 'Theo lĩnh vực (tiêu chuẩn lớn)', en: 'By area' },
  byStandard: { vi: 'Theo tiêu chuẩn', en: 'By standard' },
  byParty: { vi: 'Theo đơn vị phụ trách', en: 'By responsible party' },
  list: { vi: 'Danh sách chỉ số', en: 'All indicators' },
  code: { vi: 'Mã', en: 'Code' },
  name: { vi: 'Tên', en: 'Name' },
  party: { vi: 'Đơn vị phụ trách', en: 'Responsible' },
  no: { vi: 'STT', en: 'No.' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  value: { vi: 'Số liệu', en: 'Value' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  reason: { vi: 'Nhận xét', en: 'Reason' },
  cells: { vi: 'Ô', en: 'Cells' },
  legend: { vi: 'Chú giải màu (màu nền của ô số liệu trong bảng phụ lục)', en: 'Colour legend (fill of the value cells in the appendix)' },
  chart: { vi: 'Trạng thái theo tiêu chuẩn', en: 'Status by standard' },
  statusNote: {
    vi: 'Trạng thái luôn được ghi bằng chữ; màu chỉ hỗ trợ.',
    en: 'Every status is written as text; colour only helps.',
  },
  /** One line per status: what the fill of a value cell means. */
  legendItems: {
    met: { vi: 'Nền xanh lá (kiểu "Good" của Excel): chỉ số đạt mục tiêu', en: 'Green fill (Excel\'s "Good"): the target is met' },
    unmet: { vi: 'Nền đỏ nhạt (kiểu "Bad"): số liệu hợp lệ nhưng chưa đạt mục tiêu', en: 'Light red fill ("Bad"): valid figures, target not met' },
    invalid: { vi: 'Nền vàng (kiểu "Neutral"): số liệu không đọc được hoặc mâu thuẫn', en: 'Yellow fill ("Neutral"): the figure cannot be read or contradicts another' },
    missing: { vi: 'Nền xám nhạt: chưa có số liệu', en: 'Light grey fill: no data yet' },
  },
} as const;
