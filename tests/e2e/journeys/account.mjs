// A visitor becomes a member: registers (the contract's register answers no token, so the frontend asks
// them to sign in), mistypes the password (told so), signs in (initials in the header, name and email in
// its menu), logs out and signs in again.

import assert from 'node:assert/strict';

import { untilToast } from '../lib/Checks.mjs';
import { kMember } from './People.mjs';

// The header's account menu; opens it.
export async function openAccountMenu(page, person) {
  await page.getByRole('button', { name: `${person.firstName[0]}${person.lastName[0]}`, exact: true }).click();
  return page.getByRole('menu');
}

export async function register(page, person) {
  await page.goto('/auth');
  await page.getByRole('tab', { name: 'Register' }).click();
  await page.locator('#firstName').fill(person.firstName);
  await page.locator('#lastName').fill(person.lastName);
  await page.locator('#registerEmail').fill(person.email);
  await page.locator('#registerPassword').fill(person.password);
  await page.getByRole('button', { name: 'Create Account' }).click();
  await untilToast(page, 'Registration successful!');
  await page.waitForURL((url) => url.pathname === '/');
}

async function submitLogIn(page, person, password) {
  await page.goto('/auth');
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

export async function logIn(page, person) {
  await submitLogIn(page, person, person.password);
  await untilToast(page, 'Login successful!');
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('link', { name: 'Creator Studio' }).waitFor();
}

export default {
  name: 'account',
  async run(site) {
    const page = await site.persona('member');
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign In' }).click();
    await page.waitForURL('**/auth');
    await register(page, kMember);

    site.watch.allow('POST', /^\/api\/v1\/users\/login$/, 401);
    await submitLogIn(page, kMember, 'not my password');
    await untilToast(page, 'Incorrect email or password');
    assert.equal(new URL(page.url()).pathname, '/auth');

    await logIn(page, kMember);
    const menu = await openAccountMenu(page, kMember);
    await menu.getByText(`${kMember.firstName} ${kMember.lastName}`).waitFor();
    await menu.getByText(kMember.email).waitFor();
    await menu.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign In' }).waitFor();
    await logIn(page, kMember);
  },
};
