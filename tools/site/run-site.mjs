// The whole site in one command (tools/run-site.sh): the server on build/site/data with the sample data
// loaded (the demo data when ../shared/killrvideo-data is absent), the real frontend built from
// FRONTEND_DIR and served by its vite preview with /api proxied to the server. Prints the URL to open;
// Ctrl-C stops both.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { stopAll, stopRequested } from './ChildProcesses.mjs';
import { buildFrontend, isFrontend } from './FrontendBuild.mjs';
import { servePreview } from './FrontendPreview.mjs';
import { startServer } from './KillrVideoServer.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// As in config/killrvideo.yaml: whoever signs up with this address is a moderator.
const kModerator = 'admin@example.com';
const kPreferredPort = 8080;

// Kept beside the store, so a member stays signed in when the site is started again.
function jwtSecret(workDir) {
  const file = join(workDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function portIsFree(port, host) {
  return new Promise((resolvePort) => {
    const probe = createServer().once('error', () => resolvePort(false));
    probe.listen(port, host, () => probe.close(() => resolvePort(true)));
  });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: join(repo, '..', 'shared', 'killrvideo-data') },
    },
  });
  const frontendDir = resolve(positionals[0] ?? join(repo, '..', 'shared', 'killrvideo-frontend'));
  if (!isFrontend(frontendDir)) throw new Error(`${frontendDir} is not the KillrVideo frontend (no package.json and vite.config.ts)`);
  const sampleDataDir = existsSync(join(values.data, 'videos_cleaned.csv')) ? resolve(values.data) : null;
  const workDir = join(repo, 'build', 'site');
  mkdirSync(workDir, { recursive: true });
  console.log(`loading ${sampleDataDir ?? 'the demo data'} into ${join(workDir, 'data')} (once; delete the folder to start over)`);
  const [server, built] = await Promise.all([
    startServer({ buildDir: join(repo, 'build'), workDir, sampleDataDir, moderators: [kModerator], jwtSecret: jwtSecret(workDir) }),
    buildFrontend({ frontendDir, lockFile: join(repo, 'tests', 'e2e', 'frontend', 'package-lock.json'), logDir: workDir, say: console.log }),
  ]);
  const port = (await portIsFree(kPreferredPort, values.host)) ? kPreferredPort : 0;
  const preview = await servePreview({ builtDir: built, backendUrl: server.url, logDir: workDir, host: values.host, port });
  console.log([
    '',
    `KillrVideo is running: open ${preview.url}`,
    `  API ${server.url} (plugins: ${server.plugins.join(', ')}); logs in ${workDir}`,
    `  Sign up as ${kModerator} to moderate. Ctrl-C stops the site.`,
  ].join('\n'));
  const ended = await Promise.race([server.process.exited.then(() => 'the server'), preview.process.exited.then(() => 'the frontend')]);
  throw new Error(`${ended} stopped; see the logs in ${workDir}`);
}

main().catch(async (error) => {
  if (stopRequested()) return;  // Ctrl-C: everything is being stopped already
  console.error(`run-site: ${error.message}`);
  await stopAll();
  process.exit(1);
});
