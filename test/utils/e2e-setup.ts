// e2e files start a real API and PostgreSQL database; their hooks need more than Jest's 5 s.
jest.setTimeout(60_000);
