import { ZoneOffsets } from './zone-offsets';

const MINUTE = 60_000;
const DAY = 86_400_000;

// A local wall-clock time as milliseconds since 1970-01-01T00:00 *local* (no offset applied).
export type WallMs = number;

// Resolves a wall time to an instant as java.time and Temporal's "compatible" mode do: a time
// inside a spring-forward gap moves forward by the gap; an ambiguous fall-back time takes the
// earlier offset (its first occurrence).
export function resolveWallTime(zone: ZoneOffsets, wall: WallMs): number {
  const before = zone.offsetAt(wall - DAY);
  const after = zone.offsetAt(wall + DAY);
  const withBefore = wall - before * MINUTE;
  if (before === after) return withBefore;
  const withAfter = wall - after * MINUTE;
  const beforeFits = zone.offsetAt(withBefore) === before;
  const afterFits = zone.offsetAt(withAfter) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  // In the gap: read with the offset from before the transition, i.e. moved forward by the gap.
  return withBefore;
}

// The local wall time of an instant.
export function wallTimeOf(zone: ZoneOffsets, epochMs: number): WallMs {
  return epochMs + zone.offsetAt(epochMs) * MINUTE;
}
