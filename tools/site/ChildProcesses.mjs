// The processes the site runs (loader, server, npm, vite): each in its own process group, so stopping one
// stops what it started too (npm's scripts, vite's esbuild service). Every one still running is stopped
// when this process ends — normally, on an uncaught error, or on SIGINT / SIGTERM — and, should this
// process be killed outright (SIGKILL, as CTest does on a timeout), the kernel kills them: each is started
// through util-linux's setpriv with a parent-death signal.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';

const kSetpriv = '/usr/bin/setpriv';

const running = new Set();
let signalled = false;
const kTailLines = 60;
const kStopGraceMs = 5000;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    signalled = true;
    stopAll().finally(() => process.exit(code));
  });
}

// Whether SIGINT or SIGTERM asked this process to stop (its children then end on purpose).
export function stopRequested() {
  return signalled;
}

// A started process: its output goes to `logFile` (and the last lines are kept for error messages).
export class ChildProcess {
  constructor(name, command, args, { cwd, env, logFile }) {
    this.name = name;
    this.logFile = logFile;
    this.tail = [];
    this.lineWaiters = [];
    const [program, argv] = existsSync(kSetpriv) ? [kSetpriv, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, args];
    this.child = spawn(program, argv, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(this.child);
    const log = createWriteStream(logFile, { flags: 'a' });
    let partial = '';
    const onData = (chunk) => {
      log.write(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop();
      for (const line of lines) this.onLine(line);
    };
    this.child.stdout.on('data', onData);
    this.child.stderr.on('data', onData);
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.onLine(`${command}: ${error.message}`);
        running.delete(this.child);
        resolve({ code: 127, signal: null });
      });
      this.child.on('exit', (code, signal) => {
        running.delete(this.child);
        if (partial) this.onLine(partial);
        log.end();
        resolve({ code, signal });
      });
    });
  }

  onLine(line) {
    this.tail.push(line);
    if (this.tail.length > kTailLines) this.tail.shift();
    for (const waiter of [...this.lineWaiters]) {
      const match = line.match(waiter.pattern);
      if (match) waiter.resolve(match);
    }
  }

  // The first line (from now on) matching `pattern`; rejects when the process exits or time runs out.
  waitForLine(pattern, timeoutMs) {
    return new Promise((resolve, reject) => {
      const waiter = { pattern };
      const done = () => {
        clearTimeout(timer);
        this.lineWaiters = this.lineWaiters.filter((w) => w !== waiter);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name} printed no line matching ${pattern} within ${timeoutMs / 1000} s:\n${this.output()}`));
      }, timeoutMs);
      waiter.resolve = (match) => {
        done();
        resolve(match);
      };
      this.lineWaiters.push(waiter);
      this.exited.then(({ code, signal }) => {
        done();
        reject(new Error(`${this.name} exited (${signal ?? code}) before printing ${pattern}:\n${this.output()}`));
      });
    });
  }

  output() {
    return this.tail.join('\n') + `\n(full output: ${this.logFile})`;
  }

  // SIGTERM to the group, SIGKILL after a grace period.
  async stop() {
    if (!running.has(this.child)) return this.exited;
    signalGroup(this.child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(this.child, 'SIGKILL'), kStopGraceMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }
}

// Runs a command to its end; rejects with the end of its output unless it exits 0.
export async function runToEnd(name, command, args, options) {
  const child = new ChildProcess(name, command, args, options);
  const { code, signal } = await child.exited;
  if (code !== 0) throw new Error(`${name} failed (${signal ?? `exit ${code}`}):\n${child.output()}`);
  return child;
}

export async function stopAll() {
  await Promise.all([...running].map((child) => {
    signalGroup(child, 'SIGTERM');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signalGroup(child, 'SIGKILL');
        resolve();
      }, kStopGraceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }));
}
