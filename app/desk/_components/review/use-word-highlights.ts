"use client";

import { useEffect } from "react";

/** Words a thread is on, where the page shows them. */
export type HighlightedWords = { side: "new" | "old"; field: string; start: number; end: number };

/** DOM ranges covering [start, end) of a field, over the diff's runs of text that carry offsets. */
export function rangesFor(container: HTMLElement, words: HighlightedWords): Range[] {
  const ranges: Range[] = [];
  const attribute = words.side === "new" ? "rn" : "ro";
  for (const element of container.querySelectorAll<HTMLElement>(`[data-rf="${words.field}"]`)) {
    const value = element.dataset[attribute];
    const node = element.firstChild;
    if (value === undefined || !node || node.nodeType !== Node.TEXT_NODE) continue;
    const start = Number(value);
    const length = node.textContent?.length ?? 0;
    const from = Math.max(words.start, start);
    const to = Math.min(words.end, start + length);
    if (to <= from) continue;
    const range = document.createRange();
    range.setStart(node, from - start);
    range.setEnd(node, to - start);
    ranges.push(range);
  }
  return ranges;
}

/**
 * Marks the words threads are on with the CSS Custom Highlight API (`::highlight(review-words)`), which paints
 * over the text without touching the DOM React renders; the active thread's words get `review-words-active`.
 * Recomputed when the text changes (an unchanged run opened, more of the body shown).
 */
export function useWordHighlights(options: {
  container: HTMLElement | null;
  words: HighlightedWords[];
  active: HighlightedWords | null;
}): void {
  const { container, words, active } = options;
  useEffect(() => {
    if (!container || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const paint = () => {
      CSS.highlights.set(
        "review-words",
        new Highlight(...words.flatMap((each) => rangesFor(container, each))),
      );
      CSS.highlights.set(
        "review-words-active",
        new Highlight(...(active ? rangesFor(container, active) : [])),
      );
    };
    paint();
    const observer = new MutationObserver(paint);
    observer.observe(container, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      CSS.highlights.delete("review-words");
      CSS.highlights.delete("review-words-active");
    };
  }, [container, words, active]);
}
