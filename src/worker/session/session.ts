import type { ResetTarget, StepRecord } from '../../engine';
import type { BranchRun } from '../../run';
import type { FlowDocument } from '../../flow';
import type { BranchInfo, EngineNotice, EngineToUi, Frame, Speed, StoredFlow, StoredWork } from '../../protocol';
import type { BookmarkRecord, BranchRecord, TidemarkStore } from '../../storage';
import { Persister } from '../persister';
import { Player } from '../player';
import type { RowReader } from '../stepSearch';
import type { Timers } from '../timers';
import { Debugging } from './debugging';
import { FlowEditing } from './flowEditing';
import { FramePacing } from './framePacing';
import { Inputs } from './inputs';
import { Loading } from './loading';
import { LogRows } from './logRows';
import { OpenFlow } from './openFlow';
import { Running } from './running';
import { StorageFailure } from './storageFailure';
import { TimeTravel } from './timeTravel';

/**
 * Owns one flow's runs inside the worker: the branches, the active BranchRun, the player that
 * paces it on `timers`, and the persister that stores what it records. Each concern is a part of
 * its own; this class wires them and is what the request handlers see.
 */
export class Session {
  readonly persister: Persister;
  readonly player: Player;
  private readonly open: OpenFlow;
  private readonly log: LogRows;
  private readonly frames: FramePacing;
  private readonly travel: TimeTravel;
  private readonly loading: Loading;
  private readonly running: Running;
  private readonly inputs: Inputs;
  private readonly editing: FlowEditing;
  private readonly debugging: Debugging;

  constructor(
    readonly store: TidemarkStore | undefined,
    private readonly post: (message: EngineToUi) => void,
    timers: Timers,
  ) {
    const notify = (notice: EngineNotice): void => this.notify(notice);
    const open = (this.open = new OpenFlow(store));
    // Persister and player call back into parts built below them, which exist by the time they call.
    const persister = (this.persister = new Persister(
      store,
      (error): Promise<void> => storageFailure.backToStoredHead(error),
      timers,
    ));
    const player = (this.player = new Player(
      {
        nextTime: () => open.run.nextTime(),
        currentTime: () => open.run.state.time,
        advance: () => this.running.advance(),
        afterSlice: () => this.frames.maybeFrame(),
        finished: () => this.running.stopped('The run has nothing left to do: no producer is scheduled.'),
      },
      timers,
    ));
    const log = (this.log = new LogRows(open, persister));
    const frames = (this.frames = new FramePacing(open, player, post, timers));
    const travel = (this.travel = new TimeTravel(open, persister, player, log, frames));
    this.loading = new Loading(open, persister, player, log, frames, travel, notify);
    const running = (this.running = new Running(open, persister, player, frames, notify));
    this.inputs = new Inputs(open, persister, running, frames);
    this.editing = new FlowEditing(open, persister, this.inputs, frames);
    this.debugging = new Debugging(open, persister, travel, frames);
    const storageFailure = new StorageFailure(open, persister, player, log, frames, travel, notify);
  }

  // ---- the open flow ----

  get flow(): FlowDocument | null {
    return this.open.flow;
  }

  get branches(): ReadonlyMap<string, BranchRecord> {
    return this.open.branches;
  }

  get branch(): BranchRecord {
    return this.open.branch;
  }

  get run(): BranchRun {
    return this.open.run;
  }

  get trusted(): boolean {
    return this.open.trusted;
  }

  branchInfos(): BranchInfo[] {
    return this.open.branchInfos();
  }

  storedWork(): StoredWork | undefined {
    return this.open.storedWork();
  }

  codeErrors(): Record<string, string> {
    return this.open.codeErrors();
  }

  requireTrust(what: string): void {
    this.open.requireTrust(what);
  }

  branchOf(branchId?: string): BranchRecord {
    return this.open.branchOf(branchId);
  }

  branchFlow(): FlowDocument {
    return this.open.branchFlow();
  }

  storedFlow(): StoredFlow | null {
    return this.open.storedFlow();
  }

  notify(notice: EngineNotice): void {
    this.post({ kind: 'notice', notice });
  }

  // ---- loading ----

  restore(): Promise<void> {
    return this.loading.restore();
  }

  trust(): Promise<void> {
    return this.loading.trust();
  }

  startFresh(flow: FlowDocument, options: Parameters<Loading['startFresh']>[1]): Promise<void> {
    return this.loading.startFresh(flow, options);
  }

  updateFlow(flow: FlowDocument): ReturnType<FlowEditing['updateFlow']> {
    return this.editing.updateFlow(flow);
  }

  // ---- running ----

  advance(): boolean {
    return this.running.advance();
  }

  play(): void {
    this.running.play();
  }

  pause(): Promise<void> {
    return this.running.pause();
  }

  step(): Promise<void> {
    return this.running.step();
  }

  setSpeed(speed: Speed): void {
    this.running.setSpeed(speed);
  }

  publish(producer: string, data: unknown): number {
    return this.inputs.publish(producer, data);
  }

  sendCommand(node: string, data: unknown): number {
    return this.inputs.sendCommand(node, data);
  }

  rebuild(node: string): number {
    return this.inputs.rebuild(node);
  }

  publishMany(producer: string, events: readonly unknown[]): { first: number; last: number } {
    return this.inputs.publishMany(producer, events);
  }

  controlConsumer(node: string, action: 'crash' | 'restart'): number {
    return this.inputs.controlConsumer(node, action);
  }

  resetOffsets(group: string, target: ResetTarget): number {
    return this.inputs.resetOffsets(group, target);
  }

  // ---- time travel ----

  seek(target: number): Promise<void> {
    return this.travel.seek(target);
  }

  fork(name: string): Promise<void> {
    return this.travel.fork(name);
  }

  switchBranch(branchId: string): Promise<void> {
    return this.travel.switchBranch(branchId);
  }

  deleteBranch(branchId: string): Promise<boolean> {
    return this.travel.deleteBranch(branchId);
  }

  // ---- debugging ----

  peek(branch: BranchRecord, step: number): ReturnType<Debugging['peek']> {
    return this.debugging.peek(branch, step);
  }

  changeBookmarks(change: (list: readonly BookmarkRecord[]) => BookmarkRecord[]): Promise<BookmarkRecord[]> {
    return this.debugging.changeBookmarks(change);
  }

  // ---- log rows ----

  rows(from: number, count: number, branch?: BranchRecord): Promise<StepRecord[]> {
    return this.log.rows(from, count, branch);
  }

  reader(branch: BranchRecord): RowReader {
    return this.log.reader(branch);
  }

  // ---- frames ----

  frame(): Frame {
    return this.frames.frame();
  }

  pushFrame(): void {
    this.frames.pushFrame();
  }

  frameShown(): void {
    this.frames.frameShown();
  }

  pushMarkers(force = false): void {
    this.frames.pushMarkers(force);
  }
}
