import { getOwn, hasOwn, setOwn } from '../lib/ownRecord';
import type { CodeSandbox } from './code/codeSandbox';
import { errorMessage } from './code/errorMessage';
import type { RunContext } from './nodes/runContext';
import type { InvariantBreak } from './stepRecord';

// Invariants are the person's predicates over node states ("stock never below zero"), checked
// after every step of a flow that has any. A step records an invariant when it breaks it, not
// while it stays broken, so the first violation is the one that pauses the run.

/** What `holds(nodes)` sees of one node: its name, kind, state (a copy) and counters. */
interface NodeView {
  readonly name: string;
  readonly kind: string;
  readonly state: unknown;
  readonly counters: unknown;
}

/** Nodes by id whose state is copied only when read, so a predicate that looks at one node pays for one. */
function nodesView(run: RunContext): Readonly<Record<string, NodeView>> {
  const view: Record<string, NodeView> = {};
  for (const node of run.flow.nodes) {
    Object.defineProperty(view, node.id, {
      enumerable: true,
      get: () => {
        const state = getOwn(run.state.nodes, node.id);
        return {
          name: node.name,
          kind: node.kind,
          state: structuredClone(state?.data ?? {}),
          counters: { ...(state?.counters ?? {}) },
        };
      },
    });
  }
  return view;
}

const INVARIANT_NAMES = ['holds'] as const;

function evaluate(sandbox: CodeSandbox, code: string, nodes: Readonly<Record<string, NodeView>>): string | undefined {
  const compiled = sandbox.module<{ holds?: (nodes: unknown) => unknown }>(code, INVARIANT_NAMES);
  if (!compiled.ok) return `does not compile: ${compiled.error}`;
  try {
    const holds = compiled.load().holds;
    if (typeof holds !== 'function') return 'the code must define function holds(nodes)';
    const verdict = holds(nodes);
    if (verdict === true || verdict === undefined) return undefined;
    return typeof verdict === 'string' ? verdict : 'holds(nodes) returned false';
  } catch (error) {
    return `threw: ${errorMessage(error)}`;
  }
}

/** The invariants this step broke (held before, fail now); updates which are broken. */
export function checkInvariants(run: RunContext): InvariantBreak[] | undefined {
  const invariants = run.flow.invariants ?? [];
  const brokenNow = run.state.broken;
  let breaks: InvariantBreak[] | undefined;
  let nodes: Readonly<Record<string, NodeView>> | undefined;
  for (const invariant of invariants) {
    const reason = evaluate(run.code, invariant.code, (nodes ??= nodesView(run)));
    if (reason === undefined) {
      delete brokenNow[invariant.id];
      continue;
    }
    if (hasOwn(brokenNow, invariant.id)) continue;
    setOwn(brokenNow, invariant.id, true);
    (breaks ??= []).push({ id: invariant.id, name: invariant.name, reason });
  }
  return breaks;
}
