import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { createTestActor } from "@/lib/auth/test-actors";
import { deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import type { InboxKind } from "@/lib/db/generated/enums";
import { startJobRunner, type JobRunner } from "@/lib/jobs/job-runner";
import { createStory } from "@/lib/revisions/create-story";

import { mailSettings } from "./mail-settings";
import { inboxMailJobKey, queueInboxMail } from "./queue-inbox-mail";
import { sendInboxMail } from "./send-inbox-mail";
import { startSmtpServer, type RunningSmtpServer } from "./testing/start-smtp-server";

// The configuration a newsroom would set, read by the app's own settings and by the registered job, so the
// mail goes the way it goes in production: queue → Graphile Worker → nodemailer → a real SMTP server.
const smtpPort = await findFreePort();
const smtpPassword = `pw-${randomBytes(8).toString("hex")}`;
process.env.SMTP_URL = `smtp://desk:${smtpPassword}@127.0.0.1:${smtpPort}`;
process.env.MAIL_FROM = "Riverside Ledger Desk <desk@ledger.example>";
process.env.NEXTAUTH_URL = "https://desk.ledger.example";

let smtp: RunningSmtpServer;
let runner: JobRunner | undefined;
let ana: Actor;
let ben: Actor;
let storyId: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ port: smtpPort, user: "desk", password: smtpPassword });
  ana = await createTestActor({ role: "contributor", name: "Ana Ruiz" });
  ben = await createTestActor({ role: "editor", name: "Ben Okafor" });
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
  storyId = (await getDb().story.findUniqueOrThrow({ where: { slug } })).id;
});

afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

afterAll(async () => {
  await smtp?.stop();
});

const startWorker = async () => {
  runner = await startJobRunner({ databaseUrl: process.env.DATABASE_URL!, pollIntervalMs: 200 });
};

/** The mails the SMTP server took about one inbox item. */
const mailsAbout = (inboxItemId: string) =>
  smtp.received.filter((mail) => mail.parsed.headers.get("x-copydesk-inbox-item") === inboxItemId);

const waitingJob = async (inboxItemId: string) =>
  (
    await getDb().$queryRaw<{ attempts: number; last_error: string | null }[]>`
      SELECT attempts, last_error FROM graphile_worker.jobs WHERE key = ${inboxMailJobKey({ inboxItemId })}`
  )[0] ?? null;

async function reviewRequest(options: { note: string | null }) {
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
}

/** An inbox item written in `tx` as the review services will, with its mail queued in the same transaction. */
async function inboxItem(options: {
  recipient: Actor;
  actor: Actor;
  kind: InboxKind;
  reviewRequestId?: string;
  threadId?: string;
  commentId?: string;
}) {
  return getDb().$transaction(async (tx) => {
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
  });
}

describe("review mail", () => {
  it("mails each inbox item once, to its recipient, in newsroom words with the note quoted and a link straight to it", async () => {
    expect(mailSettings()?.smtpUrl).toBe(process.env.SMTP_URL);
    const request = await reviewRequest({ note: "Please check the quote in the second paragraph.\nThanks!" });
    const asked = await inboxItem({
      recipient: ben,
      actor: ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    expect(asked.queued).toEqual([asked.item.id]);

    const thread = await getDb().reviewThread.create({
      data: {
        storyId,
        revisionNumber: request.revisionNumber,
        reviewRequestId: request.id,
        anchorRevisionNumber: request.revisionNumber,
        anchorField: "body",
        anchorStart: 4,
        anchorEnd: 13,
        anchorQuote: "ministers",
        createdById: ben.userId,
      },
    });
    const comment = await getDb().reviewComment.create({
      data: {
        threadId: thread.id,
        authorId: ben.userId,
        body: "Which ministers? <b>Name them</b> & <script>alert(1)</script>\n\nAlso: the date.",
      },
    });
    const commented = await inboxItem({
      recipient: ana,
      actor: ben,
      kind: "comment",
      reviewRequestId: request.id,
      threadId: thread.id,
      commentId: comment.id,
    });
    // The same item queued again, before and while nothing has run yet: still one job, one mail.
    await getDb().$transaction((tx) =>
      queueInboxMail({ tx, inboxItemIds: [commented.item.id, commented.item.id] }),
    );

    await startWorker();
    await expect.poll(() => mailsAbout(asked.item.id).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => mailsAbout(commented.item.id).length, { timeout: 30_000 }).toBe(1);

    const [askedMail] = mailsAbout(asked.item.id);
    expect(askedMail!.envelopeTo).toEqual([ben.email]);
    expect(askedMail!.parsed.to).toMatchObject({ value: [{ address: ben.email, name: "Ben Okafor" }] });
    expect(askedMail!.parsed.from?.value).toEqual([
      { address: "desk@ledger.example", name: "Riverside Ledger Desk" },
    ]);
    expect(askedMail!.parsed.subject).toBe(
      `Ana Ruiz asked you to review “Leaders agree to start peace talks” (revision ${request.revisionNumber})`,
    );
    expect(askedMail!.parsed.text).toContain("> Please check the quote in the second paragraph.\n> Thanks!");
    expect(askedMail!.parsed.text).toContain(`https://desk.ledger.example/desk/inbox/${asked.item.id}`);

    const [commentMail] = mailsAbout(commented.item.id);
    expect(commentMail!.envelopeTo).toEqual([ana.email]);
    expect(commentMail!.parsed.subject).toBe(
      `Ben Okafor commented on “Leaders agree to start peace talks” (revision ${request.revisionNumber})`,
    );
    // The words and the comment arrive as text, exactly as written: the mail has no HTML part to inject into.
    expect(commentMail!.parsed.html).toBe(false);
    expect(commentMail!.parsed.text).toContain("On these words in the text:\n> ministers");
    expect(commentMail!.parsed.text).toContain(
      "> Which ministers? <b>Name them</b> & <script>alert(1)</script>\n>\n> Also: the date.",
    );
    expect(commentMail!.parsed.text).toContain(`https://desk.ledger.example/desk/inbox/${commented.item.id}`);
    expect(commentMail!.parsed.text).not.toContain(smtpPassword);

    // Once mailed, queueing the item again queues nothing, and no second mail ever comes.
    await expect.poll(() => waitingJob(commented.item.id), { timeout: 10_000 }).toBeNull();
    const again = await getDb().$transaction((tx) =>
      queueInboxMail({ tx, inboxItemIds: [asked.item.id, commented.item.id] }),
    );
    expect(again.queued).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsAbout(asked.item.id)).toHaveLength(1);
    expect(mailsAbout(commented.item.id)).toHaveLength(1);
  });

  it("says what a decision was, with its note", async () => {
    const request = await reviewRequest({ note: null });
    await getDb().reviewRequest.update({
      where: { id: request.id },
      data: {
        state: "changes_requested",
        decidedById: ben.userId,
        decidedAt: new Date(),
        decisionNote: "Attribute the casualty figures.",
      },
    });
    const decided = await inboxItem({
      recipient: ana,
      actor: ben,
      kind: "decision",
      reviewRequestId: request.id,
    });
    await startWorker();
    await expect.poll(() => mailsAbout(decided.item.id).length, { timeout: 30_000 }).toBe(1);
    const [mail] = mailsAbout(decided.item.id);
    expect(mail!.parsed.subject).toBe(
      `Ben Okafor asked for changes to “Leaders agree to start peace talks” (revision ${request.revisionNumber})`,
    );
    expect(mail!.parsed.text).toContain("The decision's note:\n> Attribute the casualty figures.");
  });

  it("loses nothing in an SMTP outage: the act commits, the job fails and is retried, and the mail arrives once the server is back", async () => {
    await smtp.stop();
    try {
      const request = await reviewRequest({ note: "Sent while the mail server was down." });
      const asked = await inboxItem({
        recipient: ben,
        actor: ana,
        kind: "review_requested",
        reviewRequestId: request.id,
      });
      // The act that caused the mail committed, mail server or not.
      expect(await getDb().inboxItem.findUnique({ where: { id: asked.item.id } })).not.toBeNull();
      expect(asked.queued).toEqual([asked.item.id]);
      await startWorker();
      // Graphile Worker counts an attempt as it takes the job, and notes the error when it fails.
      await expect
        .poll(async () => (await waitingJob(asked.item.id))?.last_error ?? null, { timeout: 30_000 })
        .not.toBeNull();
      const failed = await waitingJob(asked.item.id);
      expect(failed!.last_error).toContain("could not be reached");
      expect(failed!.last_error).not.toContain(smtpPassword);
      expect(mailsAbout(asked.item.id)).toHaveLength(0);

      await smtp.start();
      await expect.poll(() => mailsAbout(asked.item.id).length, { timeout: 30_000 }).toBe(1);
      await expect.poll(() => waitingJob(asked.item.id), { timeout: 10_000 }).toBeNull();
      expect(mailsAbout(asked.item.id)[0]!.parsed.text).toContain("> Sent while the mail server was down.");
    } finally {
      await smtp.start().catch(() => {});
    }
  });

  it("names a refused sign-in without repeating the password, and sends nothing", async () => {
    const request = await reviewRequest({ note: null });
    const asked = await inboxItem({
      recipient: ben,
      actor: ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    const wrongPassword = `wrong-${randomBytes(6).toString("hex")}`;
    const settings = { ...mailSettings()!, smtpUrl: `smtp://desk:${wrongPassword}@127.0.0.1:${smtpPort}` };
    const failure = await sendInboxMail({ payload: { inboxItemId: asked.item.id }, settings }).catch(
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/the SMTP server smtp:\/\/127\.0\.0\.1:\d+ refused the sign-in \(EAUTH 535\)/);
    expect(failure).not.toContain(wrongPassword);
    expect(mailsAbout(asked.item.id)).toHaveLength(0);
  });

  it("queues nothing without SMTP, and mails nobody who turned email off or was deactivated", async () => {
    const request = await reviewRequest({ note: null });
    const noSmtp = await getDb().$transaction(async (tx) => {
      const item = await tx.inboxItem.create({
        data: {
          recipientId: ben.userId,
          actorId: ana.userId,
          kind: "review_requested",
          eventKey: "no-smtp",
          storyId,
          reviewRequestId: request.id,
        },
      });
      return { item, ...(await queueInboxMail({ tx, inboxItemIds: [item.id], settings: null })) };
    });
    expect(noSmtp.queued).toEqual([]);
    expect(await waitingJob(noSmtp.item.id)).toBeNull();

    // Turned off before the act: nothing is queued.
    const quiet = await createTestActor({ role: "editor", name: "Quiet Editor" });
    await getDb().user.update({ where: { id: quiet.userId }, data: { emailNotifications: false } });
    const optedOut = await inboxItem({
      recipient: quiet,
      actor: ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    expect(optedOut.queued).toEqual([]);

    // Turned off, or deactivated, after the act but before the mail went: the job sends nothing.
    const changedMind = await createTestActor({ role: "editor", name: "Changed Mind" });
    const leaving = await createTestActor({ role: "editor", name: "Leaving Editor" });
    const late = await inboxItem({
      recipient: changedMind,
      actor: ana,
      kind: "mention",
      reviewRequestId: request.id,
    });
    const gone = await inboxItem({
      recipient: leaving,
      actor: ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    expect([...late.queued, ...gone.queued]).toEqual([late.item.id, gone.item.id]);
    await getDb().user.update({ where: { id: changedMind.userId }, data: { emailNotifications: false } });
    await deactivateUser({ userId: leaving.userId, actor: "system" });

    await startWorker();
    await expect.poll(() => waitingJob(late.item.id), { timeout: 30_000 }).toBeNull();
    await expect.poll(() => waitingJob(gone.item.id), { timeout: 30_000 }).toBeNull();
    const addressed = smtp.received.flatMap((mail) => mail.envelopeTo);
    for (const person of [quiet, changedMind, leaving]) expect(addressed).not.toContain(person.email);
    expect(mailsAbout(noSmtp.item.id)).toHaveLength(0);
  });
});
