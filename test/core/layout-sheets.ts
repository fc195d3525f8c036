/**
 * Generated sheets in the layouts departments use and the seed appendix does not (issue #12,
 * part 3): the core's tests read them as snapshots, the host tests write them to a real .xlsx or
 * into the fake Excel. Each layout has the variant the rule was written against and an "unseen"
 * one (another column order, other words) that it was not tuned on.
 */
import { SheetSnapshot } from '../../src/core/snapshot';
import { GridCell, formatted, gridSheet } from './layout-grid';

const C132 = '1.3.2. Cải thiện điều kiện sống của thành phố';
const C211 = '2.1.1. Mở rộng khả năng tiếp cận đối với dịch vụ chăm sóc và giáo dục mầm non';
const C241 = '2.4.1. Đào tạo các nhà quản lý, giáo viên và nhà giáo dục sử dụng các công nghệ thúc đẩy học tập';
const ACCIDENTS = 'Số vụ tai nạn giao thông giảm so với năm trước';
const TRANSPORT = 'Tỷ lệ người dân sử dụng phương tiện giao thông công cộng ngày càng tăng';
const WIFI = 'Toàn Thành phố được phủ sóng wifi miễn phí';
const PRESCHOOL = 'Đạt chuẩn phổ cập giáo dục mầm non cho trẻ 5 tuổi';
const RATINGS = ['5 Xuất sắc', '4 Rất tốt', '3 Tốt', '2 Khá', '1 Yếu'];

/** Printed choices one to a row in a "Nội dung" column, the mark in that row's "Số liệu" cell. */
export function marksOnePerRow(marks: { accidents: Record<string, GridCell>; wifi: Record<string, GridCell> }): SheetSnapshot {
  const r = (i: number, label: string, mark: GridCell, first: GridCell[] = [null, null, null, null], party: GridCell = null): GridCell[] => [...first, label, mark, party];
  return gridSheet(
    [
      ['STT', 'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Nội dung', 'Số liệu', 'Phân công phụ trách'],
      r(0, 'Tăng', marks.accidents['Tăng'] ?? null, [1, '1.3', C132, ACCIDENTS], 'Công an Thành phố'),
      r(1, 'Giảm', marks.accidents['Giảm'] ?? null),
      ...RATINGS.map((label, i) => r(i, label, marks.wifi[label] ?? null, i === 0 ? [2, '2.4', C241, WIFI] : undefined, i === 0 ? 'Sở Thông tin và Truyền thông' : null)),
    ],
    { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'G2:G3', 'A4:A8', 'B4:B8', 'C4:C8', 'D4:D8', 'G4:G8'] },
  );
}

/** Unseen: the choices in a "Chi tiết" column that the party's column parts from the values, a ✓, public transport (target Tăng). */
export function marksOnePerRowUnseen(mark: GridCell, on: 'Tăng' | 'Giảm'): SheetSnapshot {
  return gridSheet(
    [
      ['Chỉ số', 'Chi tiết', 'Đơn vị chủ trì', 'Kết quả', 'Tiêu chí'],
      [TRANSPORT, 'Tăng', 'Công an Thành phố', on === 'Tăng' ? mark : null, C132],
      [null, 'Giảm', null, on === 'Giảm' ? mark : null, null],
    ],
    { merges: ['A2:A3', 'C2:C3', 'E2:E3'] },
  );
}

/** Values typed in the label cells of a "Nội dung" column, the value column left empty, columns reordered. */
export function labelsCarryValues(): SheetSnapshot {
  return gridSheet(
    [
      ['STT', 'Chỉ số', 'Nội dung', 'Phân công phụ trách', 'Số liệu', 'Tiêu chí'],
      [1, PRESCHOOL, 'Nam: 1.250 trẻ', 'Sở Giáo dục và Đào tạo', null, C211],
      [null, null, 'Nữ: 1.200 trẻ', null, null, null],
      [null, null, 'Tổng: 2.450 trẻ', null, null, null],
      [null, null, 'Tỷ lệ: 97,2%', null, null, null],
    ],
    { merges: ['A2:A5', 'B2:B5', 'D2:D5', 'F2:F5'] },
  );
}

/** Unseen: unemployment (Nam, Nữ, Tổng %), other separators, "Hạng mục" first, the party before the indicator. */
export function labelsCarryValuesUnseen(total: string): SheetSnapshot {
  return gridSheet(
    [
      ['Hạng mục', 'Cơ quan chịu trách nhiệm', 'Tiêu chí', 'Chỉ số', 'Giá trị'],
      ['Nam - 3,1%', 'Sở Lao động - Thương binh và Xã hội', '1.2.2. Tạo cơ hội việc làm cho mọi công dân', 'Tỷ lệ thất nghiệp trong độ tuổi lao động (theo quy định hiện hành) không quá 5%', null],
      ['Nữ = 2,9 %', null, null, null, null],
      [total, null, null, null, null],
    ],
    { merges: ['B2:B4', 'C2:C4', 'D2:D4'] },
  );
}

export interface YearRow {
  text: string;
  criterion: string;
  party: string;
  earlier: GridCell;
  later: GridCell;
}

export const YEAR_ROWS: YearRow[] = [
  { text: ACCIDENTS, criterion: C132, party: 'Công an Thành phố', earlier: 1245, later: 1180 },
  { text: 'Tỷ lệ người trong độ tuổi 15-60 được công nhận đạt chuẩn biết chữ mức độ 2 đạt ≥ 95%', criterion: '1.1.1. Bảo đảm xóa mù chữ cơ bản vững chắc', party: 'Sở Giáo dục và Đào tạo', earlier: 93, later: 96 },
  { text: 'Tỷ lệ người mới biết chữ tiếp tục tham gia học tập, không tái mù chữ đạt ≥ 90%', criterion: '1.1.1. Bảo đảm xóa mù chữ cơ bản vững chắc', party: 'Sở Giáo dục và Đào tạo', earlier: 91, later: null },
  { text: TRANSPORT, criterion: C132, party: 'Công an Thành phố', earlier: null, later: 5400 },
];

/** A two-row header: "Số liệu" merged over "Năm 2023 | Năm 2024", the other headings merged down. */
export function yearColumns(rows: YearRow[] = YEAR_ROWS): SheetSnapshot {
  return gridSheet(
    [
      ['STT', 'Tiêu chí', 'Chỉ số', 'Số liệu', null, 'Phân công phụ trách'],
      [null, null, null, 'Năm 2023', 'Năm 2024', null],
      ...rows.map((y, i): GridCell[] => [i + 1, y.criterion, y.text, y.earlier, y.later, y.party]),
    ],
    { merges: ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2', 'F1:F2'] },
  );
}

/**
 * Unseen: the latest year on the left ("2024 | 2023", no "Năm"), nothing merged, the year row a
 * header row of its own; or headings that cannot be told apart ("Năm … | Năm …": the right-hand one is the latest).
 */
export function yearColumnsUnseen(headings: [string, string], rows: Array<{ text: string; criterion: string; party: string; left: GridCell; right: GridCell }>): SheetSnapshot {
  return gridSheet([
    ['Tiêu chí', 'Chỉ số', 'Kết quả thực hiện', null, 'Đơn vị phụ trách'],
    [null, null, headings[0], headings[1], null],
    ...rows.map((y): GridCell[] => [y.criterion, y.text, y.left, y.right, y.party]),
  ]);
}

export type PreschoolLabel = 'Nam' | 'Nữ' | 'Tổng' | 'Tỷ lệ';

/** A "Nội dung" / "Item" / "Hạng mục" column holding the sub-field labels (in the order given) beside the value column. */
export function contentColumn(heading: string, values: Record<PreschoolLabel, GridCell>, order: PreschoolLabel[] = ['Tổng', 'Nam', 'Nữ', 'Tỷ lệ']): SheetSnapshot {
  return gridSheet(
    [
      ['STT', 'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', heading, 'Số liệu', 'Đơn vị tính', 'Phân công phụ trách'],
      ...order.map((label, i): GridCell[] =>
        i === 0 ? [1, '2.1', C211, PRESCHOOL, label, values[label], label === 'Tỷ lệ' ? '%' : 'Trẻ', 'Sở Giáo dục và Đào tạo'] : [null, null, null, null, label, values[label], label === 'Tỷ lệ' ? '%' : 'Trẻ', null],
      ),
    ],
    { merges: ['A2:A5', 'B2:B5', 'C2:C5', 'D2:D5', 'H2:H5'] },
  );
}

/** Unseen: poverty (Hộ nghèo, Hộ cận nghèo) in an "Item" column right of the values, reordered. */
export function contentColumnUnseen(poor: GridCell, nearPoor: GridCell): SheetSnapshot {
  return gridSheet(
    [
      ['Chỉ số', 'Số liệu', 'Item', 'Tiêu chí', 'Phân công'],
      ['Tỷ lệ hộ nghèo đa chiều dưới 10%', poor, 'Hộ nghèo', '1.2.1. Thúc đẩy phát triển kinh tế bền vững', 'Sở Lao động - Thương binh và Xã hội'],
      [null, nearPoor, 'Hộ cận nghèo', null, null],
    ],
    { merges: ['A2:A3', 'D2:D3', 'E2:E3'] },
  );
}

/** A flat table: standard, criterion and indicator typed again on every row, one row per sub-field. */
export function flatTable(): SheetSnapshot {
  const pre = (item: string, v: GridCell): GridCell[] => ['Tiêu chuẩn 2.1', C211, PRESCHOOL, item, v, 'Sở Giáo dục và Đào tạo'];
  return gridSheet([
    ['Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Hạng mục', 'Số liệu', 'Phân công phụ trách'],
    pre('Nam', 1250),
    pre('Nữ', 1200),
    pre('Tổng', 2450),
    pre('Tỷ lệ', 97.2),
    ['Tiêu chuẩn 2.1', '2.1.3. Mở rộng khả năng tiếp cận và tham gia vào giáo dục đại học', 'Số thanh niên từ 18 đến 24 tuổi được tiếp cận giáo dục đại học đạt 35% trở lên', null, 36.5, 'Sở Giáo dục và Đào tạo'],
  ]);
}

/** Unseen: unemployment and poverty, flat, STT repeated, labels typed with their values, the party first. */
export function flatTableUnseen(): SheetSnapshot {
  const u = (v: string): GridCell[] => ['Sở Lao động - Thương binh và Xã hội', 3, '1.2.2. Tạo cơ hội việc làm cho mọi công dân', 'Tỷ lệ thất nghiệp trong độ tuổi lao động (theo quy định hiện hành) không quá 5%', v];
  const p = (v: string): GridCell[] => ['Sở Lao động - Thương binh và Xã hội', 2, '1.2.1. Thúc đẩy phát triển kinh tế bền vững', 'Tỷ lệ hộ nghèo đa chiều dưới 10%', v];
  return gridSheet([
    ['Đơn vị chủ trì', 'TT', 'Tiêu chí', 'Chỉ số', 'Kết quả'],
    p('Hộ nghèo: 2,1%'),
    p('Hộ cận nghèo: 3,4%'),
    u('Nam: 3,1%'),
    u('Nữ: 2,9%'),
    u('Tổng: 3,0%'),
  ]);
}

/** An English-language return: English headers, indicator texts, labels, units and number conventions. */
export function englishReturn(): SheetSnapshot {
  return gridSheet(
    [
      ['No.', 'Standard', 'Criterion', 'Indicator', 'Responsible unit', 'Data'],
      [1, '2.1', '2.1.1. Widening access to early childhood care and education', 'Meeting the standard for universal preschool education for five-year-olds', 'Department of Education and Training', 'Male: 1,250 children'],
      [null, null, null, null, null, 'Female: 1,200 children'],
      [null, null, null, null, null, 'Total: 2,450 children'],
      [null, null, null, null, null, 'Rate: 97.2%'],
      [2, '1.1', '1.1.1. Ensuring that illiteracy is eradicated on a solid basis', 'The share of people aged 15–60 recognised as meeting the level-2 literacy standard is ≥ 95%', 'Department of Education and Training', '97.2%'],
    ],
    { merges: ['A2:A5', 'B2:B5', 'C2:C5', 'D2:D5', 'E2:E5'] },
  );
}

/** Unseen: short English texts, an "Item" column, "Value" and "Responsible agency" headings, people as the unit. */
export function englishReturnUnseen(): SheetSnapshot {
  return gridSheet(
    [
      ['Indicator', 'Item', 'Value', 'Responsible agency'],
      ['unemployment, working age', 'Male', '3.1%', 'Department of Labour, Invalids and Social Affairs'],
      [null, 'Female', '2.9 %', null],
      [null, 'Total', '3.0%', null],
      ['universal preschool, age 5', 'Male', '1,250 children', 'Department of Education and Training'],
      [null, 'Female', '1,200 children', null],
      [null, 'Total', '2,450 children', null],
      [null, 'Rate', '97.2%', null],
    ],
    { merges: ['A2:A4', 'D2:D4', 'A5:A8', 'D5:D8'] },
  );
}

/** The seed's printed choices, label and value side by side under "Số liệu", an error value among the value cells. */
export function ratingWithError(cells: Record<string, GridCell>): SheetSnapshot {
  return gridSheet(
    [
      ['STT', 'Tiêu chí', 'Chỉ số', 'Số liệu', null, 'Phân công phụ trách'],
      [1, C132, ACCIDENTS, 'Tăng', cells['Tăng'] ?? null, 'Công an Thành phố'],
      [null, null, null, 'Giảm', cells['Giảm'] ?? null, null],
      ...RATINGS.map((label, i): GridCell[] => (i === 0 ? [2, C241, WIFI, label, cells[label] ?? null, 'Sở Thông tin và Truyền thông'] : [null, null, null, label, cells[label] ?? null, null])),
    ],
    { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'F2:F3', 'A4:A8', 'B4:B8', 'C4:C8', 'F4:F8'] },
  );
}

/** A number format that shows a percent sign literally: the number is the percentage as typed. */
export function literalPercent(format: string, value: number, text: string): SheetSnapshot {
  return gridSheet([
    ['STT', 'Tiêu chí', 'Chỉ số', 'Số liệu', 'Phân công phụ trách'],
    [1, '1.1.1. Bảo đảm xóa mù chữ cơ bản vững chắc', 'Tỷ lệ người mới biết chữ tiếp tục tham gia học tập, không tái mù chữ đạt ≥ 90%', formatted(value, format, text), 'Sở Giáo dục và Đào tạo'],
  ]);
}
