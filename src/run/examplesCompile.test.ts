import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../flow';
import { runFlow } from './runFlow';

const EXAMPLES = readdirSync('public/examples').filter((name) => name.endsWith('.json'));

describe('every example runs in the sandbox', () => {
  for (const name of EXAMPLES) {
    it(`${name}: no code of it is refused by the sandbox's checks in its first 3,000 steps`, () => {
      const parsed = parseFlow(readFileSync(`public/examples/${name}`, 'utf8'));
      if (!parsed.ok) throw new Error(`${name} is invalid`);
      const refused: string[] = [];
      runFlow(parsed.flow, 3000, (record) => {
        const text = JSON.stringify(record);
        if (/does not compile|is not defined|stopped after|payload template at/.test(text))
          refused.push(text.slice(0, 200));
      });
      expect(refused).toEqual([]);
    });
  }
});
