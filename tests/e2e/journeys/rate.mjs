// The member rates the watched video four stars: four stars light up, the average takes the rating in,
// and both are still there after a reload.

import assert from 'node:assert/strict';

import { until } from '../lib/Checks.mjs';
import { roundedAverage, watchedVideo } from './watch.mjs';

async function litStars(page) {
  return page.locator('button[aria-label^="Rate "] svg').evaluateAll((stars) =>
    stars.filter((star) => star.classList.contains('fill-accent')).length);
}

export default {
  name: 'rate',
  async run(site) {
    const video = watchedVideo(site.data);
    const page = await site.persona('member');
    await page.goto(`/watch/${video.id}`);
    await page.getByRole('heading', { level: 1, name: video.title }).waitFor();
    await page.getByRole('button', { name: 'Rate 4 stars' }).click();
    const average = roundedAverage(video.ratingTotal + 4, video.ratingCount + 1);
    await page.mouse.move(0, 0);  // hovering a star lights the stars up to it
    await page.getByText(`${average} rating`, { exact: true }).waitFor();
    await until(async () => assert.equal(await litStars(page), 4));

    await page.reload();
    await page.getByText(`${average} rating`, { exact: true }).waitFor();
    await until(async () => assert.equal(await litStars(page), 4, 'the rating is not shown as the member\'s after a reload'));
  },
};
