import type { Prisma } from "@/lib/db/generated/client";
import type { ScheduleState } from "@/lib/db/generated/enums";

/**
 * One schedule as the desk and the API see it. Instants are ISO strings (UTC); the desk prints them in
 * newsroom time.
 */
export type ScheduleDto = {
  id: string;
  story: { slug: string };
  revisionNumber: number;
  runAt: string;
  state: ScheduleState;
  createdBy: { id: string; name: string };
  createdAt: string;
  /** What readers get with it, as for a manual publish; null = the revision's own / the defaults. */
  kind: string | null;
  summary: string | null;
  note: string | null;
  ranAt: string | null;
  /** The revision the run made live. */
  publishedNumber: number | null;
  /** Ran well after its time (every instance was down): its real publish time is `ranAt`. */
  late: boolean;
  heldReason: string | null;
  /** Held: the live revision it could not be merged with cleanly (the merge view compares against it). */
  heldAgainstNumber: number | null;
  liveNumberAtSchedule: number | null;
  /**
   * Held, then settled on the desk: the merged revision, and the schedule that replaced this one (null =
   * published at once).
   */
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  resolvedNumber: number | null;
  supersededById: string | null;
};

export const scheduleSelect = {
  id: true,
  revisionNumber: true,
  runAt: true,
  state: true,
  createdAt: true,
  kind: true,
  summary: true,
  publicNote: true,
  ranAt: true,
  publishedNumber: true,
  late: true,
  heldReason: true,
  heldAgainstNumber: true,
  liveNumberAtSchedule: true,
  resolvedAt: true,
  resolvedNumber: true,
  supersededById: true,
  resolvedBy: { select: { id: true, name: true } },
  story: { select: { slug: true } },
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ScheduleSelect;

export type ScheduleRow = Prisma.ScheduleGetPayload<{ select: typeof scheduleSelect }>;

export function toScheduleDto(row: ScheduleRow): ScheduleDto {
  return {
    id: row.id,
    story: { slug: row.story.slug },
    revisionNumber: row.revisionNumber,
    runAt: row.runAt.toISOString(),
    state: row.state,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    kind: row.kind,
    summary: row.summary,
    note: row.publicNote,
    ranAt: row.ranAt?.toISOString() ?? null,
    publishedNumber: row.publishedNumber,
    late: row.late,
    heldReason: row.heldReason,
    heldAgainstNumber: row.heldAgainstNumber,
    liveNumberAtSchedule: row.liveNumberAtSchedule,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    resolvedNumber: row.resolvedNumber,
    supersededById: row.supersededById,
  };
}
