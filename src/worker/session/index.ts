// A Session is one flow's runs in the worker, made of parts with one concern each:
//   openFlow      the open flow, its trust, its branches and their runs (the state the others share)
//   loading       restore from storage, start over with a flow, trust its code
//   running       step, play, pause, speed; what each step records
//   inputs        publishes, commands, consumer crashes, offset resets recorded at the branch's end
//   flowEditing   the person's edits: stored, made the run's start, or recorded as an input
//   storageFailure a failed write puts the run back at its stored head
//   timeTravel    seek, fork, switch and delete branches from the nearest snapshot
//   debugging     a state at a step without moving, bookmarks
//   logRows       rows read from memory or stored segments
//   framePacing   frames and markers to the UI, paced by what it has shown
// session.ts wires them; time comes in as Timers (real in engine.worker.ts, manual in tests).
export { FLOW_ID } from './openFlow';
export { Session } from './session';
