// The member comments on the video watched earlier: the comment appears first, under their name, and the
// box is emptied.

import assert from 'node:assert/strict';

import { until } from '../lib/Checks.mjs';
import { kMember } from './People.mjs';
import { watchedVideo } from './watch.mjs';

export default {
  name: 'comment',
  async run(site) {
    const video = watchedVideo(site.data);
    const page = await site.persona('member');
    await page.goto(`/watch/${video.id}`);
    const text = `Clear walkthrough, thanks (e2e ${site.runId})`;
    await page.getByPlaceholder('Add a comment...').fill(text);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const first = page.locator('div.space-y-4 > div.rounded-lg').first();
    await first.getByText(text, { exact: true }).waitFor();
    await first.getByText(`${kMember.firstName} ${kMember.lastName}`, { exact: true }).waitFor();
    await until(async () => assert.equal(await page.getByPlaceholder('Add a comment...').inputValue(), '', 'the box keeps the sent text'));
    site.state.comment = { video, text };
  },
};
