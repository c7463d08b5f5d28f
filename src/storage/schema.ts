import type { DBSchema, IDBPDatabase } from 'idb';
import type { BranchRecord, FlowRecord, StoredSegment } from './records';
import type { StoredSnapshot, TopicSegmentRecord } from './snapshotPacking';

export const DB_NAME = 'tidemark';
export const DB_VERSION = 2;

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC
export const StoreName = {
  Flows: 'flows',
  Branches: 'branches',
  Segments: 'segments',
  Snapshots: 'snapshots',
  Meta: 'meta',
  /** Closed topic segments that stored snapshots name (version 2). */
  TopicSegments: 'topicSegments',
} as const;
export type StoreName = (typeof StoreName)[keyof typeof StoreName];

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC
export const BRANCHES_BY_FLOW = 'byFlow';

export interface TidemarkSchema extends DBSchema {
  flows: { key: string; value: FlowRecord };
  branches: { key: string; value: BranchRecord; indexes: { byFlow: string } };
  segments: { key: [branchId: string, firstStep: number]; value: StoredSegment };
  snapshots: { key: [branchId: string, step: number]; value: StoredSnapshot };
  meta: { key: string; value: unknown };
  topicSegments: { key: string; value: TopicSegmentRecord };
}

/** Brings a database from oldVersion up to DB_VERSION, one version at a time: every older database climbs the whole ladder. */
export function upgrade(db: IDBPDatabase<TidemarkSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(StoreName.Flows, { keyPath: 'id' });
    const branches = db.createObjectStore(StoreName.Branches, { keyPath: 'id' });
    branches.createIndex(BRANCHES_BY_FLOW, 'flowId');
    db.createObjectStore(StoreName.Segments, { keyPath: ['branchId', 'firstStep'] });
    db.createObjectStore(StoreName.Snapshots, { keyPath: ['branchId', 'step'] });
    db.createObjectStore(StoreName.Meta);
  }
  if (oldVersion < 2) db.createObjectStore(StoreName.TopicSegments, { keyPath: 'id' });
  // The next version adds `if (oldVersion < 3)` here.
}
