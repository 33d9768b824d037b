/*
 * Whether a comment's anchor names words that are in the revision it points at: the service refuses "a
 * comment on words that are not in that revision" with the sentence for the reason returned here.
 */

export type AnchorProblem =
  /** start/end are not whole numbers with 0 ≤ start < end ≤ the text's length. */
  | "out-of-range"
  /** Nothing selected. */
  | "empty"
  /** The range cuts a character (an emoji or other surrogate pair) in half. */
  | "splits-character"
  /** The text at that place is not the quoted words (the revision or field is not the one quoted). */
  | "quote-mismatch";

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether a cut before `index` falls between the two halves of one character. */
function cutsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/** Null when `quote` is exactly text.slice(start, end) and the range is a proper selection; else why not. */
export function validateAnchor(
  text: string,
  anchor: { start: number; end: number; quote: string },
): AnchorProblem | null {
  const { start, end, quote } = anchor;
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    start < 0 ||
    end > text.length ||
    start > end
  )
    return "out-of-range";
  if (start === end || quote === "") return "empty";
  if (cutsPair(text, start) || cutsPair(text, end)) return "splits-character";
  return text.slice(start, end) === quote ? null : "quote-mismatch";
}

/** The sentence a reviewer reads when a comment's anchor is refused. */
export function anchorProblemMessage(problem: AnchorProblem): string {
  switch (problem) {
    case "out-of-range":
      return "Those words are not in that revision: the selection falls outside its text.";
    case "empty":
      return "Select the words you want to comment on, or leave a general comment on the revision.";
    case "splits-character":
      return "The selection cuts a character in half. Select whole words and try again.";
    case "quote-mismatch":
      return "Those words are not in that revision at that place. Reload the comparison and select them again.";
  }
}
