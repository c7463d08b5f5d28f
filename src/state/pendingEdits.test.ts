import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import {
  dropSharedJournal,
  journalUnsentEdit,
  takeUnsentEdit,
  unsentEditVerdict,
  type JournalStorage,
  type UnsentEdit,
} from './pendingEdits';
import { emptyFlow } from './flowEdits';

class MemoryStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const renamed: FlowDocument = { ...emptyFlow(), name: 'Renamed' };
const edit: UnsentEdit = { flow: renamed, basedOn: { flowId: 'current', revision: 7 }, unconfirmed: 0 };
const writer = { writer: true } as const;

describe('the unsent edit journal', () => {
  it('gives back what this tab journaled, with the flow and revision it was made on, once', () => {
    const tab = new MemoryStorage();
    journalUnsentEdit(edit, tab);
    expect(takeUnsentEdit(tab)).toEqual(edit);
    expect(takeUnsentEdit(tab)).toBeUndefined();
  });

  it('is kept in the storage it is given, so another tab (another sessionStorage) finds nothing', () => {
    const tab = new MemoryStorage();
    const otherTab = new MemoryStorage();
    journalUnsentEdit(edit, tab);
    expect(takeUnsentEdit(otherTab)).toBeUndefined();
    expect(takeUnsentEdit(tab)).toEqual(edit);
  });

  it('drops an entry that does not say which flow and revision it belongs to', () => {
    const tab = new MemoryStorage();
    tab.setItem('tidemark.unsentEdit', JSON.stringify({ flow: renamed }));
    expect(takeUnsentEdit(tab)).toBeUndefined();
    expect(tab.items.size).toBe(0);
    tab.setItem('tidemark.unsentEdit', '{not json');
    expect(takeUnsentEdit(tab)).toBeUndefined();
    expect(tab.items.size).toBe(0);
  });

  it('clears the journal older versions shared between tabs, and says whether there was one', () => {
    const shared = new MemoryStorage();
    expect(dropSharedJournal(shared)).toBe(false);
    shared.setItem('tidemark.unsentFlow', JSON.stringify(renamed));
    expect(dropSharedJournal(shared)).toBe(true);
    expect(shared.items.size).toBe(0);
  });
});

describe('unsentEditVerdict', () => {
  it('applies an edit when this tab saves and the stored flow is still the one at the revision it was made on', () => {
    expect(unsentEditVerdict(edit, writer, { flowId: 'current', revision: 7 })).toEqual({ apply: true });
  });

  it('applies it when the only newer revisions are the edits this tab had sent and not seen confirmed', () => {
    const sent = { ...edit, unconfirmed: 2 };
    expect(unsentEditVerdict(sent, writer, { flowId: 'current', revision: 8 })).toEqual({ apply: true });
    expect(unsentEditVerdict(sent, writer, { flowId: 'current', revision: 9 })).toEqual({ apply: true });
    expect(unsentEditVerdict(sent, writer, { flowId: 'current', revision: 10 })).toMatchObject({ apply: false });
  });

  it('refuses in a tab that does not save', () => {
    const verdict = unsentEditVerdict(edit, { writer: false, reason: 'Tidemark is open in another tab' }, null);
    expect(verdict).toEqual({ apply: false, reason: 'this tab does not save now' });
  });

  it('refuses when the stored flow was saved again since, or is another flow, or is gone', () => {
    expect(unsentEditVerdict(edit, writer, { flowId: 'current', revision: 8 })).toEqual({
      apply: false,
      reason: 'the stored flow was saved again after it was made, and applying it could undo that',
    });
    expect(unsentEditVerdict(edit, writer, { flowId: 'current', revision: 2 })).toMatchObject({ apply: false });
    expect(unsentEditVerdict(edit, writer, { flowId: 'other', revision: 7 })).toEqual({
      apply: false,
      reason: 'the stored flow is another one now',
    });
    expect(unsentEditVerdict(edit, writer, null)).toEqual({ apply: false, reason: 'no flow is stored to apply it to' });
  });
});
