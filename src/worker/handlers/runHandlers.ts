import type { Session } from '../session';
import type { HandlerGroup } from './handlerRegistry';

/** Play, pause, step and speed. */
export function runHandlers(session: Session): HandlerGroup {
  return {
    play: () => (session.play(), null),
    pause: async () => (await session.pause(), null),
    step: async () => (await session.step(), null),
    setSpeed: ({ speed }) => (session.setSpeed(speed), null),
  };
}
