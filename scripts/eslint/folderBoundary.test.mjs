import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bypassedFolder } from './folderBoundary.mjs';

/** A tree: src/engine/index.ts, src/engine/runtime.ts, src/engine/brokers/kafka/{index,log}.ts, src/engine/code/sandbox.ts, src/worker/session.ts. */
function tree() {
  const root = mkdtempSync(path.join(tmpdir(), 'boundary-'));
  const file = (rel) => {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, '');
    return full;
  };
  return {
    engineIndex: file('src/engine/index.ts'),
    runtime: file('src/engine/runtime.ts'),
    kafkaIndex: file('src/engine/brokers/kafka/index.ts'),
    kafkaLog: file('src/engine/brokers/kafka/log.ts'),
    sandbox: file('src/engine/code/sandbox.ts'),
    session: file('src/worker/session.ts'),
  };
}

describe('folder boundary: a folder with an index.ts is entered through it', () => {
  const t = tree();
  it('lets a file outside a folder import its index', () => {
    expect(bypassedFolder(t.session, t.engineIndex)).toBeUndefined();
  });
  it('refuses a file outside a folder reaching a file inside it', () => {
    expect(bypassedFolder(t.session, t.sandbox)).toBe(path.dirname(t.engineIndex));
  });
  it('lets siblings and files inside the folder import each other directly', () => {
    expect(bypassedFolder(t.runtime, t.sandbox)).toBeUndefined();
    expect(bypassedFolder(t.kafkaLog, t.kafkaIndex)).toBeUndefined();
  });
  it('applies to nested folders: inside engine, kafka is still entered through its index', () => {
    expect(bypassedFolder(t.runtime, t.kafkaLog)).toBe(path.dirname(t.kafkaLog));
    expect(bypassedFolder(t.runtime, t.kafkaIndex)).toBeUndefined();
  });
  it('refuses going through an outer index into an inner one from outside', () => {
    expect(bypassedFolder(t.session, t.kafkaIndex)).toBe(path.dirname(t.engineIndex));
  });
});
