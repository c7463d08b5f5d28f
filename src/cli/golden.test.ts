import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from './goldenCases';
import { EXAMPLES_DIR, GOLDEN_DIR, goldenOutput } from './goldenRun';

// A change that alters any run fails here; accept it on purpose with `npm run golden:update` and review the diff.
describe('golden logs: every example runs exactly as recorded', () => {
  it('has a golden case for every example file', () => {
    const examples = readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(examples.filter((e) => !GOLDEN_CASES.some((g) => g.example === e))).toEqual([]);
  });

  for (const golden of GOLDEN_CASES) {
    it(`${golden.name}: the CLI prints the recorded log byte for byte`, async () => {
      const recorded = readFileSync(`${GOLDEN_DIR}${golden.name}.jsonl`, 'utf8');
      const actual = await goldenOutput(golden);
      if (actual === recorded) return;
      const a = actual.split('\n');
      const r = recorded.split('\n');
      const line = a.findIndex((text, i) => text !== r[i]);
      // Name the first line that differs rather than dumping two large strings.
      expect({ line: line + 1, actual: a[line], recorded: r[line] }).toEqual({
        line: line + 1,
        actual: r[line],
        recorded: r[line],
      });
    });
  }
});
