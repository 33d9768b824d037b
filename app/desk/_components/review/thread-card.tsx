"use client";

import { useRef, useState } from "react";
import { toast } from "sonner";

import { RelativeTime } from "@/app/_components/relative-time";
import { replyAction, threadStateAction } from "@/app/desk/_actions/review-thread-actions";
import { keyFor } from "@/app/desk/_components/idempotency-key";
import type { PlacedThread } from "@/lib/review-threads/place-threads";

import { CommentComposer, type Mentionable } from "./comment-composer";

const fieldNames = { headline: "headline", dek: "dek", byline: "byline line", body: "body" } as const;

function Time({ iso, times }: { iso: string; times: Record<string, string> }) {
  return (
    <span className="desk-time">
      <time dateTime={iso}>{times[iso] ?? iso}</time> (<RelativeTime iso={iso} />)
    </span>
  );
}

export function Quote({ text }: { text: string }) {
  // Quotation marks as text, so they are copied and read out with the words.
  return <span className="desk-review-quote">“{text}”</span>;
}

/** Where the thread's words are in the revision shown, in a sentence. */
function Place({ thread, onShow }: { thread: PlacedThread; onShow?: () => void }) {
  const { place, anchor } = thread;
  if (!anchor || place.kind === "revision")
    return <p className="desk-review-where">On revision {thread.revisionNumber} as a whole</p>;
  const field = fieldNames[anchor.field];
  switch (place.kind) {
    case "words":
      return (
        <div className="desk-review-where">
          <p>
            {place.side === "old"
              ? `On removed words of the ${field} (revision ${place.revision})`
              : `On the ${field}`}
            {onShow ? (
              <>
                {" "}
                <button type="button" className="desk-link-button" onClick={onShow}>
                  Show in text
                </button>
              </>
            ) : null}
          </p>
          <p className="desk-review-context">
            {place.before}
            <mark>{anchor.quote}</mark>
            {place.after}
          </p>
        </div>
      );
    case "gone":
      return (
        <p className="desk-review-where desk-review-gone">
          The words this comment was on were {place.reason === "removed" ? "removed" : "changed"}{" "}
          {place.changedIn !== null ? `in revision ${place.changedIn}` : `after revision ${anchor.revision}`}.
          They were: <Quote text={anchor.quote} />.
        </p>
      );
    case "unknown":
      return (
        <p className="desk-review-where desk-review-gone">
          Copydesk could not tell in time whether the words this comment was on are still here. They were:{" "}
          <Quote text={anchor.quote} />.
        </p>
      );
    case "later":
      return (
        <p className="desk-review-where">
          On words of revision {place.revision}, after this one: <Quote text={anchor.quote} />
        </p>
      );
  }
}

/** One thread: where it is, its comments, a reply box, and resolve or reopen for those who may. */
export function ThreadCard(props: {
  slug: string;
  thread: PlacedThread;
  people: Mentionable[];
  viewer: { id: string; canComment: boolean; canSettleAny: boolean };
  active: boolean;
  /** Instants as the desk shows them, formatted on the server (review-view.ts). */
  times: Record<string, string>;
  onShow?: () => void;
  onDone: () => void;
}) {
  const { slug, thread, viewer } = props;
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const replyKey = useRef({ payload: "", key: "" });
  const stateKey = useRef({ payload: "", key: "" });
  const mayAct = viewer.canComment && (viewer.canSettleAny || thread.createdBy.id === viewer.id);

  async function reply(body: string): Promise<string | null> {
    const payload = { slug, threadId: thread.id, reply: { body } };
    const state = await replyAction({ ...payload, idempotencyKey: keyFor(replyKey, payload) });
    if (state.status !== "success") return state.status === "error" ? state.message : null;
    toast.success(state.message);
    setReplying(false);
    props.onDone();
    return null;
  }

  async function settle() {
    setBusy(true);
    const payload = { slug, threadId: thread.id, resolved: thread.resolved === null };
    const state = await threadStateAction({ ...payload, idempotencyKey: keyFor(stateKey, payload) });
    setBusy(false);
    if (state.status === "success") {
      toast.success(state.message);
      props.onDone();
    } else if (state.status === "error") toast.error(state.message);
  }

  return (
    <li
      id={`thread-${thread.id}`}
      tabIndex={-1}
      className={`desk-review-thread${props.active ? " desk-review-thread-active" : ""}`}
    >
      <Place thread={thread} onShow={props.onShow} />
      <ol className="desk-review-comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} tabIndex={-1}>
            <p className="desk-review-byline">
              <strong>{comment.author.name}</strong>{" "}
              <span className="desk-muted desk-small">
                <Time iso={comment.createdAt} times={props.times} />
              </span>
            </p>
            <p className="desk-review-body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {thread.resolved ? (
        <p className="desk-small desk-muted">
          Resolved by {thread.resolved.by.name} <Time iso={thread.resolved.at} times={props.times} />
        </p>
      ) : null}
      {replying ? (
        <CommentComposer
          label="Your reply"
          submitLabel="Reply"
          people={props.people}
          autoFocus
          onSubmit={reply}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="desk-button-row">
          {viewer.canComment ? (
            <button type="button" className="desk-button desk-button-small" onClick={() => setReplying(true)}>
              Reply
            </button>
          ) : null}
          {mayAct ? (
            <button type="button" className="desk-button desk-button-small" onClick={settle} disabled={busy}>
              {thread.resolved ? "Reopen" : "Resolve"}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
