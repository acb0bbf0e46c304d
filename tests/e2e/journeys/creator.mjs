// The member submits a YouTube video in the Creator Studio, finds it under Manage Videos, gives it a title
// and tags, and watches it with those.

import assert from 'node:assert/strict';

import { until, untilToast } from '../lib/Checks.mjs';
import { kMember } from './People.mjs';

const kYouTubeId = 'dQw4w9WgXcQ';

async function manageVideos(page) {
  await page.getByRole('tab', { name: 'Manage Videos' }).click();
}

export default {
  name: 'creator',
  async run(site) {
    const page = await site.persona('member');
    await page.goto('/');
    await page.getByRole('link', { name: 'Creator Studio' }).first().click();
    await page.getByRole('heading', { name: 'Creator Dashboard' }).waitFor();

    await page.locator('#youtube-url').fill(`https://www.youtube.com/watch?v=${kYouTubeId}`);
    await page.locator('#description').fill('Submitted by the end-to-end suite.');
    await page.locator('#tags').fill('e2e, walkthrough');
    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/videos');
    await page.getByRole('button', { name: 'Submit Video' }).click();
    const video = await (await submitted).json();
    await untilToast(page, 'Video submitted successfully!');

    await manageVideos(page);
    const card = page.locator('div.rounded-lg', { has: page.getByRole('button', { name: 'Edit' }) }).last();
    await card.getByRole('heading', { name: 'Untitled Video' }).waitFor();
    await card.getByText('READY', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Edit Video', { exact: true }).waitFor();
    await until(async () => assert.equal(await page.locator('#edit-title').inputValue(), 'Untitled Video'));
    const title = `Never gonna give you up (e2e ${site.runId})`;
    await page.locator('#edit-title').fill(title);
    await page.locator('#edit-tags').fill('e2e, walkthrough, music');
    await page.getByRole('button', { name: 'Update Video' }).click();
    await untilToast(page, 'Video updated successfully!');

    await page.reload();
    await manageVideos(page);
    const updated = page.locator('div.rounded-lg', { has: page.getByRole('heading', { name: title }) }).last();
    await updated.getByText('music', { exact: true }).waitFor();
    await page.getByText('Total Videos').locator('xpath=preceding-sibling::p').filter({ hasText: /^1$/ }).waitFor();

    await page.goto(`/watch/${video.videoId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator(`iframe[src="https://www.youtube.com/embed/${kYouTubeId}"]`).waitFor();
    await page.getByRole('heading', { name: `Uploaded by: ${kMember.firstName} ${kMember.lastName}` }).waitFor();
    for (const tag of ['e2e', 'walkthrough', 'music']) await page.getByText(tag, { exact: true }).first().waitFor();
    site.state.submitted = { id: video.videoId, title };
  },
};
