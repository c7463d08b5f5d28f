// `npm run golden:update`: rewrites src/cli/golden/*.jsonl from the current engine. Run it only when a change to a run is intended, and review the diff.
import { writeFileSync } from 'node:fs';
import { hardenRealm } from '../engine';
import { GOLDEN_CASES } from './goldenCases';
import { GOLDEN_DIR, goldenOutput } from './goldenRun';

hardenRealm();
for (const golden of GOLDEN_CASES) {
  writeFileSync(`${GOLDEN_DIR}${golden.name}.jsonl`, await goldenOutput(golden));
  console.log(`wrote ${golden.name}.jsonl`);
}
