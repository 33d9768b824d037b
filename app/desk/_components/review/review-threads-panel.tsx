"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { toast } from "sonner";

import { startThreadAction } from "@/app/desk/_actions/review-thread-actions";
import { keyFor } from "@/app/desk/_components/idempotency-key";
import type { PlacedThread } from "@/lib/review-threads/place-threads";
import type { ReviewView } from "@/lib/review-threads/review-view";
import { storedSlice, toShown, toStored, type LineBreaks } from "@/lib/review-threads/shown-text";

import { CommentComposer } from "./comment-composer";
import { readSelection, type SelectedWords, type SelectionReading } from "./selection-anchor";
import { Quote, ThreadCard } from "./thread-card";
import { rangesFor, useWordHighlights, type HighlightedWords } from "./use-word-highlights";

import "./review.css";

/** The carriage returns of the body on that side, whose shown offsets differ from the stored ones. */
function breaksOf(review: ReviewView, side: "new" | "old", field: string): LineBreaks | null {
  if (field !== "body") return null;
  return side === "new" ? review.body.toBreaks : review.body.fromBreaks;
}

/** A thread's words (stored offsets) where the page shows them (shown offsets). */
function wordsOf(thread: PlacedThread, review: ReviewView): HighlightedWords | null {
  const place = thread.place;
  if (place.kind !== "words") return null;
  const breaks = breaksOf(review, place.side, place.field);
  return {
    side: place.side,
    field: place.field,
    start: toShown(breaks, place.start),
    end: toShown(breaks, place.end),
  };
}

/**
 * The comments beside a revision or a comparison. Where the page shows text with its offsets (`container`:
 * the compare view, or a revision's text) reviewers select words and comment on them — with the floating "Comment" button, or the "Comment
 * on selection" button here, which the keyboard reaches — and each thread's words are highlighted in the text.
 * `#thread-<id>` and `#comment-<id>` in the address open and scroll to that thread.
 */
export function ReviewThreadsPanel(props: {
  slug: string;
  /** The revision shown (the newer one of a comparison). */
  revision: number;
  /** The older revision of a comparison: removed words are anchored there. */
  from?: number;
  /** The element holding the text whose words can be selected (see ReviewTextLayout). */
  container?: HTMLElement | null;
  /** Where this revision's words can be selected, for a page that shows no such text. */
  textHref?: string;
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
        // A selection elsewhere (the comment box), or focus passing through a field outside the text (Tab
        // through the header's search box on the way to "Comment on selection"), keeps what was chosen in the text.
        const focused = document.activeElement;
        const inFieldElsewhere =
          (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement) &&
          !container.contains(focused);
        if (
          next === null &&
          selection &&
          (inFieldElsewhere || (!selection.isCollapsed && !container.contains(selection.anchorNode)))
        )
          return;
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
    () =>
      review.threads.filter((thread) => !thread.resolved).flatMap((thread) => wordsOf(thread, review) ?? []),
    [review],
  );
  const active = useMemo(() => {
    const thread = review.threads.find((each) => each.id === activeId);
    return (thread && wordsOf(thread, review)) ?? (pending ? { ...pending } : null);
  }, [review, activeId, pending]);
  useWordHighlights({ container, words, active });

  const show = useCallback(
    (thread: PlacedThread) => {
      setActiveId(thread.id);
      const place = wordsOf(thread, review);
      const [first] = container && place ? rangesFor(container, place) : [];
      first?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [container, review],
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
    // Selected words are offsets in the shown text; the anchor's are the stored text's.
    const breaks = words ? breaksOf(review, words.side, words.field) : null;
    const anchor = words
      ? {
          field: words.field,
          start: toStored(breaks, words.start),
          end: toStored(breaks, words.end),
          quote: storedSlice(breaks, words.start, words.quote),
          ...(words.side === "old" && from !== undefined ? { revision: from } : {}),
        }
      : undefined;
    const payload = { slug, number: revision, thread: { body, ...(anchor ? { anchor } : {}) } };
    const state = await startThreadAction({ ...payload, idempotencyKey: keyFor(startKey, payload) });
    if (state.status !== "success") return state.status === "error" ? state.message : null;
    // Posted: the same words said again later are a new comment, not a retry of this one.
    startKey.current = { payload: "", key: "" };
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
      {review.viewer.canComment && !container && props.textHref ? (
        <p className="desk-hint desk-small">
          To comment on words, select them in{" "}
          <Link href={props.textHref}>the text of revision {revision}</Link>.
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
