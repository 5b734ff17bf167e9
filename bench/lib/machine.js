// Facts about the machine a figure was measured on; a time means little without them.
import { readFileSync } from 'node:fs';
import os from 'node:os';

function cpuModel() {
  const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  return match ? match[1].trim() : os.cpus()[0]?.model ?? 'unknown';
}

export function machineFacts() {
  return {
    nproc: os.availableParallelism(),
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    cpuModel: cpuModel(),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  };
}
