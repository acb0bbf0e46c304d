// The moderator (an address in auth.moderators) signs up and works the queue: reviews the first report and
// approves it from its detail page with a note, approves the second straight from the queue, rejects the
// third. Visitors then no longer find the two removed videos, and still find the third.

import assert from 'node:assert/strict';

import { until, untilToast, videoCards } from '../lib/Checks.mjs';
import { logIn, openAccountMenu, register } from './account.mjs';
import { flaggedVideos, kOtherReason } from './flag.mjs';
import { kModerator } from './People.mjs';

const kNote = 'Spam: removed by the end-to-end suite';

// The queue's card of the report on `video`.
function flagCard(page, video) {
  return page.getByText(`Video: ${video.title}`, { exact: true })
    .locator('xpath=ancestor::div[contains(@class,"rounded-lg")][1]');
}

async function expectStatus(card, status) {
  await card.getByText(status, { exact: true }).waitFor();
}

// The explore page's total, and the titles on its last page.
async function explore(page) {
  await page.goto('/explore');
  const shown = page.getByText(/^Showing 1–12 of \d+ videos$/);
  await shown.waitFor();
  const total = Number((await shown.textContent()).match(/of (\d+) videos/)[1]);
  const last = Math.ceil(total / 12);
  await page.getByRole('button', { name: String(last), exact: true }).click();
  await page.getByText(`Showing ${(last - 1) * 12 + 1}–${total} of ${total} videos`).waitFor();
  const oldest = await until(async () => {
    const cards = await videoCards(page);
    assert.equal(cards.length, total - (last - 1) * 12);
    return cards.map((card) => card.title);
  });
  return { total, oldest };
}

export default {
  name: 'moderation',
  async run(site) {
    const [first, second, third] = flaggedVideos(site.data);
    const visitor = await site.persona('visitor');
    const before = await explore(visitor);
    assert.ok([first, second, third].every((video) => before.oldest.includes(video.title)), 'the reported videos are not the oldest');

    const page = await site.persona('moderator');
    await register(page, kModerator);
    await logIn(page, kModerator);
    const menu = await openAccountMenu(page, kModerator);
    await menu.getByRole('menuitem', { name: 'Moderation' }).click();
    await page.getByRole('heading', { name: 'Moderation Dashboard' }).waitFor();
    for (const [video, reason] of [[first, 'spam'], [second, 'spam'], [third, 'other']]) {
      await flagCard(page, video).getByText(new RegExp(`^Reason: ${reason} • Reported `)).waitFor();
    }
    await flagCard(page, third).getByText(`Additional details: ${kOtherReason}`).waitFor();

    await flagCard(page, first).getByRole('button', { name: 'Review' }).click();
    await untilToast(page, 'Flag under_review successfully');
    await expectStatus(flagCard(page, first), 'under review');
    await flagCard(page, first).getByRole('link', { name: 'View Details' }).click();
    await page.waitForURL('**/moderation/flags/*');
    await page.locator('#moderatorNotes').fill(kNote);
    await page.getByRole('button', { name: 'Approve Flag & Remove Content' }).click();
    await untilToast(page, 'Flag approved successfully');
    await page.waitForURL((url) => url.pathname === '/moderation');
    await expectStatus(flagCard(page, first), 'approved');
    await flagCard(page, first).getByText(kNote).waitFor();

    await flagCard(page, second).getByRole('button', { name: 'Approve & Remove' }).click();
    await untilToast(page, 'Flag approved successfully');
    await expectStatus(flagCard(page, second), 'approved');

    await flagCard(page, third).getByRole('button', { name: 'Reject' }).click();
    await untilToast(page, 'Flag rejected successfully');
    await expectStatus(flagCard(page, third), 'rejected');

    await page.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Approved' }).click();
    await until(async () => {
      const shown = await page.getByText(/^Video: /).allTextContents();
      assert.deepEqual(shown.sort(), [`Video: ${first.title}`, `Video: ${second.title}`].sort());
    });

    // A removed video is gone for everyone else: its page says so (its API calls answer 404 by design).
    for (const video of [first, second]) site.watch.allow('GET', new RegExp(video.id), 404);
    await visitor.goto(`/watch/${first.id}`);
    await visitor.getByRole('heading', { level: 1, name: 'Video not found' }).waitFor();
    const after = await explore(visitor);
    assert.equal(after.total, before.total - 2, 'the explore total still counts the removed videos');
    assert.ok(!after.oldest.includes(first.title) && !after.oldest.includes(second.title),
      `removed videos still listed: ${after.oldest.join(' | ')}`);
    assert.ok(after.oldest.includes(third.title), `the video whose report was rejected is gone: ${after.oldest.join(' | ')}`);
  },
};
