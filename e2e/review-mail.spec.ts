import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

import { getDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/free-port";
import { notifyInbox, type InboxNotice } from "@/lib/inbox/notify-inbox";
import type { MailSettings } from "@/lib/mail/mail-settings";
import { queueInboxMail } from "@/lib/mail/queue-inbox-mail";
import { startSmtpServer } from "@/lib/mail/testing/start-smtp-server";
import { createStory } from "@/lib/revisions/create-story";

import { seedUser, signInByApi } from "./support/auth";
import { openOwnE2eDatabase } from "./support/database";
import { startOwnServer } from "./support/own-server";

/*
 * A server of its own, started with SMTP_URL as an operator would set it, on a database of its own (the shared
 * e2e server runs jobs too, without mail). Its own job runner sends the mail to a real SMTP server started here.
 */
test("the server mails an inbox notice with a link to it, and stops once the person turns email off", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { databaseUrl, drop } = await openOwnE2eDatabase({ prefix: "mail" });
  const password = `p@ss:${randomBytes(6).toString("hex")}`;
  const smtp = await startSmtpServer({ port: await findFreePort(), user: "desk", password });
  const server = await startOwnServer({
    databaseUrl,
    env: { SMTP_URL: smtp.url, MAIL_FROM: "Riverside Ledger Desk <desk@ledger.example>" },
  });
  // What this spec's process queues with; the server sends with its own environment.
  const settings: MailSettings = {
    smtpUrl: smtp.url,
    from: "Riverside Ledger Desk <desk@ledger.example>",
    deskOrigin: server.baseUrl,
    newsroomName: "Copydesk Desk",
  };
  try {
    const ana = await seedUser({ role: "contributor", name: "Ana Ruiz" });
    const ben = await seedUser({ role: "editor", name: "Ben Okafor" });
    const slug = `mail-${randomBytes(3).toString("hex")}`;
    await createStory({
      actor: { userId: ana.id, email: ana.email, name: ana.name, role: ana.role, via: "session" },
      input: {
        slug,
        headline: "Leaders agree to start peace talks",
        body: "The ministers met on Tuesday.",
        credits: [{ name: "Ana Ruiz", role: "byline" }],
        publish: false,
      },
    });
    const story = await getDb().story.findUniqueOrThrow({ where: { slug } });
    const tell = (notice: Omit<InboxNotice, "storyId" | "actorId" | "kind">) =>
      getDb().$transaction(async (tx) => {
        const ids = await notifyInbox({
          tx,
          notices: [{ ...notice, kind: "mention", storyId: story.id, actorId: ana.id }],
        });
        return { ids, ...(await queueInboxMail({ tx, inboxItemIds: ids, settings })) };
      });
    const to = (email: string) => smtp.received.filter((mail) => mail.envelopeTo.includes(email));

    const first = await tell({ recipientId: ben.id, eventKey: "mention:first" });
    expect(first.queued).toEqual(first.ids);
    await expect.poll(() => to(ben.email).length, { timeout: 60_000 }).toBe(1);
    const mail = to(ben.email)[0]!.parsed;
    expect(mail.subject).toBe("Ana Ruiz mentioned you in a comment on “Leaders agree to start peace talks”");
    expect(mail.text).toContain(`${server.baseUrl}/desk/inbox/${first.ids[0]}`);

    // Ben turns email off on his Account page; a new notice reaches his inbox but not his mail.
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await signInByApi({ request: page.request, email: ben.email, password: ben.password });
    await page.goto("/desk/account");
    await expect(page.getByText("This newsroom sends no email yet")).toHaveCount(0);
    await page.getByRole("checkbox", { name: "Email me about my inbox" }).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("You will no longer be emailed")).toBeVisible();
    await context.close();

    const second = await tell({ recipientId: ben.id, eventKey: "mention:second" });
    expect(second.ids).toHaveLength(1);
    expect(second.queued).toEqual([]);
    // Mail still goes to whoever wants it; Ben's count stays at one.
    const editor = await seedUser({ role: "editor", name: "Carla Diaz" });
    await tell({ recipientId: editor.id, eventKey: "mention:second" });
    await expect.poll(() => to(editor.email).length, { timeout: 60_000 }).toBe(1);
    expect(to(ben.email)).toHaveLength(1);
  } finally {
    await server.stop();
    await smtp.stop();
    await drop();
  }
});
