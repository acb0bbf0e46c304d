// A visitor pages through every video, newest first: twelve a page, "Showing a–b of 500 videos", uploader
// names on every card, the last page holding the oldest eight.

import assert from 'node:assert/strict';

import { assertNamed, until, videoCards } from '../lib/Checks.mjs';

const kPageSize = 12;

async function expectPage(page, site, number) {
  const total = site.data.videos.length;
  const from = (number - 1) * kPageSize;
  const to = Math.min(from + kPageSize, total);
  await page.getByText(`Showing ${from + 1}–${to} of ${total} videos`).waitFor();
  const titles = site.data.titlesBetween(from, to);
  await until(async () => {
    const cards = await videoCards(page);
    assert.equal(cards.length, to - from, `page ${number} shows ${cards.length} videos`);
    for (const card of cards) assert.ok(titles.has(card.title), `page ${number} shows "${card.title}", not one of its videos`);
    cards.forEach(assertNamed);
  });
}

export default {
  name: 'explore',
  async run(site) {
    const page = await site.persona('visitor');
    await page.goto('/explore');
    await page.getByRole('heading', { name: 'Explore Videos' }).waitFor();
    await expectPage(page, site, 1);
    await page.getByRole('button', { name: 'Next' }).click();
    await expectPage(page, site, 2);
    const last = Math.ceil(site.data.videos.length / kPageSize);
    await page.getByRole('button', { name: String(last), exact: true }).click();
    await expectPage(page, site, last);
    assert.ok(await page.getByRole('button', { name: 'Next' }).isDisabled(), 'Next is enabled on the last page');
    await page.getByRole('button', { name: 'Previous' }).click();
    await expectPage(page, site, last - 1);
  },
};
