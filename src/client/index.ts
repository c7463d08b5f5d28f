export { EngineClient } from './EngineClient';
export { EngineRequestError } from './EngineRequestError';
