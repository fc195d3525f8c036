/** Kept so that `import { saveMapping } from '…/core/mapping-save'` resolves; the code is in mapping/save.ts. */
export { saveMapping } from './mapping/save';
