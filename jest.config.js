// Unit tests sit beside the code (*.spec.ts); e2e tests (test/e2e) run against real PostgreSQL:
// TEST_DATABASE_URL when set, else one embedded server for the whole run. Browser tests
// (test/browser) drive a real Chromium against a real API serving the built web app; they share
// the e2e global setup (the same path, so Jest runs it once for both).
const transformer = '<rootDir>/test/utils/jest-swc-transformer.js';

// Packages published only as ES modules, compiled to CommonJS for Jest.
const ESM_ONLY = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  '@as-integrations',
  '@formatjs',
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': transformer },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: { '^@intradesk/([a-z-]+)$': '<rootDir>/libs/$1/src' },
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/utils/e2e-setup.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // The tests format the app's ICU messages as react-intl does.
      transformIgnorePatterns: [
        `/node_modules/(?!(${[...ESM_ONLY, 'intl-messageformat', '@formatjs'].join('|')})/)`,
      ],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/browser-setup.ts'],
    },
  ],
};
