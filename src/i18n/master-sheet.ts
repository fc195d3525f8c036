/** The words of a consolidation's master sheet (core/consolidate.ts), Vietnamese first, English second. */

export const MASTER_SHEET_TEXT = {
  name: { vi: 'Tổng hợp số liệu', en: 'Master data' },
  title: { vi: (h: string) => `Bảng tổng hợp số liệu — ${h}`, en: (h: string) => `Consolidated data — ${h}` },
  department: { vi: (n: number) => `Tổng hợp từ ${n} báo cáo`, en: (n: number) => `Consolidated from ${n} returns` },
  explain: {
    vi: 'Số liệu tổng hợp từ báo cáo của các đơn vị. Cột “Ghi chú” ghi nguồn của từng số liệu (báo cáo › ô) và, ở dòng đầu của mỗi chỉ số, ghi chú của các đơn vị (tên đơn vị: ghi chú). Ô để trống kèm ghi chú “Mâu thuẫn” cần được thống nhất rồi nhập lại.',
    en: 'Figures consolidated from the departments’ returns. The “Note” column gives each figure’s source (return › cell) and, on each indicator’s first row, the departments’ notes (department: note). A blank cell noted “Conflict” needs a settled figure typed in.',
  },
  other: { vi: 'khác', en: 'other' },
  conflict: { vi: 'Mâu thuẫn', en: 'Conflict' },
  settle: { vi: 'cần thống nhất', en: 'to be settled' },
  /** After a field's label in a trend pair: "… — năm trước". */
  previousYear: { vi: 'năm trước', en: 'previous year' },
  currentYear: { vi: 'năm nay', en: 'this year' },
  /** Ends a department's note cut to fit an Excel cell (32,767 characters). */
  noteCut: { vi: '… [đã cắt bớt: quá dài cho một ô Excel; xem đủ trong báo cáo của đơn vị]', en: '… [cut: too long for an Excel cell; the full note is in the return]' },
} as const;
