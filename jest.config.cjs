/** Jest with ts-jest: unit and integration tests under tests/; browser tests in tests/browser run in the same suite. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // static/ is an ES module package for Vite; its pure modules are compiled to CommonJS for jest.
    '^.+/static/.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, jsx: 'react-jsx' },
        diagnostics: false,
      },
    ],
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 60000,
};
