// A real killrvideo-dataapi on a free loopback port and a fresh data directory, for one test file. It is
// always stopped: by stop() in the test's after() hook, and by the exit handler if the test process dies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataAPIClient } from '@datastax/astra-db-ts';

export const TOKEN = 'AstraCS:astra-db-ts-suite';
const READY_TIMEOUT_MS = 20000;

export class DataApiServer {
  static async start() {
    const binary = process.env.KILLRVIDEO_DATAAPI_BIN;
    if (!binary) throw new Error('KILLRVIDEO_DATAAPI_BIN must name the killrvideo-dataapi binary');
    const dataDir = mkdtempSync(join(tmpdir(), 'kv-astra-db-ts-'));
    const child = spawn(binary, ['--port', '0', '--data-dir', dataDir, '--token', TOKEN],
                        { stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new DataApiServer(child, dataDir);
    process.on('exit', () => server.#kill());
    server.endpoint = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`killrvideo-dataapi not ready: ${output}`)), READY_TIMEOUT_MS);
      const onData = (chunk) => {
        output += chunk;
        const listening = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(output);
        if (listening) { clearTimeout(timer); resolve(listening[1]); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => { output += chunk; });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`killrvideo-dataapi exited (${code}): ${output}`)); });
    });
    return server;
  }

  constructor(child, dataDir) {
    this.child = child;
    this.dataDir = dataDir;
  }

  // The official client as a new user of a self-managed Data API sets it up (environment 'hcd').
  db(keyspace = 'killrvideo') {
    const client = new DataAPIClient({ environment: 'hcd' });
    return client.db(this.endpoint, { token: TOKEN, keyspace });
  }

  async stop() {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  #kill() {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

// The errorCode of the first error a failed command carried (DataAPIResponseError or an insertMany error).
export async function errorCodeOf(promise) {
  try {
    await promise;
  } catch (error) {
    if (error.errorDescriptors) return error.errorDescriptors[0].errorCode;
    if (typeof error.errors === 'function') return error.errors()[0].errorDescriptors?.[0]?.errorCode ?? error.errors()[0].message;
    throw error;
  }
  throw new Error('the command succeeded; an error was expected');
}
