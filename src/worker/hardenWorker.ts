import { hardenRealm } from '../engine';

// Imported first by the worker's entry module, so lockdown() runs before the other modules evaluate.
hardenRealm();
