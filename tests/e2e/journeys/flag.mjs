// The member reports three videos — two as spam, one for another reason with details — each confirmed by
// the site. The moderator decides them next.

import { untilToast } from '../lib/Checks.mjs';

// The three oldest videos: no other journey looks for them.
export function flaggedVideos(data) {
  return data.videos.slice(-3).reverse();
}

export const kOtherReason = 'Reuploaded from another channel (e2e)';

async function report(page, video, reason, details) {
  await page.goto(`/watch/${video.id}`);
  await page.getByRole('heading', { level: 1, name: video.title }).waitFor();
  await page.getByRole('button', { name: 'Report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report this video' });
  await dialog.getByLabel(reason).click();
  if (details) await dialog.locator('#reasonText').fill(details);
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await untilToast(page, 'Report submitted');
  await dialog.waitFor({ state: 'hidden' });
}

export default {
  name: 'flag',
  async run(site) {
    const page = await site.persona('member');
    const [first, second, third] = flaggedVideos(site.data);
    await report(page, first, 'Spam or misleading');
    await report(page, second, 'Spam or misleading');
    await report(page, third, 'Other', kOtherReason);
  },
};
