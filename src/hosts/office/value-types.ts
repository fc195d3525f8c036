/** Excel's value types (Range.valueTypes: "Double", "String", …) as the core's; undefined for one the core does not read ("Unknown", "RichValue"). */
import type { CellValueType } from '../../core/read';

export const VALUE_TYPE: Record<string, CellValueType | undefined> = {
  Double: 'number',
  Integer: 'number',
  String: 'string',
  Boolean: 'boolean',
  Error: 'error',
  Empty: 'empty',
};
