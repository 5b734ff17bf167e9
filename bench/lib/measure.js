// Runs one command in a fresh child process and measures what the budget names: whole-process
// wall time (hrtime around the spawn) and peak resident memory. Peak memory comes from GNU
// time's "Maximum resident set size" (the kernel's own high-water mark, from wait4); without
// GNU time we poll /proc/<pid>/status VmHWM, which can miss growth in the last poll interval.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 10;
const KEEP_OUTPUT_CHARS = 1024 * 1024;

/** 'gnu-time' when /usr/bin/time is GNU time (it takes -v and -o), else 'proc-vmhwm'. */
export function memoryMethod() {
  const probe = spawnSync(GNU_TIME, ['-v', '-o', '/dev/null', 'true'], { stdio: 'ignore' });
  return probe.status === 0 ? 'gnu-time' : 'proc-vmhwm';
}

function parseGnuTime(text) {
  const field = (label) => {
    const match = new RegExp(`${label}: ([0-9.]+)`).exec(text);
    return match ? Number(match[1]) : null;
  };
  const user = field('User time \\(seconds\\)');
  const sys = field('System time \\(seconds\\)');
  return { maxRssKiB: field('Maximum resident set size \\(kbytes\\)'), cpuS: user === null || sys === null ? null : user + sys };
}

function readVmHwmKiB(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    // The process has already exited between polls: keep the last reading.
    if (error.code === 'ENOENT' || error.code === 'ESRCH') return null;
    throw error;
  }
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) : null;
}

// /proc/stat counts in USER_HZ ticks, 100 per second on every Linux this runs on.
const TICKS_PER_SECOND = 100;

/** CPU seconds all cores have spent busy since boot, to see how much other work ran alongside. */
function machineBusySeconds() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/**
 * Waits until the machine has been near idle (under `threshold` cores busy over a 5 s window),
 * for at most maxSeconds; on a shared 2-core machine a figure taken beside a test run is noise.
 * Returns the last busy reading in cores.
 */
export async function waitForQuiet(maxSeconds, threshold = 0.25) {
  const deadline = Date.now() + maxSeconds * 1000;
  let cores = Infinity;
  while (Date.now() < deadline) {
    const before = machineBusySeconds();
    await new Promise((done) => { setTimeout(done, 5000); });
    cores = (machineBusySeconds() - before) / 5;
    if (cores < threshold) break;
  }
  return cores;
}

const keepTail = (text) => (text.length > KEEP_OUTPUT_CHARS ? text.slice(-KEEP_OUTPUT_CHARS) : text);

/**
 * Runs `command args` once; resolves with { wallMs, maxRssKiB, cpuS, otherCores, exitCode, signal,
 * stdout, stderr, timedOut }. otherCores: CPU the rest of the machine used meanwhile, in cores. The command's own output is kept (tail) for the caller to verify.
 */
export function measureOnce(command, args, { cwd, env, timeoutMs, method }) {
  const scratch = mkdtempSync(join(tmpdir(), 'vigil-measure-'));
  const timeFile = join(scratch, 'time.txt');
  const [file, fileArgs] = method === 'gnu-time' ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolvePromise, reject) => {
    const busyBefore = machineBusySeconds();
    const started = process.hrtime.bigint();
    const child = spawn(file, fileArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledKiB = null;
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text) => { stdout = keepTail(stdout + text); });
    child.stderr.setEncoding('utf8').on('data', (text) => { stderr = keepTail(stderr + text); });
    const poller = method === 'proc-vmhwm'
      ? setInterval(() => { polledKiB = readVmHwmKiB(child.pid) ?? polledKiB; }, POLL_MS)
      : null;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      rmSync(scratch, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const busy = machineBusySeconds() - busyBefore;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      const usage = method === 'gnu-time' ? parseGnuTime(readFileSync(timeFile, 'utf8')) : { maxRssKiB: polledKiB, cpuS: null };
      rmSync(scratch, { recursive: true, force: true });
      const otherCores = usage.cpuS === null ? null : Math.max(0, (busy - usage.cpuS) / (wallMs / 1000));
      resolvePromise({ wallMs, ...usage, otherCores, exitCode, signal, stdout, stderr, timedOut });
    });
  });
}

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
