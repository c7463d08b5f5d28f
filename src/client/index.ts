export { EngineClient, WATCHDOG_MS } from './EngineClient';
export { EngineRequestError } from './EngineRequestError';
