// How root-cause categories are named and coloured everywhere in the UI.
import type { RootCauseCategory } from '../../shared/types.js';

export const CATEGORY_LABEL: Record<RootCauseCategory, string> = {
  isolation_leak: 'Isolation leak',
  config_mismatch: 'Config mismatch',
  external_blocker: 'External blocker',
  product_defect: 'Product defect',
  test_defect: 'Test defect',
  flaky: 'Flaky',
  cascade: 'Cascade',
  unknown: 'Unknown',
};

export function CategoryBadge({ category }: { category: RootCauseCategory }) {
  return <span className={`badge cat-${category}`}>{CATEGORY_LABEL[category]}</span>;
}
