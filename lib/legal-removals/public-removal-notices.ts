import "server-only";

import { getDb } from "@/lib/db/client";
import type { LegalRemovalNoticePlacement } from "@/lib/db/generated/enums";

export type PublicRemovalNotice = {
  /** The removal's number, the one its marker carries (⟦removed 12⟧). */
  number: number;
  notice: string;
  placement: LegalRemovalNoticePlacement;
  approvedAt: Date;
};

/**
 * The public notices of a story's approved removals, oldest first, for the renderers. No actor: a notice is
 * public once its removal is approved, and callers ask only for stories readers may see. Read from the
 * append-only record, which holds no removed text.
 */
export async function publicRemovalNotices(options: { storyId: string }): Promise<PublicRemovalNotice[]> {
  const rows = await getDb().legalRemovalRecord.findMany({
    where: { storyId: options.storyId },
    orderBy: [{ approvedAt: "asc" }, { number: "asc" }],
    select: { number: true, publicNotice: true, noticePlacement: true, approvedAt: true },
  });
  return rows.map((row) => ({
    number: row.number,
    notice: row.publicNotice,
    placement: row.noticePlacement,
    approvedAt: row.approvedAt,
  }));
}
