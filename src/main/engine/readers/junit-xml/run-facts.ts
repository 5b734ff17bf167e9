// Facts about the whole run found in <testsuites>/<testsuite> headers and suite <properties>:
// the earliest timestamp, the run's duration, the host and the properties.
import type { RawRunInfo } from '../../model/raw-result.js';
import { capText } from '../text-limits.js';
import { secondsToMs } from './seconds.js';
import { parseTimestamp } from './timestamp.js';

// Surefire copies every JVM system property into each suite; keep the run info bounded.
const MAX_PROPERTIES = 500;
const MAX_PROPERTY_CHARS = 8 * 1024;

export class RunFacts {
  private earliest: number | undefined;
  private rootDurationMs: number | undefined;
  private topLevelDurationMs: number | undefined;
  private hostname: string | undefined;
  private readonly properties = new Map<string, string>();

  /** A timestamp from a suite header or a testcase. */
  sawTimestamp(ms: number | undefined): void {
    if (ms !== undefined && (this.earliest === undefined || ms < this.earliest)) this.earliest = ms;
  }

  /** Header attributes of the root element or any suite. */
  sawHeader(attributes: Record<string, string>, level: 'root' | 'top' | 'nested'): void {
    this.sawTimestamp(parseTimestamp(attributes.timestamp));
    if (this.hostname === undefined && attributes.hostname) this.hostname = attributes.hostname;
    if (level === 'root') {
      this.rootDurationMs = secondsToMs(attributes.time);
    } else if (level === 'top') {
      // Without a root total, the run lasted the sum of its top-level suites.
      const ms = secondsToMs(attributes.time);
      if (ms !== undefined) this.topLevelDurationMs = (this.topLevelDurationMs ?? 0) + ms;
    }
  }

  /** A suite-level <property>; the first value of a name wins (suites repeat them). */
  sawProperty(name: string | undefined, value: string): void {
    if (!name || this.properties.size >= MAX_PROPERTIES || this.properties.has(name)) return;
    this.properties.set(name, capText(value, MAX_PROPERTY_CHARS) ?? '');
  }

  info(): RawRunInfo {
    const info: RawRunInfo = {};
    if (this.earliest !== undefined) info.startedAt = new Date(this.earliest).toISOString();
    const durationMs = this.rootDurationMs ?? this.topLevelDurationMs;
    if (durationMs !== undefined) info.durationMs = durationMs;
    if (this.hostname !== undefined) info.hostname = this.hostname;
    // fromEntries makes own properties, so a property named "__proto__" stays a plain key.
    if (this.properties.size > 0) info.properties = Object.fromEntries(this.properties);
    return info;
  }
}
