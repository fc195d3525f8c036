/**
 * The project's canonical layout (templates, master appendices): one row per field, the
 * indicator id and field key in their own columns, so the mapper can read it back exactly.
 */

/** Written in the first cell of the header block of every sheet the product generates from this layout. */
export const TEMPLATE_MARKER = 'GNLC-TEMPLATE v1';

/** Columns of the canonical layout, in order (0-based index = position). */
export const TEMPLATE_COLUMNS = [
  { key: 'id', vi: 'Mã chỉ số', en: 'Indicator id', width: 11 },
  { key: 'standard', vi: 'Tiêu chuẩn', en: 'Standard', width: 24 },
  { key: 'criterion', vi: 'Tiêu chí', en: 'Criterion', width: 28 },
  { key: 'indicator', vi: 'Chỉ số', en: 'Indicator', width: 44 },
  { key: 'responsible', vi: 'Phân công phụ trách', en: 'Responsible', width: 22 },
  { key: 'field', vi: 'Nội dung số liệu', en: 'Figure', width: 26 },
  { key: 'value', vi: 'Số liệu', en: 'Value', width: 14 },
  { key: 'unit', vi: 'Đơn vị', en: 'Unit', width: 8 },
  { key: 'status', vi: 'Trạng thái', en: 'Status', width: 16 },
  { key: 'fieldKey', vi: 'Mã trường', en: 'Field key', width: 12 },
  { key: 'note', vi: 'Ghi chú', en: 'Note', width: 24 },
] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number]['key'];
export const TEMPLATE_COL: Record<TemplateColumn, number> = Object.fromEntries(TEMPLATE_COLUMNS.map((c, i) => [c.key, i])) as Record<TemplateColumn, number>;

/** Header block labels (column A label, column B value), above the table. */
export const TEMPLATE_HEADER = [
  { key: 'city', vi: 'Thành phố', en: 'City' },
  { key: 'year', vi: 'Năm báo cáo', en: 'Reporting year' },
  { key: 'department', vi: 'Đơn vị báo cáo', en: 'Reporting department' },
  { key: 'contact', vi: 'Người liên hệ', en: 'Contact' },
] as const;
export type TemplateHeaderKey = (typeof TEMPLATE_HEADER)[number]['key'];

/** Field keys of the optional previous- and current-year rows of a trend field: "<trend key>@previous". */
export const PREVIOUS_SUFFIX = '@previous';
export const CURRENT_SUFFIX = '@current';
