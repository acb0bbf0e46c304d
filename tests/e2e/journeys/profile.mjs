// The member opens their profile: their details, the comment they wrote, and their activity — views,
// the comment and the rating — with each filter showing only its kind.

import assert from 'node:assert/strict';

import { until } from '../lib/Checks.mjs';
import { openAccountMenu } from './account.mjs';
import { kMember } from './People.mjs';
import { watchedVideo } from './watch.mjs';

async function activityLabels(page) {
  const rows = page.locator('div.border-b:has(a[href^="/watch/"])');
  return rows.evaluateAll((found) => found.map((row) => ({
    label: row.querySelector('.inline-flex, [class*="badge"]')?.textContent.trim() ?? row.textContent,
    href: row.querySelector('a').getAttribute('href'),
  })));
}

export default {
  name: 'profile',
  async run(site) {
    const video = watchedVideo(site.data);
    const page = await site.persona('member');
    await page.goto('/');
    const menu = await openAccountMenu(page, kMember);
    await menu.getByRole('menuitem', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'My Profile' }).waitFor();
    await page.getByText(kMember.email, { exact: true }).waitFor();
    await page.getByText(/^(viewer, creator|creator, viewer)$/).waitFor();

    await page.getByRole('tab', { name: 'My Comments' }).click();
    const comment = site.state.comment?.text ?? 'the comment journey did not run';
    await page.getByText(comment, { exact: true }).waitFor();
    await page.getByText(`Video ID: ${video.id}`).waitFor();
    await page.getByText('Showing 1 of 1 comments').waitFor();

    await page.getByRole('tab', { name: 'Activity', exact: true }).click();
    await page.getByRole('heading', { name: 'Activity Timeline', exact: true }).waitFor();
    await until(async () => {
      const rows = await activityLabels(page);
      const kinds = new Set(rows.filter((row) => row.href === `/watch/${video.id}`).map((row) => row.label));
      for (const kind of ['Viewed', 'Commented', 'Rated']) assert.ok(kinds.has(kind), `no "${kind}" of the watched video in ${JSON.stringify(rows)}`);
    });
    for (const [filter, kind] of [['Comments', 'Commented'], ['Ratings', 'Rated'], ['Views', 'Viewed']]) {
      await page.getByRole('tab', { name: filter, exact: true }).click();
      await until(async () => {
        const rows = await activityLabels(page);
        assert.ok(rows.length > 0, `the ${filter} filter shows nothing`);
        assert.ok(rows.every((row) => row.label === kind), `the ${filter} filter shows ${JSON.stringify(rows)}`);
      });
    }
  },
};
