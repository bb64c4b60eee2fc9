// A browser file builds the web app when it changed, starts an API and a Chromium: its hooks
// need more than Jest's 5 s (the steps themselves wait on locators, never on fixed sleeps).
jest.setTimeout(180_000);
