// Builds the real KillrVideo frontend, unchanged, outside the repository: a copy of its folder in the
// system's temporary directory, `npm ci` from the npm registry against the lock file kept beside the
// tests (the snapshot has none), then `vite build`. The built copy is kept under a name made of the hash
// of everything that goes into it, so later runs with the same frontend reuse it.

import { createHash } from 'node:crypto';
import {
  chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { runToEnd } from './ChildProcesses.mjs';

const kBuiltMarker = '.killrvideo-built';
const kSkipped = new Set(['node_modules', 'dist', '.git']);

function filesOf(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !kSkipped.has(entry.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesOf(path, root) : [relative(root, path)];
    })
    .sort();
}

function contentHash(frontendDir, lockFile) {
  const hash = createHash('sha256');
  hash.update(process.version);
  for (const file of filesOf(frontendDir)) hash.update(file).update('\0').update(readFileSync(join(frontendDir, file)));
  hash.update(readFileSync(lockFile));
  return hash.digest('hex').slice(0, 16);
}

// The snapshot's files are read-only; the copy must take node_modules and dist.
function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

// Resolves to the folder holding the built frontend (dist/, node_modules/, its vite config). `say` gets a
// line for each step.
export async function buildFrontend({ frontendDir, lockFile, logDir, say = () => {} }) {
  const built = join(tmpdir(), `killrvideo-frontend-${contentHash(frontendDir, lockFile)}`);
  if (existsSync(join(built, kBuiltMarker))) {
    say(`frontend: reusing the build in ${built}`);
    return built;
  }
  const work = mkdtempSync(`${built}-partial-`);
  try {
    cpSync(frontendDir, work, { recursive: true, filter: (source) => !kSkipped.has(source.split('/').pop()) });
    makeWritable(work);
    copyFileSync(lockFile, join(work, 'package-lock.json'));
    const options = { cwd: work, logFile: join(logDir, 'frontend-build.log'), env: { NO_COLOR: '1' } };
    say(`frontend: npm ci in ${work}`);
    try {
      await runToEnd('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'], options);
    } catch (error) {
      // The snapshot's package.json changed since the lock was made: resolve afresh, and say so.
      say(`frontend: npm ci refused the lock file (${lockFile}); running npm install instead — refresh the lock ` +
          `with the package-lock.json it writes (${work})`);
      await runToEnd('npm install', 'npm', ['install', '--no-audit', '--no-fund'], options);
    }
    say('frontend: vite build');
    await runToEnd('vite build', process.execPath, [join(work, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], options);
    writeFileSync(join(work, kBuiltMarker), new Date().toISOString());
    try {
      renameSync(work, built);
    } catch {
      // Another run finished the same build first: use it.
      rmSync(work, { recursive: true, force: true });
    }
    return built;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

// Whether `dir` looks like the KillrVideo frontend (package.json and vite config).
export function isFrontend(dir) {
  return existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'vite.config.ts'));
}
