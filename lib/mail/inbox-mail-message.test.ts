import { describe, expect, it } from "vitest";

import { inboxMailMessage, type InboxMailFacts } from "./inbox-mail-message";

const facts = (over: Partial<InboxMailFacts>): InboxMailFacts => ({
  inboxItemId: "7f1c2a4e-0000-4000-8000-000000000001",
  kind: "comment",
  recipient: { name: "Ana Ruiz", email: "ana@ledger.example" },
  actorName: "Ben Okafor",
  headline: "Leaders agree to start peace talks",
  revisionNumber: 7,
  note: null,
  decision: null,
  comment: { body: "Source?", anchorQuote: null, anchorField: null },
  ...over,
});

const write = (over: Partial<InboxMailFacts>) =>
  inboxMailMessage({
    facts: facts(over),
    deskOrigin: "https://desk.ledger.example",
    newsroomName: "The Ledger",
  });

describe("the words of a review mail", () => {
  it("names each kind of event as a newsroom would", () => {
    expect(write({ kind: "reply" }).subject).toBe(
      "Ben Okafor replied in a comment thread on “Leaders agree to start peace talks”",
    );
    expect(write({ kind: "mention" }).subject).toBe(
      "Ben Okafor mentioned you in a comment on “Leaders agree to start peace talks”",
    );
    expect(write({ kind: "decision", comment: null, decision: "approved" }).subject).toBe(
      "Ben Okafor approved “Leaders agree to start peace talks” (revision 7)",
    );
    expect(write({ kind: "decision", comment: null, decision: "approved" }).text).not.toContain("note");
  });

  it("keeps a line break in a headline or a name out of the mail's headers", () => {
    const message = write({
      headline: "Peace talks\r\nBcc: everyone@example.org",
      actorName: "Ben\nOkafor",
      recipient: { name: "Ana\r\nRuiz", email: "ana@ledger.example" },
    });
    expect(message.subject).toBe(
      "Ben Okafor commented on “Peace talks Bcc: everyone@example.org” (revision 7)",
    );
    expect(message.to.name).toBe("Ana Ruiz");
  });

  it("quotes a long comment in part, and links to the item and the setting that stops the mail", () => {
    const message = write({
      comment: { body: "word ".repeat(2_000), anchorQuote: "talks", anchorField: "headline" },
    });
    expect(message.text).toContain("On these words in the headline:\n> talks");
    expect(message.text).toMatch(/> (word )+word…\n/);
    expect(message.text.length).toBeLessThan(5_000);
    expect(message.text).toContain(
      "https://desk.ledger.example/desk/inbox/7f1c2a4e-0000-4000-8000-000000000001",
    );
    expect(message.text).toContain(
      "Turn it off on your account page: https://desk.ledger.example/desk/account",
    );
  });
});
