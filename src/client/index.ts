export { EngineClient, WATCHDOG_MS, type StuckWork } from './EngineClient';
export { EngineRequestError } from './EngineRequestError';
export { browserHost } from './browserHost';
