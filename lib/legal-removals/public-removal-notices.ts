import "server-only";

import { getDb } from "@/lib/db/client";
import type { LegalRemovalNoticePlacement } from "@/lib/db/generated/enums";

export type PublicRemovalNotice = {
  /** The removal's number, which its markers in the text carry: ⟦removed 12⟧. */
  number: number;
  notice: string;
  /** in_place: after the block holding the marker; foot: at the end of the story. */
  placement: LegalRemovalNoticePlacement;
  /** ISO instant of the approval, which dates the change-log entry. */
  approvedAt: string;
};

/**
 * The public notices of a story's approved removals, oldest first, for the renderers. No actor: a notice is
 * public once its removal is approved and the story is public (the caller has decided the latter).
 */
export async function publicRemovalNotices(options: { storyId: string }): Promise<PublicRemovalNotice[]> {
  const records = await getDb().legalRemovalRecord.findMany({
    where: { storyId: options.storyId },
    orderBy: [{ approvedAt: "asc" }, { number: "asc" }],
    select: { number: true, publicNotice: true, noticePlacement: true, approvedAt: true },
  });
  return records.map((record) => ({
    number: record.number,
    notice: record.publicNotice,
    placement: record.noticePlacement,
    approvedAt: record.approvedAt.toISOString(),
  }));
}
