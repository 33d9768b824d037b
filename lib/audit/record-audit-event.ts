import "server-only";

import type { Db } from "@/lib/db/client";
import type { AuditEventKind } from "@/lib/db/generated/enums";

import { AuditDetail } from "./audit-detail";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Who acted, as services know them: a person, or "system" (the command line, the seed). */
type AuditActor = { userId: string } | "system";

/**
 * Writes one entry of the audit log, in the transaction of the act it records (so a rolled-back act leaves no
 * entry, and an entry that cannot be written undoes the act). `detail` is checked against the whitelist.
 */
export async function recordAuditEvent(options: {
  tx: Tx;
  kind: AuditEventKind;
  actor: AuditActor;
  /** The person acted on. */
  userId?: string | null;
  apiTokenId?: string | null;
  clientAddress?: string;
  detail?: AuditDetail;
}): Promise<void> {
  await options.tx.auditEvent.create({
    data: {
      kind: options.kind,
      actorId: options.actor === "system" ? null : options.actor.userId,
      userId: options.userId ?? null,
      apiTokenId: options.apiTokenId ?? null,
      clientAddress: (options.clientAddress ?? "unknown").slice(0, 64),
      detail: AuditDetail.parse(options.detail ?? {}),
    },
  });
}
