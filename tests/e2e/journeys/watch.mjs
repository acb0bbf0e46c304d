// A visitor watches a video: its title, the player for its YouTube id, the view counted (the count goes up
// by one), uploader, rating, its comments with their authors' names, and related videos that lead on.
// The same video is the member's later (comment, rate, profile).

import assert from 'node:assert/strict';

import { formatViews } from '../lib/SampleData.mjs';
import { until, videoCards } from '../lib/Checks.mjs';

// Newest-100 videos have a known uploader; a few comments fit on the first page; under 1,000 views the
// count is shown exactly, so one more view shows.
export function watchedVideo(data) {
  return data.find('video with an uploader, 2 to 10 comments, 2 or more ratings and under 1,000 views', (v) =>
    v.uploaderName && v.comments.length >= 2 && v.comments.length <= 10 && v.ratingCount >= 2 && v.views < 1000);
}

export function roundedAverage(total, count) {
  return Math.round((total / count) * 100) / 100;
}

export default {
  name: 'watch',
  async run(site) {
    const video = watchedVideo(site.data);
    const page = await site.persona('visitor');
    await page.goto(`/watch/${video.id}`);
    await page.getByRole('heading', { level: 1, name: video.title }).waitFor();

    const player = page.locator(`iframe[src="https://www.youtube.com/embed/${video.youtubeId}"]`);
    await player.waitFor();
    const standIn = page.frameLocator(`iframe[src="https://www.youtube.com/embed/${video.youtubeId}"]`).locator('#stand-in');
    assert.equal(await standIn.textContent(), `YouTube player stand-in for video ${video.youtubeId}`);

    await page.getByText(`${formatViews(video.views + 1)} views`).waitFor();
    await until(() => assert.equal(site.watch.made('POST', new RegExp(`/videos/id/${video.id}/view$`)).length, 1));
    await page.getByRole('heading', { name: `Uploaded by: ${video.uploaderName}` }).waitFor();
    await page.getByText(`${roundedAverage(video.ratingTotal, video.ratingCount)} rating`, { exact: true }).waitFor();

    for (const comment of video.comments) {
      const card = page.locator('div.rounded-lg', { has: page.getByText(comment.text, { exact: true }) });
      await until(async () => assert.ok(
        (await card.allInnerTexts()).some((text) => text.includes(comment.author)),
        `comment "${comment.text}" is not shown with its author ${comment.author}`));
    }

    await page.getByRole('heading', { name: 'Related Videos' }).waitFor();
    const related = await until(async () => {
      const cards = await videoCards(page.locator('div:has(> h3:text("Related Videos"))'));
      assert.ok(cards.length > 0, 'no related video shown');
      assert.ok(cards.every((card) => card.href !== `/watch/${video.id}`), 'a video is related to itself');
      return cards;
    });
    await page.locator(`a[href="${related[0].href}"]`).first().click();
    await page.getByRole('heading', { level: 1, name: related[0].title }).waitFor();
    site.state.watched = video;
  },
};
