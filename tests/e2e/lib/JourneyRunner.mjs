// Runs journeys one after the other, as one visitor after another uses the site: each passes, fails (with
// a screenshot of every page open, and the API calls that failed) or is skipped because its subject is
// not in this build. One line each, then a summary.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Skip } from './Checks.mjs';

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

async function keepScreenshots(site, journey, artifactsDir) {
  mkdirSync(artifactsDir, { recursive: true });
  const kept = [];
  for (const [persona, page] of site.openPages()) {
    const file = join(artifactsDir, `${journey.name.replace(/\W+/g, '-')}-${persona}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      writeFileSync(file.replace(/\.png$/, '.html'), await page.content());
      kept.push(`${file} (${page.url()})`);
    } catch (error) {
      kept.push(`${persona}: no screenshot (${error.message.split('\n')[0]})`);
    }
  }
  return kept;
}

// Resolves to { passed, failed, skipped }: journey names, and for skipped ones { name, reason }.
export async function runJourneys(journeys, site, { artifactsDir, say }) {
  const outcome = { passed: [], failed: [], skipped: [] };
  for (const journey of journeys) {
    const started = Date.now();
    site.watch.begin();
    try {
      await journey.run(site);
      const failures = site.watch.failures();
      if (failures.length) throw new Error(`API calls failed:\n  ${failures.join('\n  ')}`);
      outcome.passed.push(journey.name);
      say(`PASSED   ${journey.name} (${seconds(started)}, ${site.watch.calls.length} API calls)`);
    } catch (error) {
      if (error instanceof Skip) {
        outcome.skipped.push({ name: journey.name, reason: error.message });
        say(`SKIPPED  ${journey.name}: ${error.message}`);
        continue;
      }
      outcome.failed.push(journey.name);
      const failures = site.watch.failures();
      say(`FAILED   ${journey.name} (${seconds(started)}): ${error.stack ?? error.message}`);
      if (failures.length && !String(error.message).startsWith('API calls failed')) {
        say(`         API calls that failed:\n           ${failures.join('\n           ')}`);
      }
      for (const kept of await keepScreenshots(site, journey, artifactsDir)) say(`         screenshot: ${kept}`);
    }
  }
  return outcome;
}
