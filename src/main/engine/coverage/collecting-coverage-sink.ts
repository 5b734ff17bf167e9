// Keeps everything a coverage reader pushes until the reader has finished the whole file:
// a report that breaks midway yields an error, never part of its files.
import type { CoverageHeader, CoverageSink, RawCoverageInfo, RawFileCoverage } from '../model/raw-coverage.js';
import { mergeFiles } from './merge-files.js';

export class CollectingCoverageSink implements CoverageSink {
  readonly facts: RawCoverageInfo = {};
  stated: CoverageHeader | null = null;
  readonly warnings: string[] = [];
  private readonly byPath = new Map<string, RawFileCoverage>();

  info(info: RawCoverageInfo): void {
    if (info.startedAt !== undefined) this.facts.startedAt ??= info.startedAt;
    if (info.tool !== undefined) this.facts.tool ??= info.tool;
    if (info.sourceRoots !== undefined) this.facts.sourceRoots = [...(this.facts.sourceRoots ?? []), ...info.sourceRoots];
  }

  header(header: CoverageHeader): void {
    this.stated = { ...this.stated, ...header };
  }

  file(file: RawFileCoverage): void {
    const seen = this.byPath.get(file.path);
    this.byPath.set(file.path, seen ? mergeFiles(seen, file) : file);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  get files(): RawFileCoverage[] {
    return [...this.byPath.values()];
  }
}
