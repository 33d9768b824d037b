import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { notifyInbox } from "@/lib/inbox/notify-inbox";

import { mailSettings } from "./mail-settings";
import { queueInboxMail } from "./queue-inbox-mail";
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

describe("review mail", () => {
  it("mails each inbox item once, to its recipient, in newsroom words with the note quoted and a link straight to it", async () => {
    expect(mailSettings()?.smtpUrl).toBe(process.env.SMTP_URL);
    const request = await desk.reviewRequest({
      note: "Please check the quote in the second paragraph.\nThanks!",
    });
    const asked = await desk.inboxItem({
      recipient: desk.ben,
      actor: desk.ana,
      kind: "review_requested",
      reviewRequestId: request.id,
    });
    expect(asked.queued).toEqual([asked.item.id]);

    const thread = await getDb().reviewThread.create({
      data: {
        storyId: desk.storyId,
        revisionNumber: request.revisionNumber,
        reviewRequestId: request.id,
        anchorRevisionNumber: request.revisionNumber,
        anchorField: "body",
        anchorStart: 4,
        anchorEnd: 13,
        anchorQuote: "ministers",
        createdById: desk.ben.userId,
      },
    });
    const comment = await getDb().reviewComment.create({
      data: {
        threadId: thread.id,
        authorId: desk.ben.userId,
        body: "Which ministers? <b>Name them</b> & <script>alert(1)</script>\n\nAlso: the date.",
      },
    });
    const commented = await desk.inboxItem({
      recipient: desk.ana,
      actor: desk.ben,
      kind: "comment",
      reviewRequestId: request.id,
      threadId: thread.id,
      commentId: comment.id,
    });
    // The same item queued again, before and while nothing has run yet: still one job, one mail.
    await getDb().$transaction((tx) =>
      queueInboxMail({ tx, inboxItemIds: [commented.item.id, commented.item.id] }),
    );

    await desk.startWorker();
    await expect.poll(() => desk.mailsAbout(asked.item.id).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => desk.mailsAbout(commented.item.id).length, { timeout: 30_000 }).toBe(1);

    const [askedMail] = desk.mailsAbout(asked.item.id);
    expect(askedMail!.envelopeTo).toEqual([desk.ben.email]);
    expect(askedMail!.parsed.to).toMatchObject({ value: [{ address: desk.ben.email, name: "Ben Okafor" }] });
    expect(askedMail!.parsed.from?.value).toEqual([
      { address: "desk@ledger.example", name: "Riverside Ledger Desk" },
    ]);
    expect(askedMail!.parsed.subject).toBe(
      `Ana Ruiz asked you to review “Leaders agree to start peace talks” (revision ${request.revisionNumber})`,
    );
    expect(askedMail!.parsed.text).toContain("> Please check the quote in the second paragraph.\n> Thanks!");
    expect(askedMail!.parsed.text).toContain(`https://desk.ledger.example/desk/inbox/${asked.item.id}`);

    const [commentMail] = desk.mailsAbout(commented.item.id);
    expect(commentMail!.envelopeTo).toEqual([desk.ana.email]);
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
    expect(commentMail!.parsed.text).not.toContain(desk.password);

    // Once mailed, queueing the item again queues nothing, and no second mail ever comes.
    await expect.poll(() => desk.waitingJob(commented.item.id), { timeout: 10_000 }).toBeNull();
    const again = await getDb().$transaction((tx) =>
      queueInboxMail({ tx, inboxItemIds: [asked.item.id, commented.item.id] }),
    );
    expect(again.queued).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(desk.mailsAbout(asked.item.id)).toHaveLength(1);
    expect(desk.mailsAbout(commented.item.id)).toHaveLength(1);
  });

  it("says what a decision was, with its note", async () => {
    const request = await desk.reviewRequest({ note: null });
    await getDb().reviewRequest.update({
      where: { id: request.id },
      data: {
        state: "changes_requested",
        decidedById: desk.ben.userId,
        decidedAt: new Date(),
        decisionNote: "Attribute the casualty figures.",
      },
    });
    const decided = await desk.inboxItem({
      recipient: desk.ana,
      actor: desk.ben,
      kind: "decision",
      reviewRequestId: request.id,
    });
    await desk.startWorker();
    await expect.poll(() => desk.mailsAbout(decided.item.id).length, { timeout: 30_000 }).toBe(1);
    const [mail] = desk.mailsAbout(decided.item.id);
    expect(mail!.parsed.subject).toBe(
      `Ben Okafor asked for changes to “Leaders agree to start peace talks” (revision ${request.revisionNumber})`,
    );
    expect(mail!.parsed.text).toContain("The decision's note:\n> Attribute the casualty figures.");
  });

  it("mails what notifyInbox puts in an inbox, once per person per event", async () => {
    const request = await desk.reviewRequest({ note: "Wire copy, rewritten." });
    const notice = {
      recipientId: desk.ben.userId,
      kind: "review_requested" as const,
      eventKey: `request:${request.id}`,
      storyId: desk.storyId,
      actorId: desk.ana.userId,
      reviewRequestId: request.id,
    };
    const [id] = await getDb().$transaction((tx) => notifyInbox({ tx, notices: [notice, notice] }));
    // The same event told again: no new inbox item, so nothing more to mail.
    expect(await getDb().$transaction((tx) => notifyInbox({ tx, notices: [notice] }))).toEqual([]);
    await desk.startWorker();
    await expect.poll(() => desk.mailsAbout(id!).length, { timeout: 30_000 }).toBe(1);
    expect(desk.mailsAbout(id!)[0]!.envelopeTo).toEqual([desk.ben.email]);
    await expect.poll(() => desk.waitingJob(id!), { timeout: 10_000 }).toBeNull();
    expect(desk.mailsAbout(id!)).toHaveLength(1);
  });
});
