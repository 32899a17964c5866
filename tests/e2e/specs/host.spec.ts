import { expect, test } from '../fixtures.js';

test('the browser host refuses a visitor without the token', async ({ browser, host }) => {
  const stranger = await browser.newPage();
  const response = await stranger.goto(new URL('/', host.url).toString());
  expect(response?.status()).toBe(403);
  await stranger.close();
});
