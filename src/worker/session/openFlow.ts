import { CodeSandbox, type RuntimeSnapshot } from '../../engine';
import { kindModule } from '../../kinds/registry';
import { BranchRun } from '../../run';
import { hasHandlerCode, type FlowDocument } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import type { BranchInfo, StoredFlow, StoredWork } from '../../protocol';
import { SEGMENT_SIZE, type BranchRecord, type FlowRecord, type TidemarkStore } from '../../storage';

export const FLOW_ID = 'current';
/** A snapshot every SEGMENT_SIZE steps bounds a seek to one segment of replay. */
export const SNAPSHOT_EVERY = SEGMENT_SIZE;
/** Every fifth snapshot is stored (each names the topic segments it shares with the last); a seek from storage replays at most five segments. */
const PERSIST_EVERY = 5;
/** Snapshots the worker keeps in memory per branch; older ones are read back from storage (a read model can make each one large). */
const SNAPSHOTS_IN_MEMORY = 128;

function toInfo(b: BranchRecord): BranchInfo {
  return { id: b.id, name: b.name, parentId: b.parentId, forkStep: b.forkStep, head: b.head };
}

/**
 * Why each handler that does not compile fails (such a node fails every delivery). For a flow whose
 * code is not trusted this is found by parsing alone: nothing of it is evaluated.
 */
export function handlerCodeErrors(flow: FlowDocument, code: CodeSandbox): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const node of flow.nodes) {
    const source = getOwn(flow.code, node.id);
    if (!hasHandlerCode(node.kind) || source === undefined) continue;
    const check = kindModule(node.kind).codeProblem;
    const problem = check ? check(code, source) : code.handlerProblem(source);
    if (problem !== undefined) setOwn(errors, node.id, problem);
  }
  return errors;
}

/** The flow in effect at the end of a branch: its base flow after every recorded edit. */
export function latestFlow(branch: BranchRecord): FlowDocument {
  let flow = branch.baseFlow;
  for (const { input } of branch.inputs) if (input.type === 'flow') flow = input.flow;
  return flow;
}

/** The open flow as the worker holds it: the document, its trust, its branches and their runs. */
export class OpenFlow {
  flow: FlowDocument | null = null;
  readonly branches = new Map<string, BranchRecord>();
  readonly runs = new Map<string, BranchRun>();
  branchId = '';
  /** The open flow was changed since it was opened (stored with it, so a reload still knows). */
  edited = false;
  /** The open flow's user code: its own compartment, trusted or not. */
  code = new CodeSandbox({ trusted: false });
  /** The stored flow record's revision. */
  flowRevision = 0;

  constructor(readonly store: TidemarkStore | undefined) {}

  get branch(): BranchRecord {
    return this.branches.get(this.branchId)!;
  }

  get run(): BranchRun {
    return this.runs.get(this.branchId)!;
  }

  branchInfos(): BranchInfo[] {
    return [...this.branches.values()].map(toInfo);
  }

  /** Whether the open flow's code may run: opened from an example or trusted by the person. */
  get trusted(): boolean {
    return this.code.isTrusted;
  }

  /** What replacing the open flow would delete, or undefined when it holds nothing the person made: no step, fork or edit. */
  storedWork(): StoredWork | undefined {
    if (!this.flow) return undefined;
    const branches = [...this.branches.values()];
    const steps = branches.reduce((sum, b) => sum + b.head - b.forkStep, 0);
    if (steps === 0 && branches.length <= 1 && !this.edited) return undefined;
    return { name: this.flow.name, steps, branches: branches.length, edited: this.edited };
  }

  /** Handler compile errors of the open flow (parsed only while untrusted). */
  codeErrors(): Record<string, string> {
    return this.flow ? handlerCodeErrors(this.flow, this.code) : {};
  }

  /** Refuses what would run an untrusted flow's code, saying how to allow it. */
  requireTrust(what: string): void {
    if (!this.code.isTrusted)
      throw new Error(
        `${what} would run this flow's code, which you have not trusted yet: review the code, then choose "Trust this flow".`,
      );
  }

  /** A branch by id (the current one when none is given); an unknown id throws. */
  branchOf(branchId: string = this.branchId): BranchRecord {
    const branch = this.branches.get(branchId);
    if (!branch) throw new Error(`no branch with id ${branchId}`);
    return branch;
  }

  /** The branch's run, built (at step 0, cursor unmoved elsewhere) the first time it is needed. */
  runOf(branch: BranchRecord): BranchRun {
    let run = this.runs.get(branch.id);
    if (!run) {
      run = this.newRun(branch);
      this.runs.set(branch.id, run);
    }
    return run;
  }

  /** A run of the branch at step 0 (no cursor moved, no user code run); throws if the engine cannot start its flow. */
  newRun(
    branch: Pick<BranchRecord, 'baseFlow' | 'inputs' | 'head'>,
    snapshots?: ReadonlyMap<number, RuntimeSnapshot>,
    code = this.code,
  ): BranchRun {
    return new BranchRun({
      code,
      baseFlow: branch.baseFlow,
      inputs: branch.inputs,
      head: branch.head,
      snapshotEvery: SNAPSHOT_EVERY,
      persistEvery: PERSIST_EVERY,
      ...(snapshots ? { snapshots } : {}),
      ...this.snapshotWindow(),
    });
  }

  /** With storage, memory keeps a window of snapshots and the rest are read back; without, memory keeps them all. */
  private snapshotWindow(): { keepInMemory?: number } {
    return this.store ? { keepInMemory: SNAPSHOTS_IN_MEMORY } : {};
  }

  /** The flow's stored record at the next revision, with its trust and whether the person edited it. */
  flowRecord(flow: FlowDocument, trusted: boolean, edited: boolean): FlowRecord {
    return { id: FLOW_ID, flow, savedAt: Date.now(), revision: this.flowRevision + 1, trusted, edited };
  }

  /** A flow record has been stored: the session now stands where it says. */
  flowSaved(record: FlowRecord): void {
    this.flow = record.flow;
    this.edited = record.edited === true;
    this.flowRevision = record.revision ?? this.flowRevision;
  }

  /** The stored flow and its revision; null when this tab does not save. */
  storedFlow(): StoredFlow | null {
    return this.store ? { flowId: FLOW_ID, revision: this.flowRevision } : null;
  }

  /** The flow document to show for the current branch: its latest flow with the canvas layout kept. */
  branchFlow(): FlowDocument {
    const flow = latestFlow(this.branch);
    return this.flow ? { ...flow, name: this.flow.name, layout: { ...flow.layout, ...this.flow.layout } } : flow;
  }
}
