import type { DBSchema, IDBPDatabase } from 'idb';
import type { BranchRecord, FlowRecord, SnapshotRecord, StoredSegment } from './records';

export const DB_NAME = 'tidemark';
export const DB_VERSION = 1;

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC
export const StoreName = {
  Flows: 'flows',
  Branches: 'branches',
  Segments: 'segments',
  Snapshots: 'snapshots',
  Meta: 'meta',
} as const;
export type StoreName = (typeof StoreName)[keyof typeof StoreName];

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC
export const BRANCHES_BY_FLOW = 'byFlow';

export interface TidemarkSchema extends DBSchema {
  flows: { key: string; value: FlowRecord };
  branches: { key: string; value: BranchRecord; indexes: { byFlow: string } };
  segments: { key: [branchId: string, firstStep: number]; value: StoredSegment };
  snapshots: { key: [branchId: string, step: number]; value: SnapshotRecord };
  meta: { key: string; value: unknown };
}

/** Brings a database from oldVersion up to DB_VERSION, one version at a time. */
export function upgrade(db: IDBPDatabase<TidemarkSchema>, oldVersion: number): void {
  switch (oldVersion) {
    case 0: {
      db.createObjectStore(StoreName.Flows, { keyPath: 'id' });
      const branches = db.createObjectStore(StoreName.Branches, { keyPath: 'id' });
      branches.createIndex(BRANCHES_BY_FLOW, 'flowId');
      db.createObjectStore(StoreName.Segments, { keyPath: ['branchId', 'firstStep'] });
      db.createObjectStore(StoreName.Snapshots, { keyPath: ['branchId', 'step'] });
      db.createObjectStore(StoreName.Meta);
    }
    // falls through: the next version adds `case 1:` here so every older database climbs the whole ladder
  }
}
