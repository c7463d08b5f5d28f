import type { EngineToUi, UiToEngine } from '../protocol';

/** The worker global, typed by our protocol (the project compiles with the DOM lib, not WebWorker). */
export interface WorkerScope {
  postMessage(message: EngineToUi): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<UiToEngine>) => void): void;
}
