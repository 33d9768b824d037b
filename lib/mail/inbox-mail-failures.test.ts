import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

import { mailSettings } from "./mail-settings";
import { queueInboxMail } from "./queue-inbox-mail";
import { sendInboxMail } from "./send-inbox-mail";
import { openMailDesk, type MailDesk } from "./testing/mail-desk";

// Mail as it goes in production: queueInboxMail in the act's transaction → the app's job runner → nodemailer →
// a real SMTP server started here (lib/mail/testing/mail-desk.ts).
let desk: MailDesk;

beforeAll(async () => {
  desk = await openMailDesk();
});

afterEach(async () => {
  await desk.stopWorker();
});

afterAll(async () => {
  await desk?.close();
});

describe("review mail when things go wrong", () => {
  it("loses nothing in an SMTP outage: the act commits, the job fails and is retried, and the mail arrives once the server is back", async () => {
    await desk.smtp.stop();
    try {
      const request = await desk.reviewRequest({ note: "Sent while the mail server was down." });
      const asked = await desk.inboxItem({
        recipient: desk.ben,
        actor: desk.ana,
        kind: "review_requested",
        reviewRequestId: request.id,
      });
      // The act that caused the mail committed, mail server or not.
      expect(await getDb().inboxItem.findUnique({ where: { id: asked.item.id } })).not.toBeNull();
      expect(asked.queued).toEqual([asked.item.id]);
      await desk.startWorker();
      // Graphile Worker counts an attempt as it takes the job, and notes the error when it fails.
      await expect
        .poll(async () => (await desk.waitingJob(asked.item.id))?.last_error ?? null, { timeout: 30_000 })
        .not.toBeNull();
      const failed = await desk.waitingJob(asked.item.id);
      expect(failed!.last_error).toContain("could not be reached");
      expect(failed!.last_error).not.toContain(desk.password);
      expect(desk.mailsAbout(asked.item.id)).toHaveLength(0);

      await desk.smtp.start();
      await expect.poll(() => desk.mailsAbout(asked.item.id).length, { timeout: 30_000 }).toBe(1);
      await expect.poll(() => desk.waitingJob(asked.item.id), { timeout: 10_000 }).toBeNull();
      expect(desk.mailsAbout(asked.item.id)[0]!.parsed.text).toContain(
        "> Sent while the mail server was down.",
      );
    } finally {
      await desk.smtp.start();
    }
  });

  it("names a refused sign-in without repeating the password, and sends nothing", async () => {
    const request = await desk.reviewRequest({ note: null });
    const asked = await desk.inboxItem({
      recipient: desk.ben,
      actor: desk.ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    const wrongPassword = `wrong-${randomBytes(6).toString("hex")}`;
    const settings = { ...mailSettings()!, smtpUrl: `smtp://desk:${wrongPassword}@127.0.0.1:${desk.port}` };
    const failure = await sendInboxMail({ payload: { inboxItemId: asked.item.id }, settings }).catch(
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/the SMTP server smtp:\/\/127\.0\.0\.1:\d+ refused the sign-in \(EAUTH 535\)/);
    expect(failure).not.toContain(wrongPassword);
    expect(desk.mailsAbout(asked.item.id)).toHaveLength(0);
  });

  it("queues nothing without SMTP, and mails nobody who turned email off or was deactivated", async () => {
    const request = await desk.reviewRequest({ note: null });
    const noSmtp = await getDb().$transaction(async (tx) => {
      const item = await tx.inboxItem.create({
        data: {
          recipientId: desk.ben.userId,
          actorId: desk.ana.userId,
          kind: "review_requested",
          eventKey: "no-smtp",
          storyId: desk.storyId,
          reviewRequestId: request.id,
        },
      });
      return { item, ...(await queueInboxMail({ tx, inboxItemIds: [item.id], settings: null })) };
    });
    expect(noSmtp.queued).toEqual([]);
    expect(await desk.waitingJob(noSmtp.item.id)).toBeNull();

    // Turned off before the act: nothing is queued.
    const quiet = await createTestActor({ role: "editor", name: "Quiet Editor" });
    await getDb().user.update({ where: { id: quiet.userId }, data: { emailNotifications: false } });
    const optedOut = await desk.inboxItem({
      recipient: quiet,
      actor: desk.ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    expect(optedOut.queued).toEqual([]);

    // Turned off, or deactivated, after the act but before the mail went: the job sends nothing.
    const changedMind = await createTestActor({ role: "editor", name: "Changed Mind" });
    const leaving = await createTestActor({ role: "editor", name: "Leaving Editor" });
    const late = await desk.inboxItem({
      recipient: changedMind,
      actor: desk.ana,
      kind: "mention",
      reviewRequestId: request.id,
    });
    const gone = await desk.inboxItem({
      recipient: leaving,
      actor: desk.ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    expect([...late.queued, ...gone.queued]).toEqual([late.item.id, gone.item.id]);
    await getDb().user.update({ where: { id: changedMind.userId }, data: { emailNotifications: false } });
    await deactivateUser({ userId: leaving.userId, actor: "system" });

    await desk.startWorker();
    await expect.poll(() => desk.waitingJob(late.item.id), { timeout: 30_000 }).toBeNull();
    await expect.poll(() => desk.waitingJob(gone.item.id), { timeout: 30_000 }).toBeNull();
    const addressed = desk.smtp.received.flatMap((mail) => mail.envelopeTo);
    for (const person of [quiet, changedMind, leaving]) expect(addressed).not.toContain(person.email);
    expect(desk.mailsAbout(noSmtp.item.id)).toHaveLength(0);
  });
});
