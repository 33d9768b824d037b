import "server-only";

import type { Task } from "graphile-worker";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { z } from "zod";

import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { inboxMailMessage, type InboxMailFacts } from "./inbox-mail-message";
import { describeSmtpServer, mailSettings, type MailSettings } from "./mail-settings";

export const InboxMailPayload = z.object({ inboxItemId: z.uuid() });

// A mail server that hangs must not hold a job for nodemailer's default ten minutes; SMTP_URL's own query
// (`?socketTimeout=…`, `&tls.rejectUnauthorized=false` for an internal relay) wins over these.
const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** The inbox item and everything its mail says, or null when it is gone. */
async function readFacts(inboxItemId: string) {
  const item = await getDb().inboxItem.findUnique({
    where: { id: inboxItemId },
    select: {
      id: true,
      kind: true,
      storyId: true,
      readAt: true,
      emailedAt: true,
      recipient: { select: { name: true, email: true, active: true, emailNotifications: true } },
      actor: { select: { name: true } },
      story: { select: { latestRevisionNumber: true } },
      reviewRequest: { select: { revisionNumber: true, note: true, state: true, decisionNote: true } },
      thread: { select: { revisionNumber: true, anchorQuote: true, anchorField: true } },
      comment: { select: { body: true } },
    },
  });
  if (!item) return null;
  const revisionNumber =
    item.reviewRequest?.revisionNumber ?? item.thread?.revisionNumber ?? item.story.latestRevisionNumber;
  const revision = await getDb().revision.findUnique({
    where: { storyId_number: { storyId: item.storyId, number: revisionNumber } },
    select: { headline: true },
  });
  const facts: InboxMailFacts = {
    inboxItemId: item.id,
    kind: item.kind,
    recipient: { name: item.recipient.name, email: item.recipient.email },
    actorName: item.actor.name,
    headline: revision?.headline ?? "an untitled story",
    revisionNumber: item.reviewRequest || item.thread ? revisionNumber : null,
    note:
      item.kind === "decision"
        ? (item.reviewRequest?.decisionNote ?? null)
        : (item.reviewRequest?.note ?? null),
    decision: item.kind === "decision" ? (item.reviewRequest?.state ?? null) : null,
    comment: item.comment
      ? {
          body: item.comment.body,
          anchorQuote: item.thread?.anchorQuote ?? null,
          anchorField: item.thread?.anchorField ?? null,
        }
      : null,
  };
  return { item, facts };
}

/** Why a send failed, as a sentence that names the server but never its user or password. */
function failureSentence(error: unknown, server: string): string {
  // nodemailer's errors carry `code` (EAUTH, ECONNECTION…) and the server's `responseCode`; their message may
  // quote the server's answer, so only these two are passed on.
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  const responseCode: unknown = error instanceof Error ? Reflect.get(error, "responseCode") : undefined;
  const detail = [
    typeof code === "string" ? code : null,
    typeof responseCode === "number" ? responseCode : null,
  ]
    .filter((part) => part !== null)
    .join(" ");
  const why =
    code === "EAUTH"
      ? `the SMTP server ${server} refused the sign-in`
      : code === "EENVELOPE"
        ? `the SMTP server ${server} refused the sender or the recipient`
        : code === "ECONNECTION" || code === "ESOCKET" || code === "ETIMEDOUT" || code === "EDNS"
          ? `the SMTP server ${server} could not be reached`
          : `the SMTP server ${server} did not take it`;
  return detail ? `${why} (${detail})` : why;
}

export type SendInboxMailResult =
  | { sent: true; to: string }
  | { sent: false; reason: "no smtp" | "gone" | "already mailed" | "already read" | "not wanted" };

/**
 * Job "mail.inbox-item": sends the one mail about one inbox item (queued by lib/mail/queue-inbox-mail.ts),
 * then notes it sent. A failure logs a sentence and throws, so the queue retries it with backoff. A person
 * who turned email off, was deactivated or has read the item on the desk meanwhile is not mailed.
 */
export async function sendInboxMail(options: {
  payload: unknown;
  /** Tests only: the mail settings instead of the environment's. */
  settings?: MailSettings | null;
}): Promise<SendInboxMailResult> {
  const { inboxItemId } = InboxMailPayload.parse(options.payload);
  const settings = options.settings === undefined ? mailSettings() : options.settings;
  if (!settings) {
    logger.info("inbox mail dropped: SMTP_URL is no longer set", { inboxItemId });
    return { sent: false, reason: "no smtp" };
  }
  const found = await readFacts(inboxItemId);
  if (!found) return { sent: false, reason: "gone" };
  const { item, facts } = found;
  if (item.emailedAt) return { sent: false, reason: "already mailed" };
  if (item.readAt) return { sent: false, reason: "already read" };
  if (!item.recipient.active || !item.recipient.emailNotifications)
    return { sent: false, reason: "not wanted" };

  const message = inboxMailMessage({
    facts,
    deskOrigin: settings.deskOrigin,
    newsroomName: settings.newsroomName,
  });
  const server = describeSmtpServer(settings.smtpUrl);
  const transport = nodemailer.createTransport({ ...timeouts, ...parseConnectionUrl(settings.smtpUrl) });
  try {
    await transport.sendMail({
      from: settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: { "Auto-Submitted": "auto-generated", "X-Copydesk-Inbox-Item": item.id },
    });
  } catch (error) {
    const sentence = failureSentence(error, server);
    logger.warn(`inbox mail not sent: ${sentence}; the job queue tries again later`, { inboxItemId });
    throw new Error(`inbox mail ${inboxItemId} not sent: ${sentence}`);
  } finally {
    transport.close();
  }
  await getDb().inboxItem.updateMany({
    where: { id: item.id, emailedAt: null },
    data: { emailedAt: new Date() },
  });
  logger.info("inbox mail sent", { inboxItemId, kind: item.kind, server });
  return { sent: true, to: message.to.address };
}

export const inboxMailJob: Task = async (payload) => {
  await sendInboxMail({ payload });
};
