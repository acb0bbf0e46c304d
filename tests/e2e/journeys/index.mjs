// The journeys, in the order people take them: later ones build on what earlier ones left (the member's
// account, comment and rating; the flags the moderator then decides).

import account from './account.mjs';
import comment from './comment.mjs';
import explore from './explore.mjs';
import home from './home.mjs';
import rate from './rate.mjs';
import watch from './watch.mjs';

export const journeys = [home, explore, watch, account, comment, rate];
