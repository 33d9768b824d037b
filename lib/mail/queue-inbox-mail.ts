import "server-only";

import { z } from "zod";

import type { Prisma } from "@/lib/db/generated/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

import { mailSettings, type MailSettings } from "./mail-settings";

export const inboxMailTask = "mail.inbox-item";

/** One job per inbox item, keyed by it: the same event is never queued twice. */
export function inboxMailJobKey(options: { inboxItemId: string }): string {
  return `mail:${options.inboxItemId}`;
}

const InboxItemIds = z.array(z.uuid()).max(1_000);

/**
 * Queues one mail per inbox item, inside the transaction that created the items: the mail exists exactly
 * when the act that caused it commits, and sending it (lib/mail/send-inbox-mail.ts) never holds up or fails
 * that act; the job queue retries it with backoff. Nothing is queued when SMTP is not configured, nor for a
 * recipient who is deactivated or has turned email off, nor for an item already mailed or already queued.
 * Returns the ids of the items queued.
 */
export async function queueInboxMail(options: {
  tx: Prisma.TransactionClient;
  inboxItemIds: readonly string[];
  /** Tests only: the mail settings instead of the environment's. */
  settings?: MailSettings | null;
}): Promise<{ queued: string[] }> {
  const settings = options.settings === undefined ? mailSettings() : options.settings;
  const ids = [...new Set(InboxItemIds.parse(options.inboxItemIds))];
  if (!settings || ids.length === 0) return { queued: [] };
  const items = await options.tx.inboxItem.findMany({
    where: {
      id: { in: ids },
      emailedAt: null,
      recipient: { active: true, emailNotifications: true },
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const item of items) {
    await enqueueJob({
      tx: options.tx,
      task: inboxMailTask,
      payload: { inboxItemId: item.id },
      jobKey: inboxMailJobKey({ inboxItemId: item.id }),
      // A job for this item waiting, running or failed for good is left alone: never a second mail.
      jobKeyMode: "unsafe_dedupe",
      // Graphile Worker's backoff: about four days of attempts before the mail is given up.
      maxAttempts: 25,
    });
  }
  return { queued: items.map((item) => item.id) };
}
