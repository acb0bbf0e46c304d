// A visitor opens the site: the five newest videos, each with its title, its uploader's name and its views.

import assert from 'node:assert/strict';

import { formatViews } from '../lib/SampleData.mjs';
import { assertNamed, until, videoCards } from '../lib/Checks.mjs';

export default {
  name: 'home',
  async run(site) {
    const page = await site.persona('visitor');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Featured Videos' }).waitFor();
    const newest = site.data.videos.slice(0, 5);
    await until(async () => {
      const cards = await videoCards(page);
      assert.deepEqual(cards.map((c) => c.title), newest.map((v) => v.title));
      assert.deepEqual(cards.map((c) => c.creator), newest.map((v) => v.uploaderName));
      assert.deepEqual(cards.map((c) => c.views), newest.map((v) => formatViews(v.views)));
      assert.deepEqual(cards.map((c) => c.href), newest.map((v) => `/watch/${v.id}`));
      cards.forEach(assertNamed);
    });
    await page.getByRole('link', { name: 'Explore Videos' }).click();
    await page.waitForURL('**/explore');
  },
};
