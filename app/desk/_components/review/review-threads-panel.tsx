"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { toast } from "sonner";

import { startThreadAction } from "@/app/desk/_actions/review-thread-actions";
import { keyFor } from "@/app/desk/_components/idempotency-key";
import type { PlacedThread } from "@/lib/review-threads/place-threads";
import type { ReviewView } from "@/lib/review-threads/review-view";

import { CommentComposer } from "./comment-composer";
import { readSelection, type SelectedWords, type SelectionReading } from "./selection-anchor";
import { Quote, ThreadCard } from "./thread-card";
import { rangesFor, useWordHighlights, type HighlightedWords } from "./use-word-highlights";

import "./review.css";

function wordsOf(thread: PlacedThread): HighlightedWords | null {
  const place = thread.place;
  return place.kind === "words"
    ? { side: place.side, field: place.field, start: place.start, end: place.end }
    : null;
}

/**
 * The comments beside a revision or a comparison. On the compare view (`textId` names the element holding
 * the diff) reviewers select words and comment on them — with the floating "Comment" button, or the "Comment
 * on selection" button here, which the keyboard reaches — and each thread's words are highlighted in the text.
 * `#thread-<id>` and `#comment-<id>` in the address open and scroll to that thread.
 */
export function ReviewThreadsPanel(props: {
  slug: string;
  /** The revision shown (the newer one of a comparison). */
  revision: number;
  /** The older revision of a comparison: removed words are anchored there. */
  from?: number;
  /** The element holding the comparison's text, on the compare view (see ReviewCompareLayout). */
  container?: HTMLElement | null;
  /** Words can be selected here (the compare view); elsewhere the panel points there. */
  selectable?: boolean;
  review: ReviewView;
}) {
  const { slug, revision, from, review } = props;
  const router = useRouter();
  const container = props.container ?? null;
  const [reading, setReading] = useState<SelectionReading>(null);
  const [pending, setPending] = useState<SelectedWords | null>(null);
  const [general, setGeneral] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [floating, setFloating] = useState<{ top: number; left: number } | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const startKey = useRef({ payload: "", key: "" });

  // The selection, read as words whenever it changes inside the text.
  useEffect(() => {
    if (!container) return;
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const selection = window.getSelection();
        const next = readSelection(container, selection);
        if (next === null && selection && !selection.isCollapsed && !container.contains(selection.anchorNode))
          return; // A selection elsewhere (the comment box) keeps what was chosen in the text.
        setReading(next);
        if (next && "words" in next && selection && selection.rangeCount > 0) {
          const rect = selection.getRangeAt(0).getBoundingClientRect();
          setFloating({ top: rect.bottom + window.scrollY + 6, left: rect.left + window.scrollX });
        } else setFloating(null);
      });
    };
    document.addEventListener("selectionchange", onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [container]);

  const words = useMemo(
    () => review.threads.filter((thread) => !thread.resolved).flatMap((thread) => wordsOf(thread) ?? []),
    [review.threads],
  );
  const active = useMemo(() => {
    const thread = review.threads.find((each) => each.id === activeId);
    return (thread && wordsOf(thread)) ?? (pending ? { ...pending } : null);
  }, [review.threads, activeId, pending]);
  useWordHighlights({ container, words, active });

  const show = useCallback(
    (thread: PlacedThread) => {
      setActiveId(thread.id);
      const place = wordsOf(thread);
      const [first] = container && place ? rangesFor(container, place) : [];
      first?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [container],
  );

  // A deep link to a thread or a comment: open it (resolved ones are folded), scroll to it, focus it.
  useEffect(() => {
    const follow = () => {
      const match = /^#(thread|comment)-([0-9a-f-]{36})$/.exec(window.location.hash);
      if (!match) return;
      const thread = review.threads.find((each) =>
        match[1] === "thread"
          ? each.id === match[2]
          : each.comments.some((comment) => comment.id === match[2]),
      );
      if (!thread) return;
      if (thread.resolved) setShowResolved(true);
      setActiveId(thread.id);
      requestAnimationFrame(() => {
        const target = document.getElementById(`${match[1]}-${match[2]}`);
        target?.scrollIntoView({ block: "center" });
        target?.focus({ preventScroll: true });
      });
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [review.threads]);

  function choose() {
    if (reading && "words" in reading) {
      setPending(reading.words);
      setGeneral(false);
      setFloating(null);
    }
  }

  async function start(body: string, words: SelectedWords | null): Promise<string | null> {
    const anchor = words
      ? {
          field: words.field,
          start: words.start,
          end: words.end,
          quote: words.quote,
          ...(words.side === "old" && from !== undefined ? { revision: from } : {}),
        }
      : undefined;
    const payload = { slug, number: revision, thread: { body, ...(anchor ? { anchor } : {}) } };
    const state = await startThreadAction({ ...payload, idempotencyKey: keyFor(startKey, payload) });
    if (state.status !== "success") return state.status === "error" ? state.message : null;
    toast.success(state.message);
    setPending(null);
    setGeneral(false);
    router.refresh();
    return null;
  }

  const open = review.threads.filter((thread) => !thread.resolved);
  const resolved = review.threads.filter((thread) => thread.resolved);
  const card = (thread: PlacedThread) => (
    <ThreadCard
      key={thread.id}
      slug={slug}
      thread={thread}
      people={review.people}
      viewer={review.viewer}
      times={review.times}
      active={thread.id === activeId}
      onShow={container && thread.place.kind === "words" ? () => show(thread) : undefined}
      onDone={() => router.refresh()}
    />
  );

  return (
    <aside className="desk-review-panel" aria-label="Comments">
      <h2>
        Comments{" "}
        <span className="desk-muted desk-small">
          {open.length} open{resolved.length > 0 ? `, ${resolved.length} resolved` : ""}
        </span>
      </h2>
      {review.viewer.canComment && container ? (
        <div className="desk-review-select">
          <button
            type="button"
            className="desk-button desk-button-small"
            disabled={!(reading && "words" in reading)}
            onClick={choose}
          >
            Comment on selection
          </button>
          <p className="desk-hint desk-small" role="status">
            {reading && "problem" in reading
              ? reading.problem
              : reading && "words" in reading
                ? `Selected: “${reading.words.quote.length > 80 ? `${reading.words.quote.slice(0, 80)}…` : reading.words.quote}”`
                : "Select words in the text to comment on them."}
          </p>
        </div>
      ) : null}
      {review.viewer.canComment && !props.selectable && revision > 1 ? (
        <p className="desk-hint desk-small">
          To comment on words, select them in{" "}
          <a href={`/desk/stories/${slug}/compare?from=${revision - 1}&to=${revision}`}>
            the changes in this revision
          </a>
          .
        </p>
      ) : null}
      {pending ? (
        <div className="desk-review-new">
          <p className="desk-small">
            {pending.side === "old" ? `Removed words of revision ${from}` : `Words of revision ${revision}`}:{" "}
            <Quote text={pending.quote} />
          </p>
          <CommentComposer
            label="Comment on these words"
            submitLabel="Comment"
            people={review.people}
            autoFocus
            onSubmit={(body) => start(body, pending)}
            onCancel={() => setPending(null)}
          />
        </div>
      ) : null}
      {review.viewer.canComment ? (
        general ? (
          <div className="desk-review-new">
            <CommentComposer
              label={`Comment on revision ${revision} as a whole`}
              submitLabel="Comment"
              people={review.people}
              autoFocus
              onSubmit={(body) => start(body, null)}
              onCancel={() => setGeneral(false)}
            />
          </div>
        ) : (
          <p>
            <button type="button" className="desk-link-button" onClick={() => setGeneral(true)}>
              Comment on revision {revision} as a whole
            </button>
          </p>
        )
      ) : null}
      {open.length > 0 ? (
        <ol className="desk-review-threads">{open.map(card)}</ol>
      ) : (
        <p className="desk-muted desk-small">No open comments.</p>
      )}
      {resolved.length > 0 ? (
        <details
          className="desk-review-resolved"
          open={showResolved}
          onToggle={(event) => setShowResolved(event.currentTarget.open)}
        >
          <summary>
            {resolved.length} resolved {resolved.length === 1 ? "thread" : "threads"}
          </summary>
          <ol className="desk-review-threads">{resolved.map(card)}</ol>
        </details>
      ) : null}
      {floating && review.viewer.canComment
        ? createPortal(
            <button
              type="button"
              className="desk-button desk-button-primary desk-button-small desk-review-float"
              style={{ top: floating.top, left: floating.left }}
              // Pressing it must not clear the selection it acts on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={choose}
              tabIndex={-1}
            >
              Comment
            </button>,
            document.body,
          )
        : null}
    </aside>
  );
}
