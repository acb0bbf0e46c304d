// A visitor searches from the header: the results page names the query, counts the results and shows
// videos about it with their uploaders' names. Skipped, never passed, while the server has no search
// route (the search plugin is not in this build).

import assert from 'node:assert/strict';

import { assertNamed, Skip, until, videoCards } from '../lib/Checks.mjs';

const kQuery = 'Langflow';

export default {
  name: 'search',
  async run(site) {
    const status = await site.serverStatus(`/api/v1/search/videos?query=${kQuery}&mode=semantic`);
    if (status === 404) throw new Skip(`GET /api/v1/search/videos answers 404: the search plugin is not in this build`);
    const page = await site.persona('visitor');
    await page.goto('/');
    const box = page.locator('header').getByPlaceholder('Search for videos, creators, or topics...');
    await box.fill(kQuery);
    await box.press('Enter');
    await page.waitForURL(`**/search?q=${kQuery}`);
    await page.getByRole('heading', { name: `Search Results for "${kQuery}"` }).waitFor();
    await page.getByText(/^\d+ results found$/).waitFor();
    const total = Number((await page.getByText(/^\d+ results found$/).textContent()).split(' ')[0]);
    assert.ok(total > 0, 'no result for a word in many titles');
    await until(async () => {
      const cards = await videoCards(page);
      assert.ok(cards.length > 0 && cards.length <= 20, `${cards.length} cards on the first page`);
      assert.ok(cards.some((card) => card.title.toLowerCase().includes(kQuery.toLowerCase())),
        `no result is titled with "${kQuery}": ${cards.map((card) => card.title).join(' | ')}`);
      cards.forEach(assertNamed);
    });
  },
};
