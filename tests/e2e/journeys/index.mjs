// The journeys, in the order people take them: later ones build on what earlier ones left (the member's
// account, comment and rating, the reports the moderator then decides). `search` needs nothing before it.

import account from './account.mjs';
import comment from './comment.mjs';
import creator from './creator.mjs';
import explore from './explore.mjs';
import flag from './flag.mjs';
import home from './home.mjs';
import moderation from './moderation.mjs';
import profile from './profile.mjs';
import rate from './rate.mjs';
import search from './search.mjs';
import trending from './trending.mjs';
import users from './users.mjs';
import watch from './watch.mjs';

export const journeys = [home, explore, watch, trending, search, account, comment, rate, creator, profile, flag,
  moderation, users];
