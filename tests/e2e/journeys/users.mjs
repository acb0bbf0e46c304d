// The moderator manages users: finds the member by name, makes them a moderator and revokes it again, and
// finds a user of the sample data by last name.

import { untilToast } from '../lib/Checks.mjs';
import { kMember } from './People.mjs';

async function search(page, text) {
  await page.getByPlaceholder('Search users by name or email...').fill(text);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

export default {
  name: 'users',
  async run(site) {
    const page = await site.persona('moderator');
    await page.goto('/moderation');
    await page.getByRole('tab', { name: 'User Management' }).click();
    await page.getByRole('link', { name: 'Manage Users' }).click();
    await page.getByRole('heading', { name: 'User Management' }).waitFor();

    await search(page, kMember.lastName);
    const card = page.locator('div.rounded-lg', { has: page.getByText(kMember.email, { exact: true }) }).last();
    await card.getByRole('heading', { name: `${kMember.firstName} ${kMember.lastName}` }).waitFor();
    await card.getByRole('button', { name: 'Make Moderator' }).click();
    await untilToast(page, 'Moderator role assigned successfully');
    await card.getByText('Moderator', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Revoke Moderator' }).click();
    await untilToast(page, 'Moderator role revoked successfully');
    await card.getByRole('button', { name: 'Make Moderator' }).waitFor();
    await card.getByText('Moderator', { exact: true }).waitFor({ state: 'detached' });

    const [sampleUser] = site.data.users.values();
    await search(page, sampleUser.lastname);
    const found = page.locator('div.rounded-lg', { has: page.getByText(sampleUser.email, { exact: true }) }).last();
    await found.getByRole('heading', { name: `${sampleUser.firstname} ${sampleUser.lastname}` }).waitFor();
  },
};
