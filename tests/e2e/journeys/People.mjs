// The people of the journeys. The moderator's email is in the server's auth.moderators list, so the
// account they register is a moderator's.

export const kMember = { firstName: 'Ada', lastName: 'Walkthrough', email: 'ada-e2e@example.com', password: 'correct horse 42' };
export const kModerator = { firstName: 'Mona', lastName: 'Reviewer', email: 'moderator-e2e@example.com', password: 'moderate me 42' };
