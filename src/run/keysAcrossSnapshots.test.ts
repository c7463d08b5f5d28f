import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { BranchRun } from './branchRun';
import { CodeSandbox } from '../engine';
import { flowOf, PROTOTYPE_NAMES, renameStrings } from './keysFixture';
import { Runtime } from './runtime';

const EXAMPLES = fileURLToPath(new URL('../../public/examples/', import.meta.url));
const HEAD = 600;
const CHECKED = [0, 150, 333, 577, HEAD];
const RESTORED_AT = 333;

/** The example with its first six nodes and edges named like members of Object.prototype, the names turned by `turn`. */
function renamedExample(file: string, turn: number): FlowDocument {
  const doc = JSON.parse(readFileSync(`${EXAMPLES}${file}`, 'utf8')) as FlowDocument;
  const size = PROTOTYPE_NAMES.length;
  const names = new Map<string, string>();
  doc.nodes.slice(0, size).forEach((n, i) => names.set(n.id, PROTOTYPE_NAMES[(i + turn) % size]!));
  doc.edges.slice(0, size).forEach((e, i) => names.set(e.id, PROTOTYPE_NAMES[(i + turn + 1) % size]!));
  return flowOf(renameStrings(doc, names));
}

/** States (as JSON text, which keeps an own "__proto__" key) at the checked steps of an uninterrupted run, and its log. */
function reference(flow: FlowDocument): { states: Map<number, string>; log: string[] } {
  const runtime = Runtime.start(flow);
  const states = new Map<number, string>();
  const log: string[] = [];
  for (let s = 0; s <= HEAD; s++) {
    if (CHECKED.includes(s)) states.set(s, JSON.stringify(runtime.state));
    if (s === HEAD) break;
    log.push(JSON.stringify(runtime.step()));
  }
  return { states, log };
}

const FILES = [
  'consumer-group.json',
  'dead-letter.json',
  'pubsub.json',
  'request-reply.json',
  'cqrs-read-models.json',
  'topic-exchange.json',
];

describe('ids named like Object.prototype members survive snapshots, restores and seeks', () => {
  for (const file of FILES) {
    it(
      `${file}: seeks across snapshots, and a restore from a stored copy, give the uninterrupted run`,
      { timeout: 60_000 },
      () => {
        // Each turn gives every one of the first six nodes another name, "__proto__" included.
        for (let turn = 0; turn < PROTOTYPE_NAMES.length; turn++) {
          const flow = renamedExample(file, turn);
          const expected = reference(flow);
          const branch = new BranchRun({
            code: new CodeSandbox(),
            baseFlow: flow,
            inputs: [],
            head: 0,
            snapshotEvery: 100,
          });
          while (branch.cursor < HEAD) branch.advance();
          for (const step of [...[...CHECKED].reverse(), ...CHECKED]) {
            branch.seek(step);
            expect(JSON.stringify(branch.state), `turn ${turn}: seek to ${step}`).toBe(expected.states.get(step));
          }
          // IndexedDB stores a structured clone: every record comes back with an ordinary prototype.
          branch.seek(RESTORED_AT);
          const restored = Runtime.restore(
            structuredClone(branch.context instanceof Runtime ? branch.context.snapshot() : undefined)!,
          );
          const log: string[] = [];
          for (let s = RESTORED_AT; s < HEAD; s++) log.push(JSON.stringify(restored.step()));
          expect(log, `turn ${turn}: run on from a restored copy`).toEqual(expected.log.slice(RESTORED_AT));
        }
      },
    );
  }
});
