// A visitor opens Trending: the videos watched today lead the past 24 hours, with their uploaders' names.

import assert from 'node:assert/strict';

import { assertNamed, until, videoCards } from '../lib/Checks.mjs';
import { watchedVideo } from './watch.mjs';

export default {
  name: 'trending',
  async run(site) {
    const video = watchedVideo(site.data);
    const page = await site.persona('visitor');
    await page.goto('/');
    await page.getByRole('link', { name: 'Trending', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Trending Videos' }).waitFor();
    await page.getByText('Most viewed videos past 24 hours').waitFor();
    await until(async () => {
      const cards = await videoCards(page);
      assert.ok(cards.some((card) => card.title === video.title), `"${video.title}", watched today, is not trending`);
      cards.forEach(assertNamed);
    });
    await page.getByText('#1', { exact: true }).waitFor();
  },
};
