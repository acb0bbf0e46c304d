// Serves a built frontend with its own `vite preview`, whose /api proxy (the frontend's vite.config.ts)
// is pointed at the server through VITE_BACKEND_URL, on a free port (reported by vite).

import { join } from 'node:path';

import { ChildProcess } from './ChildProcesses.mjs';

const kStartTimeoutMs = 30_000;

// Resolves to { url, process }.
export async function servePreview({ builtDir, backendUrl, logDir, host = '127.0.0.1', port = 0 }) {
  const preview = new ChildProcess('vite preview', process.execPath,
    [join(builtDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', host, '--port', String(port),
      '--strictPort'],
    { cwd: builtDir, logFile: join(logDir, 'frontend-preview.log'), env: { VITE_BACKEND_URL: backendUrl, NO_COLOR: '1' } });
  const [, url] = await preview.waitForLine(/Local:\s+(http:\/\/\S+?)\/?\s*$/, kStartTimeoutMs);
  return { url, process: preview };
}
