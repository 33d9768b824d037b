import { randomBytes } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import type { InboxKind } from "@/lib/db/generated/enums";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { inboxMailJobKey, queueInboxMail } from "@/lib/mail/queue-inbox-mail";
import { createStory } from "@/lib/revisions/create-story";

import { startSmtpServer, type RunningSmtpServer } from "./start-smtp-server";

export type MailDesk = Awaited<ReturnType<typeof openMailDesk>>;

/**
 * A newsroom with review mail set up, for the mail tests: SMTP_URL, MAIL_FROM and NEXTAUTH_URL set as an
 * operator would (so the app's own settings and the registered job read them; call this before anything reads
 * the configuration), a real SMTP server that asks for the password, Ana Ruiz (contributor), Ben Okafor
 * (editor) and a draft story, "Leaders agree to start peace talks".
 */
export async function openMailDesk() {
  const port = await findFreePort();
  // Characters a URL must percent-encode, as a real password may hold them.
  const password = `p@ss:${randomBytes(8).toString("hex")}/ü`;
  process.env.SMTP_URL = `smtp://desk:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Riverside Ledger Desk <desk@ledger.example>";
  process.env.NEXTAUTH_URL = "https://desk.ledger.example";
  const smtp: RunningSmtpServer = await startSmtpServer({ port, user: "desk", password });
  const ana = await createTestActor({ role: "contributor", name: "Ana Ruiz" });
  const ben = await createTestActor({ role: "editor", name: "Ben Okafor" });
  const slug = `peace-talks-${randomBytes(3).toString("hex")}`;
  await createStory({
    actor: ana,
    input: {
      slug,
      headline: "Leaders agree to start peace talks",
      body: "The ministers met on Tuesday.\n\nTalks begin next week.",
      credits: [{ name: "Ana Ruiz", role: "byline" }],
      developing: false,
      publish: false,
    },
  });
  const storyId = (await getDb().story.findUniqueOrThrow({ where: { slug } })).id;
  let runner: JobRunner | undefined;

  return {
    smtp,
    port,
    password,
    ana,
    ben,
    storyId,
    /** The app's own job runner, with every registered task, as `npm start` runs it. */
    startWorker: async () => {
      runner = await startJobRunner({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200 });
    },
    stopWorker: async () => {
      await runner?.stop();
      runner = undefined;
    },
    /** The mails the SMTP server took about one inbox item. */
    mailsAbout: (inboxItemId: string) =>
      smtp.received.filter((mail) => mail.parsed.headers.get("x-copydesk-inbox-item") === inboxItemId),
    /** The item's mail job while it waits or is retried; null once it has run. */
    waitingJob: async (inboxItemId: string) =>
      (
        await getDb().$queryRaw<{ attempts: number; last_error: string | null }[]>`
          SELECT attempts, last_error FROM graphile_worker.jobs WHERE key = ${inboxMailJobKey({ inboxItemId })}`
      )[0] ?? null,
    /** Ana submits the story's latest revision for review. */
    reviewRequest: async (options: { note: string | null }) => {
      const revision = await getDb().revision.findFirstOrThrow({
        where: { storyId },
        orderBy: { number: "desc" },
      });
      return getDb().reviewRequest.create({
        data: {
          storyId,
          revisionNumber: revision.number,
          contentHash: revision.contentHash,
          submittedById: ana.userId,
          note: options.note,
        },
      });
    },
    /** An inbox item written as the review services will, with its mail queued in the same transaction. */
    inboxItem: (options: {
      recipient: Actor;
      actor: Actor;
      kind: InboxKind;
      reviewRequestId?: string;
      threadId?: string;
      commentId?: string;
    }) =>
      getDb().$transaction(async (tx) => {
        const item = await tx.inboxItem.create({
          data: {
            recipientId: options.recipient.userId,
            actorId: options.actor.userId,
            kind: options.kind,
            eventKey: `${options.kind}:${randomBytes(6).toString("hex")}`,
            storyId,
            reviewRequestId: options.reviewRequestId,
            threadId: options.threadId,
            commentId: options.commentId,
          },
        });
        const { queued } = await queueInboxMail({ tx, inboxItemIds: [item.id] });
        return { item, queued };
      }),
    close: async () => {
      await runner?.stop();
      await smtp.stop();
    },
  };
}
