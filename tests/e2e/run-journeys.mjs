// The end-to-end suite: the real server (build/bin/killrvideo) on a free loopback port with the sample
// data loaded into a new store, the real frontend (../shared/killrvideo-frontend, unchanged) built and
// served by its own vite preview with /api proxied to that server, and Debian's chromium driven through
// the journeys a person takes. Everything it starts is stopped when it ends, however it ends.
//
//   node tests/e2e/run-journeys.mjs --build-dir build [--artifacts build/e2e] [--journeys a,b | --except a,b]
//                                   [--frontend DIR] [--data DIR]
//
// Prints "E2E SKIPPED: <why>" and exits 0 when the frontend or the sample data is absent, or when every
// journey asked for was skipped; exits 1 when a journey fails.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { stopAll } from '../../tools/site/ChildProcesses.mjs';
import { buildFrontend, isFrontend } from '../../tools/site/FrontendBuild.mjs';
import { servePreview } from '../../tools/site/FrontendPreview.mjs';
import { startServer } from '../../tools/site/KillrVideoServer.mjs';
import { journeys } from './journeys/index.mjs';
import { kModerator } from './journeys/People.mjs';
import { runJourneys } from './lib/JourneyRunner.mjs';
import { SampleData } from './lib/SampleData.mjs';
import { kChromium, Site } from './lib/Site.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
// Inside CTest's limit for the test (600 s), so a stuck run still stops its processes and says where it
// was. A run takes 1 to 3 minutes (README).
const kSuiteTimeoutMs = 570_000;

const say = (line) => console.log(line);

function options() {
  const { values } = parseArgs({
    options: {
      'build-dir': { type: 'string', default: join(repo, 'build') },
      artifacts: { type: 'string' },
      frontend: { type: 'string', default: join(repo, '..', 'shared', 'killrvideo-frontend') },
      data: { type: 'string', default: join(repo, '..', 'shared', 'killrvideo-data') },
      journeys: { type: 'string' },
      except: { type: 'string' },
    },
  });
  const buildDir = resolve(values['build-dir']);
  return {
    buildDir,
    artifacts: resolve(values.artifacts ?? join(buildDir, 'e2e')),
    frontend: resolve(values.frontend),
    data: resolve(values.data),
    only: values.journeys?.split(','),
    except: values.except?.split(',') ?? [],
  };
}

function chosen(opts) {
  const unknown = [...(opts.only ?? []), ...opts.except].filter((name) => !journeys.some((j) => j.name === name));
  if (unknown.length) throw new Error(`no journey named ${unknown.join(', ')} (journeys: ${journeys.map((j) => j.name).join(', ')})`);
  return journeys.filter((j) => (!opts.only || opts.only.includes(j.name)) && !opts.except.includes(j.name));
}

function checkPrerequisites(opts) {
  const missing = [];
  if (!existsSync(kChromium)) missing.push(`${kChromium} (Debian's chromium)`);
  if (!existsSync(join(here, 'node_modules', 'playwright-core'))) missing.push(`${join(here, 'node_modules')} (npm ci)`);
  for (const binary of ['killrvideo', 'killrvideo-load']) {
    if (!existsSync(join(opts.buildDir, 'bin', binary))) missing.push(join(opts.buildDir, 'bin', binary));
  }
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run bash tools/install-deps.sh and bash tools/build.sh`);
}

async function main() {
  const opts = options();
  const selected = chosen(opts);
  if (!isFrontend(opts.frontend)) return skip(`the KillrVideo frontend is not at ${opts.frontend}`);
  if (!existsSync(join(opts.data, 'videos_cleaned.csv'))) return skip(`the KillrVideo sample data is not at ${opts.data}`);
  checkPrerequisites(opts);
  const started = Date.now();
  const logs = join(opts.artifacts, 'logs');
  mkdirSync(logs, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'killrvideo-e2e-'));
  // Also when a signal ends the run (after its processes are stopped): the store goes with it.
  process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
  let site;
  try {
    const [server, builtFrontend] = await Promise.all([
      startServer({ buildDir: opts.buildDir, workDir, sampleDataDir: opts.data, moderators: [kModerator.email] }),
      buildFrontend({ frontendDir: opts.frontend, lockFile: join(here, 'frontend', 'package-lock.json'), logDir: logs, say }),
    ]);
    say(`server: ${server.url} (plugins: ${server.plugins.join(', ')})`);
    const preview = await servePreview({ builtDir: builtFrontend, backendUrl: server.url, logDir: logs });
    say(`frontend: ${preview.url} (set up in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    site = new Site({ frontendUrl: preview.url, serverUrl: server.url, data: new SampleData(opts.data), runId: Date.now().toString(36) });
    await site.launch();
    const outcome = await runJourneys(selected, site, { artifactsDir: opts.artifacts, say });
    say(`${outcome.passed.length} passed, ${outcome.failed.length} failed, ${outcome.skipped.length} skipped ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s; ${site.outside.summary()}`);
    if (outcome.failed.length) {
      say(`the server's, the loader's and the frontend's logs: ${logs}`);
      return 1;
    }
    if (outcome.skipped.length === selected.length) return skip(outcome.skipped.map((j) => `${j.name}: ${j.reason}`).join('; '));
    return 0;
  } finally {
    await site?.close();
    await stopAll();
    for (const log of ['server.log', 'load.log']) {
      if (existsSync(join(workDir, log))) copyFileSync(join(workDir, log), join(logs, log));
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}

function skip(reason) {
  say(`E2E SKIPPED: ${reason}`);
  return 0;
}

const watchdog = setTimeout(() => {
  say(`FAILED: the suite ran for over ${kSuiteTimeoutMs / 1000} s; stopping everything it started`);
  stopAll().finally(() => process.exit(1));
}, kSuiteTimeoutMs);
watchdog.unref();

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    say(`FAILED: ${error.stack ?? error.message}`);
    stopAll().finally(() => { process.exitCode = 1; });
  },
);
