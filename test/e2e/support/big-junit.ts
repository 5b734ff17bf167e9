// A JUnit XML report of N tests (5% failing with a short trace, 2% skipped), for the
// 100,000-test run of the end-to-end tests. Written in one go: ~15 MB for 100,000 tests.
import { writeFileSync } from 'node:fs';

export function writeBigJunit(path: string, tests: number): { failed: number; skipped: number } {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'];
  let failed = 0;
  let skipped = 0;
  const perSuite = 100;
  for (let suite = 0; suite < tests / perSuite; suite++) {
    parts.push(`<testsuite name="pkg${suite % 50}.Suite${suite}" tests="${perSuite}" timestamp="2026-11-20T10:00:00">\n`);
    for (let i = 0; i < perSuite; i++) {
      const n = suite * perSuite + i;
      const name = `test_case_${n}`;
      if (n % 20 === 7) {
        failed += 1;
        parts.push(
          `<testcase classname="pkg${suite % 50}.Suite${suite}" name="${name}" time="0.01"><failure message="expected ${n} to equal ${n + 1}">AssertionError: expected ${n} to equal ${n + 1}\n  at Suite${suite}.${name} (src/suite${suite}.test.js:${i + 1}:5)</failure></testcase>\n`,
        );
      } else if (n % 50 === 13) {
        skipped += 1;
        parts.push(`<testcase classname="pkg${suite % 50}.Suite${suite}" name="${name}" time="0"><skipped/></testcase>\n`);
      } else {
        parts.push(`<testcase classname="pkg${suite % 50}.Suite${suite}" name="${name}" time="0.002"/>\n`);
      }
    }
    parts.push('</testsuite>\n');
  }
  parts.push('</testsuites>\n');
  writeFileSync(path, parts.join(''));
  return { failed, skipped };
}
