import type { InboxKind, ReviewField, ReviewState } from "@/lib/db/generated/enums";

/** What a mail about one inbox item says, read from the database by lib/mail/send-inbox-mail.ts. */
export type InboxMailFacts = {
  inboxItemId: string;
  kind: InboxKind;
  recipient: { name: string; email: string };
  actorName: string;
  headline: string;
  revisionNumber: number | null;
  /** The request's own note (a review request) or the decision's note (a decision). */
  note: string | null;
  decision: ReviewState | null;
  comment: { body: string; anchorQuote: string | null; anchorField: ReviewField | null } | null;
};

export type InboxMailMessage = {
  to: { name: string; address: string };
  subject: string;
  text: string;
};

const maxHeadline = 150;
const maxQuote = 4_000;

// A header is one line: a headline or a name with a line break in it must not start a header of its own.
function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, " ").trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Mail-style quoting: the words stay text, whatever they hold (the mail has no HTML part). */
function quote(text: string): string {
  return clip(text.replace(/\r\n?/g, "\n").trim(), maxQuote)
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
}

const fieldNames: Record<ReviewField, string> = {
  headline: "the headline",
  dek: "the dek",
  byline: "the byline",
  body: "the text",
};

/** What happened, in newsroom words, as the subject line and the mail's first sentence share it. */
function summary(facts: InboxMailFacts, story: string): string {
  const actor = oneLine(facts.actorName);
  const revision = facts.revisionNumber === null ? "" : ` (revision ${facts.revisionNumber})`;
  switch (facts.kind) {
    case "review_requested":
      return `${actor} asked you to review ${story}${revision}`;
    case "comment":
      return `${actor} commented on ${story}${revision}`;
    case "reply":
      return `${actor} replied in a comment thread on ${story}`;
    case "mention":
      return `${actor} mentioned you in a comment on ${story}`;
    case "decision":
      if (facts.decision === "approved") return `${actor} approved ${story}${revision}`;
      if (facts.decision === "changes_requested") return `${actor} asked for changes to ${story}${revision}`;
      if (facts.decision === "withdrawn")
        return `${actor} withdrew the review request for ${story}${revision}`;
      return `${actor} reviewed ${story}${revision}`;
  }
}

/**
 * One plain-text mail about one inbox item: what happened, the words it is about, quoted, and a link straight
 * to it on the desk (`/desk/inbox/<id>` marks the item read and opens the comment or the request).
 */
export function inboxMailMessage(options: {
  facts: InboxMailFacts;
  deskOrigin: string;
  newsroomName: string;
}): InboxMailMessage {
  const { facts, deskOrigin } = options;
  const story = `“${clip(oneLine(facts.headline), maxHeadline)}”`;
  const opening = summary(facts, story);
  const link = `${deskOrigin}/desk/inbox/${facts.inboxItemId}`;
  const parts: string[] = [`${opening}.`];
  if (facts.comment) {
    const { anchorQuote, anchorField } = facts.comment;
    if (anchorQuote)
      parts.push(`On these words in ${fieldNames[anchorField ?? "body"]}:\n${quote(anchorQuote)}`);
    parts.push(`The comment:\n${quote(facts.comment.body)}`);
  } else if (facts.note?.trim()) {
    parts.push(`${facts.kind === "decision" ? "The decision's note" : "The note"}:\n${quote(facts.note)}`);
  }
  parts.push(`Open it on the desk:\n${link}`);
  parts.push(
    [
      "-- ",
      `You get this because email about your inbox is on in ${oneLine(options.newsroomName)}.`,
      `Turn it off on your account page: ${deskOrigin}/desk/account`,
    ].join("\n"),
  );
  return {
    to: { name: oneLine(facts.recipient.name), address: facts.recipient.email },
    subject: opening,
    text: `${parts.join("\n\n")}\n`,
  };
}
