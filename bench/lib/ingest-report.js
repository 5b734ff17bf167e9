// Turns measured runs into medians, ratios, the budget verdict and a Markdown table.

export const BUDGET = { wallMs: 3000, maxRssMiB: 400, timesBareParse: 2.5 };

const fixed = (value, digits) => (typeof value === 'number' ? value.toFixed(digits) : '–');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? Number((a / b).toFixed(2)) : null);

export function computeRatios(byId) {
  const vigil = byId.vigil?.median;
  const bare = byId['bare-parse']?.median;
  const out = { vigilOverBareWall: ratio(vigil?.wallMs, bare?.wallMs), vigilOverBareRss: ratio(vigil?.maxRssMiB, bare?.maxRssMiB) };
  for (const id of ['allure-awesome', 'allure-csv']) {
    const allure = byId[id]?.median;
    out[`vigilOver_${id}_wall`] = ratio(vigil?.wallMs, allure?.wallMs);
    out[`vigilOver_${id}_rss`] = ratio(vigil?.maxRssMiB, allure?.maxRssMiB);
  }
  return out;
}

export function budgetVerdict(byId, ratios) {
  const vigil = byId.vigil;
  if (vigil?.status !== 'ok') return { measured: false, reason: vigil?.note ?? 'Vigil not measured' };
  return {
    measured: true,
    wallMs: { limit: BUDGET.wallMs, value: vigil.median.wallMs, pass: vigil.median.wallMs <= BUDGET.wallMs },
    maxRssMiB: { limit: BUDGET.maxRssMiB, value: vigil.median.maxRssMiB, pass: vigil.median.maxRssMiB <= BUDGET.maxRssMiB },
    timesBareParse: { limit: BUDGET.timesBareParse, value: ratios.vigilOverBareWall, pass: ratios.vigilOverBareWall !== null && ratios.vigilOverBareWall <= BUDGET.timesBareParse },
  };
}

export function markdownTable(cases) {
  const rows = cases.map((c) => {
    const m = c.median ?? {};
    const seen = c.runs.map((r) => r.testsSeen).find((n) => n !== null && n !== undefined);
    return `| ${c.label} | ${c.runs.length} | ${fixed(m.wallMs, 0)} | ${fixed(m.maxRssMiB, 0)} | ${fixed(m.cpuS, 2)} | ${seen ?? '–'} | ${fixed(m.otherCores, 2)} | ${c.status === 'ok' ? c.note : `${c.status}: ${c.note}`} |`;
  });
  return ['| what | runs | wall, median (ms) | peak RSS, median (MiB) | CPU user+sys, median (s) | tests read | other CPU, median (cores) | note |',
    '|---|---:|---:|---:|---:|---:|---:|---|', ...rows].join('\n');
}

export function markdownSummary(ratios, verdict) {
  const lines = [
    `- Vigil / bare parse, wall: ${ratios.vigilOverBareWall ?? '–'}x (budget ≤ ${BUDGET.timesBareParse}x); peak RSS: ${ratios.vigilOverBareRss ?? '–'}x`,
  ];
  // Allure rows only when Allure was measured (not with --skip-allure or without its binary).
  for (const [id, name] of [['allure-awesome', 'HTML'], ['allure-csv', 'CSV only']]) {
    if (ratios[`vigilOver_${id}_wall`] !== null) {
      lines.push(`- Vigil / Allure generate (${name}), wall: ${ratios[`vigilOver_${id}_wall`]}x; peak RSS: ${ratios[`vigilOver_${id}_rss`] ?? '–'}x`);
    }
  }
  if (!verdict.measured) return [...lines, `- Budget: not measured (${verdict.reason})`].join('\n');
  const mark = (check) => (check.pass ? 'PASS' : 'FAIL');
  return [...lines,
    `- Budget wall ≤ ${verdict.wallMs.limit} ms: ${fixed(verdict.wallMs.value, 0)} ms ${mark(verdict.wallMs)}`,
    `- Budget peak RSS ≤ ${verdict.maxRssMiB.limit} MiB: ${fixed(verdict.maxRssMiB.value, 0)} MiB ${mark(verdict.maxRssMiB)}`,
    `- Budget ≤ ${verdict.timesBareParse.limit}x bare parse: ${verdict.timesBareParse.value ?? '–'}x ${mark(verdict.timesBareParse)}`].join('\n');
}
