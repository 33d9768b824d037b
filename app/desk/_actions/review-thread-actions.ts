"use server";

import { z } from "zod";

import { deskAction } from "@/app/_support/desk-action";
import { markInboxRead } from "@/lib/inbox/inbox";
import { replyToThread } from "@/lib/review-threads/reply-to-thread";
import { setThreadResolved } from "@/lib/review-threads/resolve-thread";
import {
  DeskReplyInput,
  DeskStartThreadInput,
  DeskThreadStateInput,
} from "@/lib/review-threads/review-thread-input";
import { startThread } from "@/lib/review-threads/start-thread";

/** Starts a comment thread on a revision (on words, or on the whole revision). */
export const startThreadAction = deskAction({
  name: "startThread",
  permission: "review:comment",
  input: DeskStartThreadInput,
  run: async ({ actor, input }) => {
    const { thread, commentId } = await startThread({
      actor,
      slug: input.slug,
      number: input.number,
      input: input.thread,
      idempotencyKey: input.idempotencyKey,
    });
    return { status: "success", message: "Comment posted.", result: { threadId: thread.id, commentId } };
  },
});

/** A reply in a thread. */
export const replyAction = deskAction({
  name: "replyToThread",
  permission: "review:comment",
  input: DeskReplyInput,
  run: async ({ actor, input }) => {
    const { thread, commentId } = await replyToThread({
      actor,
      slug: input.slug,
      threadId: input.threadId,
      input: input.reply,
      idempotencyKey: input.idempotencyKey,
    });
    return { status: "success", message: "Reply posted.", result: { threadId: thread.id, commentId } };
  },
});

/** Resolves or reopens a thread. */
export const threadStateAction = deskAction({
  name: "setThreadResolved",
  permission: "review:comment",
  input: DeskThreadStateInput,
  run: async ({ actor, input }) => {
    await setThreadResolved({
      actor,
      slug: input.slug,
      threadId: input.threadId,
      resolved: input.resolved,
      idempotencyKey: input.idempotencyKey,
    });
    return {
      status: "success",
      message: input.resolved ? "Thread resolved." : "Thread reopened.",
      result: { threadId: input.threadId },
    };
  },
});

/** "Mark all read" on the inbox page. */
export const markAllReadAction = deskAction({
  name: "markInboxRead",
  permission: "inbox:own",
  input: z.strictObject({}),
  run: async ({ actor }) => {
    const { marked } = await markInboxRead({ actor, input: { all: true } });
    return {
      status: "success",
      message: marked === 1 ? "1 notice marked read." : `${marked} notices marked read.`,
      result: { marked },
    };
  },
});
