// Clover XML: no upstream fixture states totals, so c8's real clover.xml (test/fixtures/coverage)
// is checked against c8's own figures and against the other formats of the same run, and an
// OpenClover-style report (condition lines without counts, a test project) is read by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseReportFiles } from '../../../../../src/main/engine/coverage/combine-coverage.js';
import { CoveragePaths } from '../../../../../src/main/engine/coverage/paths/coverage-paths.js';
import { cloverXmlReader } from '../../../../../src/main/engine/coverage/readers/clover-xml/index.js';
import { istanbulJsonReader } from '../../../../../src/main/engine/coverage/readers/istanbul-json/index.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { OWN_COVERAGE, readWith } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

const CART = join(OWN_COVERAGE, 'cart');

describe('clover-xml', () => {
  it("c8's clover.xml: c8's totals, and its <metrics> as the header", async () => {
    const { parsed, totals } = await readWith(join(CART, 'coverage', 'clover.xml'), cloverXmlReader);
    expect(totals).toMatchObject({
      files: 2,
      lines: { covered: 26, valid: 34 },
      branches: { covered: 8, valid: 11 },
      functions: { covered: 4, valid: 6 },
      statements: { covered: 26, valid: 34 },
    });
    expect(parsed.header).toEqual({ statements: { covered: 26, valid: 34 }, branches: { covered: 8, valid: 11 }, functions: { covered: 4, valid: 6 } });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.info.startedAt).toBe(new Date(1795251351521).toISOString());
  });

  it('agrees file by file with coverage-final.json of the same run', async () => {
    const context = { paths: new CoveragePaths({ root: CART }), goModule: null };
    const clover = normaliseReportFiles((await readWith(join(CART, 'coverage', 'clover.xml'), cloverXmlReader)).parsed, context);
    const json = normaliseReportFiles((await readWith(join(CART, 'coverage', 'coverage-final.json'), istanbulJsonReader)).parsed, context);
    expect([...clover.keys()]).toEqual(['src/cart.js', 'src/format.js']);
    for (const [path, file] of clover) {
      expect(file.lines, path).toEqual(json.get(path)?.lines);
      expect(file.branches, path).toEqual(json.get(path)?.branches);
      expect(file.lineHits, path).toEqual(json.get(path)?.lineHits);
    }
  });

  it('OpenClover: condition lines without a count, methods as functions, the test project skipped', async () => {
    const path = join(tempDir(), 'clover.xml');
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?>
<coverage generated="1700000000000" clover="4.5.2">
  <project timestamp="1700000000000" name="shop">
    <metrics statements="3" coveredstatements="2" conditionals="2" coveredconditionals="1" methods="2" coveredmethods="1" files="1"/>
    <package name="com.shop">
      <file name="Cart.java" path="/ci/shop/src/main/java/com/shop/Cart.java">
        <metrics statements="3" coveredstatements="2" conditionals="2" coveredconditionals="1" methods="2" coveredmethods="1"/>
        <line num="3" count="4" type="method"/>
        <line num="4" count="4" type="stmt"/>
        <line num="5" truecount="4" falsecount="0" type="cond"/>
        <line num="6" count="0" type="stmt"/>
        <line num="9" count="0" type="method"/>
      </file>
    </package>
  </project>
  <testproject timestamp="1700000000000" name="tests">
    <package name="com.shop"><file name="CartTest.java" path="/ci/shop/src/test/java/com/shop/CartTest.java"><line num="1" count="1" type="stmt"/></file></package>
  </testproject>
</coverage>`,
    );
    const { parsed, totals } = await readWith(path, cloverXmlReader);
    expect(parsed.files.map((file) => file.path)).toEqual(['/ci/shop/src/main/java/com/shop/Cart.java']);
    expect(totals).toMatchObject({ lines: { covered: 2, valid: 3 }, branches: { covered: 1, valid: 2 }, functions: { covered: 1, valid: 2 }, statements: { covered: 2, valid: 3 } });
    expect(parsed.warnings).toEqual([]);
  });

  it('detection: Clover, not Cobertura', () => {
    expect(cloverXmlReader.matches(readFileSync(join(CART, 'coverage', 'clover.xml'), 'utf8'))).toBe(true);
    expect(cloverXmlReader.matches(readFileSync(join(CART, 'coverage', 'cobertura-coverage.xml'), 'utf8'))).toBe(false);
    expect(cloverXmlReader.matches(readFileSync(fixturePath('cobertura-xml/pycobertura/cobertura.xml'), 'utf8'))).toBe(false);
  });

  it('bad input: truncated, entities, a line without a number', async () => {
    const good = readFileSync(join(CART, 'coverage', 'clover.xml'), 'utf8');
    for (const [content, error] of [
      [good.slice(0, good.length / 2), /truncated XML/],
      ['<!DOCTYPE coverage [<!ENTITY e "x">]><coverage clover="1"><project>&e;</project></coverage>', /declares entities/],
      ['<coverage clover="3.2.0"><project><file path="/a.js"><line count="1" type="stmt"/></file></project></coverage>', /\/a\.js: line number null is not a line number/],
    ] as const) {
      const path = join(tempDir(), 'clover.xml');
      writeFileSync(path, content);
      await expect(readWith(path, cloverXmlReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readWith(path, cloverXmlReader)).rejects.toThrow(error);
    }
  });
});
