/** The words of a department template (core/template.ts), Vietnamese first, English second. */

export const TEMPLATE_TEXT = {
  sheetName: { vi: 'Biểu số liệu', en: 'Data return' },
  title: { vi: (s: string) => `Biểu thu thập số liệu — ${s}`, en: (s: string) => `Data return — ${s}` },
  titleDept: { vi: (d: string) => `Biểu thu thập số liệu của ${d}`, en: (d: string) => `Data return of ${d}` },
  instructions: {
    vi: 'Điền số liệu vào các ô nền vàng ở cột “Số liệu”. Tỷ lệ nhập dạng số từ 0 đến 100 (95,5 nghĩa là 95,5%). Không sửa cột “Mã chỉ số” và “Mã trường”: phần mềm dựa vào hai cột này để đọc lại biểu.',
    en: 'Type the figures into the yellow cells of the “Value” column. Type a rate as a number from 0 to 100 (95.5 means 95.5%). Do not change the “Indicator id” and “Field key” columns: the software reads the return back by them.',
  },
  none: {
    vi: (d: string) => `Không có chỉ số nào do “${d}” phụ trách trong bộ tiêu chí này.`,
    en: (d: string) => `No indicator of this criteria set is the responsibility of “${d}”.`,
  },
  target: { vi: 'Mục tiêu', en: 'Target' },
  pairNote: {
    vi: 'Điền số liệu năm trước và năm nay: xu hướng được tính tự động',
    en: 'Give last year’s and this year’s figures: the trend is computed',
  },
  previous: { vi: 'Số liệu năm trước', en: 'Previous year’s figure' },
  current: { vi: 'Số liệu năm nay', en: 'This year’s figure' },
  rate: { vi: 'Tỷ lệ', en: 'Rate' },
  change: { vi: 'Mức thay đổi so với năm trước', en: 'Change on the previous year' },
  trend: { vi: 'Xu hướng so với năm trước', en: 'Trend on the previous year' },
  rating: { vi: 'Mức đánh giá (1–5)', en: 'Rating (1–5)' },
  /** The signature block of a report form (Vietnamese forms carry it; reviewers sign the printout). */
  placeDate: { vi: '……, ngày … tháng … năm …', en: '……, date: … / … / …' },
  preparer: { vi: 'Người lập biểu', en: 'Prepared by' },
  head: { vi: 'Thủ trưởng đơn vị', en: 'Head of department' },
  signHint: { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
  signHintHead: { vi: '(Ký, ghi rõ họ tên, đóng dấu)', en: '(Signature, full name and seal)' },
  /** The footer of every printed page (&P: this page, &N: the number of pages). */
  footer: { vi: 'Trang &P / &N', en: 'Page &P of &N' },
} as const;
