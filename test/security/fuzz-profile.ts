/**
 * How much schemathesis generates: the short form runs in `npm test`
 * (test/integration/security/fuzz.test.ts), the long one in
 * `npm run test:fuzz` (test/security/fuzz.ts). Fixed seeds, so a failure
 * reproduces; FUZZ_SEED and FUZZ_MAX_EXAMPLES change the long run.
 */
export const FUZZ_SHORT_FORM = {
  maxExamples: 15,
  phases: ['fuzzing', 'stateful'],
  seed: 1,
  minRequests: 150,
} as const;

export const FUZZ_LONG_FORM = {
  maxExamples: Number(process.env.FUZZ_MAX_EXAMPLES ?? 100),
  phases: ['examples', 'coverage', 'fuzzing', 'stateful'],
  seed: Number(process.env.FUZZ_SEED ?? 20_261_203),
  minRequests: 1000,
} as const;
