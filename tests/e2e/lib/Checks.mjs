// What journeys assert with: retrying a check until the page has settled, reading video cards as a person
// reads them, and the marker for a journey that cannot run here.

import assert from 'node:assert/strict';

// The page renders as answers arrive: a check is retried until it holds or `timeout` ms have passed, and
// then fails with its own last message.
export async function until(check, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

// Thrown by a journey whose subject is not in this build: reported as skipped, never as passed.
export class Skip extends Error {}

const kUuidPrefix = /^[0-9a-f]{8}$/;

// The video cards of a page (home, explore, trending, search, related) or of a part of one, as shown:
// title, creator, views, link.
export async function videoCards(scope) {
  return scope.locator('.group:has(a[href^="/watch/"] h3)').evaluateAll((cards) => cards.map((card) => ({
    title: card.querySelector('h3').textContent.trim(),
    creator: card.querySelector('p.text-sm')?.textContent.trim() ?? '',
    views: card.querySelector('span.flex.items-center')?.textContent.trim() ?? '',
    href: card.querySelector('a[href^="/watch/"]').getAttribute('href'),
  })));
}

// A creator shown as a person's name, not as the first characters of an id.
export function assertNamed(card) {
  assert.ok(card.creator && !kUuidPrefix.test(card.creator), `"${card.title}" shows its uploader as "${card.creator}"`);
}

// The text of the toast notifications on screen (sonner's and the radix toaster's).
export async function toasts(page) {
  return page.locator('[data-sonner-toast], li[data-swipe-direction]').allInnerTexts();
}

export async function untilToast(page, text) {
  await until(async () => {
    const shown = await toasts(page);
    assert.ok(shown.some((toast) => toast.includes(text)), `no toast "${text}" (toasts: ${JSON.stringify(shown)})`);
  });
}
