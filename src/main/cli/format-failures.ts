// `vigil failures` as text: one block per group, ranked, with its evidence under it.
import type { FailureGroup } from '../../shared/root-cause-types.js';

export function formatFailures(groups: readonly FailureGroup[]): string {
  if (groups.length === 0) return 'no failures in this run\n';
  const blocked = groups.filter((group) => group.cascadeOf === null).reduce((sum, group) => sum + group.blocks, 0);
  const lines = [`${groups.length} group(s), ${blocked} test(s) blocked; most tests unblocked per fix first`, ''];
  groups.forEach((group, index) => {
    const cause = group.cascadeOf ? `  (cascade of ${group.cascadeOf})` : '';
    lines.push(`${index + 1}. [${group.category} ${group.confidence.toFixed(2)}] ${group.title}`);
    lines.push(`   ${group.id}  blocks ${group.blocks}  tests ${group.tests.length}${cause}`);
    for (const line of group.evidence) lines.push(`   - ${line}`);
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
