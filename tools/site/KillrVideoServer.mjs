// The real server for the site: a config beside an embedded store, the sample data loaded into it by
// killrvideo-load, and build/bin/killrvideo on a free loopback port (server.port 0, read from its log).

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ChildProcess, runToEnd } from './ChildProcesses.mjs';

// In the order design §1 lists them; `search` joins once its plugin is built.
const kPlugins = ['accounts', 'catalog', 'search', 'comments_ratings', 'recommendations', 'moderation'];
const kStartTimeoutMs = 30_000;

function quoted(text) {
  return JSON.stringify(text);  // a JSON string is a valid YAML double-quoted scalar
}

function configYaml({ dataDir, pluginDir, plugins, moderators, jwtSecret, listen, port }) {
  return [
    'server:',
    `  listen: ${listen}`,
    `  port: ${port}`,
    'auth:',
    `  jwt_secret: ${quoted(jwtSecret)}`,
    `  moderators: [${moderators.map(quoted).join(', ')}]`,
    'database:',
    '  backend: embedded',
    `  embedded: { data_dir: ${quoted(dataDir)} }`,
    `plugin_dirs: [${quoted(pluginDir)}]`,
    'plugins:',
    ...plugins.map((name) => `  - { name: ${name} }`),
    '',
  ].join('\n');
}

// The plugins of kPlugins that are built in `pluginDir`.
export function builtPlugins(pluginDir) {
  return kPlugins.filter((name) => existsSync(join(pluginDir, `${name}.so`)));
}

// Starts the server on `workDir/data` (created if needed), after loading `sampleDataDir` — or, without one,
// the loader's demo data — into it unless it already has videos. Logs go to `workDir/*.log`. Resolves to
// { url, process, plugins }.
export async function startServer({
  buildDir, workDir, sampleDataDir, moderators = [], listen = '127.0.0.1', port = 0, jwtSecret = randomBytes(32).toString('hex'),
}) {
  const pluginDir = join(buildDir, 'bin', 'plugins');
  const plugins = builtPlugins(pluginDir);
  const configPath = join(workDir, 'killrvideo.yaml');
  mkdirSync(join(workDir, 'data'), { recursive: true });
  writeFileSync(configPath, configYaml({
    dataDir: join(workDir, 'data'), pluginDir, plugins, moderators, listen, port, jwtSecret,
  }), { mode: 0o600 });  // it holds the token secret
  await runToEnd('killrvideo-load', join(buildDir, 'bin', 'killrvideo-load'),
    ['--config', configPath, '--if-empty', sampleDataDir ?? '--demo'], { cwd: workDir, logFile: join(workDir, 'load.log') });
  const server = new ChildProcess('killrvideo', join(buildDir, 'bin', 'killrvideo'), ['--config', configPath],
    { cwd: workDir, logFile: join(workDir, 'server.log') });
  const [, url] = await server.waitForLine(/killrvideo listening on (http:\/\/\S+)/, kStartTimeoutMs);
  // The server listens on `listen`; a wildcard address is reached on loopback.
  return { url: url.replace('//0.0.0.0:', '//127.0.0.1:'), process: server, plugins };
}
