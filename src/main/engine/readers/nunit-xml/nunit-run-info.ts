// Run facts from the NUnit root (<test-run> in NUnit 3, <test-results> in NUnit 2, or a bare
// <test-suite> some runners write) and from <environment>.
import type { RawRunInfo } from '../../model/raw-result.js';
import { isoTimestamp, secondsToMs, spanMs } from '../dotnet-time.js';

/** From the root element's attributes. */
export function rootRunInfo(root: string, attributes: Record<string, string>): RawRunInfo {
  const properties: Record<string, string> = {};
  for (const key of ['engine-version', 'clr-version']) {
    const value = attributes[key];
    if (value) properties[key] = value;
  }
  // NUnit 2: date="2007-07-27" time="11:18:43". Early NUnit 3: run-date= + start-time="11:34:27".
  const startedAt =
    root === 'test-results'
      ? isoTimestamp(attributes.date, attributes.time)
      : (isoTimestamp(attributes['start-time']) ?? isoTimestamp(attributes['run-date'], attributes['start-time']));
  const endedAt = isoTimestamp(attributes['end-time']);
  // In NUnit 2 the root's time= is a clock time; the duration is the first suite's time=.
  const durationMs =
    root === 'test-results' ? undefined : (secondsToMs(attributes.duration) ?? spanMs(startedAt, endedAt) ?? secondsToMs(attributes.time));
  return { startedAt, durationMs, properties };
}

/** NUnit 2's run duration lives on the outermost <test-suite>. */
export function firstSuiteRunInfo(attributes: Record<string, string>): RawRunInfo {
  return { durationMs: secondsToMs(attributes.duration ?? attributes.time) };
}

const ENVIRONMENT_KEYS = ['framework-version', 'nunit-version', 'clr-version', 'os-version', 'platform', 'os-architecture', 'culture'];

export function environmentRunInfo(attributes: Record<string, string>): RawRunInfo {
  const properties: Record<string, string> = {};
  for (const key of ENVIRONMENT_KEYS) {
    const value = attributes[key];
    if (value) properties[key] = value;
  }
  return { hostname: attributes['machine-name'] || undefined, properties };
}
