/**
 * A vitest `setupFiles` entry for the integration project: sets the local
 * stack's function environment before each test file is imported, so a test
 * may import handler modules statically.
 */
import { applyLocalStackEnvironment } from './local-api.js';

applyLocalStackEnvironment();
