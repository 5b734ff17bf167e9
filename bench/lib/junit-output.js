// Captured output (<system-out>) of a few log lines, formatted as Python logging or Logback
// would write it, with the characters that must be escaped (& < > ") and some non-ASCII text.
import { nameParts } from './junit-names.js';

const EVENTS = [
  (rng) => `created ${rng.pick(nameParts.OBJECTS)} id=${rng.int(1, 99999)} total=${rng.int(1, 999)}.${rng.int(10, 99)} EUR`,
  (rng) => `GET /api/v1/${rng.pick(nameParts.AREAS)}?page=${rng.int(1, 40)}&size=50 -> ${rng.pick([200, 200, 200, 304, 404, 500])} (${rng.int(1, 900)} ms)`,
  (rng) => `cache miss for key "${rng.pick(nameParts.OBJECTS)}:${rng.int(1, 5000)}" <ttl=${rng.pick([30, 300])}s>`,
  (rng) => `user <${rng.pick(['alice@example.com', 'jörg@example.de', 'zoë@example.fr'])}> logged in from Zürich → session ${rng.int(100000, 999999)}`,
  (rng) => `retrying ${rng.pick(nameParts.VERBS)} (attempt ${rng.int(1, 3)}/3) after ${rng.int(50, 2000)}ms: connection reset`,
  (rng) => `SELECT * FROM ${rng.pick(nameParts.OBJECTS)}s WHERE id > ${rng.int(1, 999)} AND status <> 'archived' -- ${rng.int(1, 80)} rows`,
];
const LEVELS = ['DEBUG', 'INFO', 'INFO', 'INFO', 'WARNING', 'ERROR'];

function clock(rng, baseMs) {
  return new Date(baseMs + rng.int(0, 3_600_000)).toISOString().replace('T', ' ').replace('Z', '');
}

export function capturedOutput(rng, suite, baseMs) {
  const count = rng.int(1, 3);
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const level = rng.pick(LEVELS);
    const event = rng.pick(EVENTS)(rng);
    lines.push(suite.lang === 'python'
      ? `${clock(rng, baseMs).replace('.', ',')} ${level.padEnd(8)} app.${suite.area}.${suite.kind}: ${event}`
      : `${clock(rng, baseMs).slice(11)} [main] ${level.replace('WARNING', 'WARN').padEnd(5)} c.a.${suite.area}.${suite.kind} - ${event}`);
  }
  return lines.join('\n');
}
