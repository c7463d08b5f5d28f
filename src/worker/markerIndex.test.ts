import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import { MARKERS_PER_KIND } from '../protocol';
import type { MarkerIndex } from '../storage';
import { indexStep, inheritMarkers, timelineMarkers, trimMarkers } from './markerIndex';

const fault = (step: number): StepRecord => ({
  kind: 'fault',
  step,
  time: step,
  node: 'orders',
  error: 'template threw',
});
const rebalance = (step: number): StepRecord => ({
  kind: 'rebalance',
  step,
  time: step,
  node: '',
  group: 'g',
  generation: 1,
  reason: 'member-joined',
  before: {},
  after: {},
});
const commit = (step: number): StepRecord => ({ kind: 'commit', step, time: step, node: 'c', group: 'g', offsets: {} });

describe('marker index', () => {
  it('indexes marked steps by kind and skips ordinary ones', () => {
    const index: MarkerIndex = {};
    expect(indexStep(index, commit(0))).toBe(false);
    expect(indexStep(index, fault(1))).toBe(true);
    expect(indexStep(index, rebalance(2))).toBe(true);
    expect(indexStep(index, fault(3))).toBe(true);
    expect(index).toEqual({ error: { steps: [1, 3], total: 2 }, rebalance: { steps: [2], total: 1 } });
  });

  it(`keeps the first ${MARKERS_PER_KIND} of a kind and counts the rest`, () => {
    const index: MarkerIndex = {};
    for (let step = 0; step < MARKERS_PER_KIND + 250; step++) indexStep(index, fault(step));
    expect(index.error?.steps).toHaveLength(MARKERS_PER_KIND);
    expect(index.error?.steps.at(-1)).toBe(MARKERS_PER_KIND - 1);
    expect(index.error?.total).toBe(MARKERS_PER_KIND + 250);
  });

  it('gives a fork the markers before its fork step', () => {
    const index: MarkerIndex = { error: { steps: [1, 5, 9], total: 3 }, rebalance: { steps: [2], total: 1 } };
    expect(inheritMarkers(index, 5)).toEqual({
      index: { error: { steps: [1], total: 1 }, rebalance: { steps: [2], total: 1 } },
      recount: [],
    });
    expect(inheritMarkers(index, 0).index).toEqual({
      error: { steps: [], total: 0 },
      rebalance: { steps: [], total: 0 },
    });
  });

  it('asks for a recount when a full list ends before the fork step', () => {
    const full = { steps: Array.from({ length: MARKERS_PER_KIND }, (_, i) => i * 2), total: 2000 };
    const last = full.steps.at(-1)!;
    expect(inheritMarkers({ error: full }, last + 10).recount).toEqual([{ kind: 'error', from: last + 1 }]);
    // Every marker before the fork step is listed: the count is exact.
    expect(inheritMarkers({ error: full }, last).recount).toEqual([]);
    expect(inheritMarkers({ error: full }, last).index.error?.total).toBe(MARKERS_PER_KIND - 1);
  });

  it('trims markers at or past a head', () => {
    expect(trimMarkers({ error: { steps: [1, 5, 9], total: 3 } }, 9)).toEqual({ error: { steps: [1, 5], total: 2 } });
    const full = { steps: [1, 2], total: 10 };
    expect(trimMarkers({ error: full }, 100)).toEqual({ error: full });
  });

  it('sends copies to the UI', () => {
    const index: MarkerIndex = { error: { steps: [1], total: 1 } };
    const sent = timelineMarkers('b1', index, [{ step: 3, label: 'x' }]);
    indexStep(index, fault(4));
    expect(sent).toEqual({
      branchId: 'b1',
      kinds: { error: { steps: [1], total: 1 } },
      bookmarks: [{ step: 3, label: 'x' }],
    });
  });
});
