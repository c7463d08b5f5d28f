// Vitest setup for the worker-side tests: the realm is locked down first, as in the worker and the CLI.
import { hardenRealm } from './hardenRealm';

hardenRealm();
