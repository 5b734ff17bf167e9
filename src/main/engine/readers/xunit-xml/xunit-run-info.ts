// Run facts from <assemblies> and each <assembly>. A report may hold several assemblies: the run
// starts with the earliest and lasts the sum of their times (xUnit runs them one after another
// unless told otherwise, and the report does not say).
import type { RawRunInfo } from '../../model/raw-result.js';
import { isoTimestamp, secondsToMs, spanMs } from '../dotnet-time.js';

const ASSEMBLY_PROPERTIES = ['test-framework', 'environment', 'target-framework'];

export class XunitRunInfo {
  private startedAt: string | undefined;
  private durationMs: number | undefined;
  /** Sum of the <assembly time=...> seen so far. */
  private assemblyMs: number | undefined;
  private hostname: string | undefined;
  private readonly properties: Record<string, string> = {};

  /** <assemblies>: xUnit v3 adds computer= and start-rtf=/finish-rtf= (ISO). */
  assemblies(attributes: Record<string, string>): void {
    this.hostname = attributes.computer || undefined;
    const start = isoTimestamp(attributes['start-rtf']);
    const span = spanMs(start, isoTimestamp(attributes['finish-rtf']));
    if (start) this.startedAt = start;
    if (span !== undefined) this.durationMs = span;
  }

  assembly(attributes: Record<string, string>): void {
    const start = isoTimestamp(attributes['start-rtf']) ?? isoTimestamp(attributes['run-date'], attributes['run-time']);
    if (start && (this.startedAt === undefined || start < this.startedAt)) this.startedAt = start;
    const time = secondsToMs(attributes.time);
    if (time !== undefined) this.assemblyMs = (this.assemblyMs ?? 0) + time;
    for (const key of ASSEMBLY_PROPERTIES) {
      const value = attributes[key];
      if (value && this.properties[key] === undefined) this.properties[key] = value;
    }
  }

  result(): RawRunInfo {
    return {
      startedAt: this.startedAt,
      durationMs: this.durationMs ?? this.assemblyMs,
      hostname: this.hostname,
      properties: this.properties,
    };
  }
}
