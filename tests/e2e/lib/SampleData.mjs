// What the sample data set says a person should see, read straight from its CSV files — independently of
// the loader and the server. Videos are keyed as every file but videos_cleaned.csv keys them (by their
// playback-stats id); videos_cleaned.csv row n is the video of video_playback_stats.csv row n.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';

function rows(dir, file) {
  return parse(readFileSync(join(dir, file)), { columns: true, bom: true });
}

function groupBy(list, key) {
  const groups = new Map();
  for (const item of list) groups.set(item[key], [...(groups.get(item[key]) ?? []), item]);
  return groups;
}

// As the frontend's cards and watch page print a count.
export function formatViews(count) {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(1)}M`;
  if (count >= 1_000) return `${(count / 1_000).toFixed(1)}K`;
  return String(count);
}

export class SampleData {
  constructor(dir) {
    const cleaned = rows(dir, 'videos_cleaned.csv');
    const stats = rows(dir, 'video_playback_stats.csv');
    const users = new Map(rows(dir, 'users.csv').map((user) => [user.userid, user]));
    const latest = rows(dir, 'latest_videos.csv');
    const ratings = new Map(rows(dir, 'video_ratings.csv').map((rating) => [rating.videoid, rating]));
    const comments = groupBy(rows(dir, 'comments.csv'), 'videoid');
    const uploaders = new Map(latest.map((video) => [video.videoid, video.userid]));
    this.users = users;
    // Newest first, as the export lists them.
    this.videos = cleaned.map((video, i) => {
      const id = stats[i].videoid;
      const rating = ratings.get(id);
      const uploader = users.get(uploaders.get(id));
      return {
        id,
        position: i,
        title: video.name,
        addedDate: video.added_date,
        youtubeId: video.location.split('/').pop(),
        views: Number(stats[i].views),
        uploaderName: uploader ? `${uploader.firstname} ${uploader.lastname}` : undefined,  // known for the newest 100
        ratingCount: rating ? Number(rating.rating_counter) : 0,
        ratingTotal: rating ? Number(rating.rating_total) : 0,
        comments: (comments.get(id) ?? []).map((comment) => ({
          text: comment.comment,
          author: `${users.get(comment.userid).firstname} ${users.get(comment.userid).lastname}`,
        })),
      };
    });
  }

  // The titles a listing newest first may show at positions [from, to): those of the videos uploaded
  // between the last and the first of them (videos uploaded at the same instant may come in either order).
  titlesBetween(from, to) {
    const newest = this.videos[from].addedDate;
    const oldest = this.videos[to - 1].addedDate;
    return new Set(this.videos.filter((v) => v.addedDate <= newest && v.addedDate >= oldest).map((v) => v.title));
  }

  // The newest video matching `test`, or an error naming what was looked for.
  find(description, test) {
    const video = this.videos.find(test);
    if (!video) throw new Error(`the sample data has no ${description}`);
    return video;
  }
}
