import type { WordOp } from "./content-diff-types";

/*
 * Collects word ops so that equal+delete spell the older text exactly and equal+insert the newer, whitespace
 * included. Tokens carry the whitespace before them (word-tokens.ts) and are compared without it, so an
 * "equal" token may sit after different whitespace on each side — at the edge of a change it usually does
 * ("rose. Voted" against "Voted"). That whitespace is then a change of its own, never dropped: it joins the
 * deletion or insertion beside it, so readers see "<del>… rose. </del>Voted", not "rose.Voted".
 * Deletions and insertions between two equal runs are gathered and written deletion first, which keeps
 * "<del>old</del><ins>new</ins>" pairs together however the tokens arrived.
 */
export type WordOpBuilder = {
  equal: (text: string) => void;
  change: (op: "insert" | "delete", text: string) => void;
  /** An equal token, with its whitespace on each side as the two texts have it. */
  equalToken: (oldToken: string, newToken: string) => void;
  /** Trailing whitespace, which no token carries. */
  tails: (oldTail: string, newTail: string) => void;
  ops: () => WordOp[];
};

function leadingSpace(token: string): number {
  let index = 0;
  while (index < token.length && /\s/.test(token.charAt(index))) index += 1;
  return index;
}

export function wordOpBuilder(): WordOpBuilder {
  const ops: WordOp[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) ops.push({ op: "delete", text: deleted });
    if (inserted) ops.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  const equal = (text: string) => {
    if (!text) return;
    flush();
    const last = ops.at(-1);
    if (last?.op === "equal") last.text += text;
    else ops.push({ op: "equal", text });
  };
  const change = (op: "insert" | "delete", text: string) => {
    if (op === "delete") deleted += text;
    else inserted += text;
  };
  return {
    equal,
    change,
    equalToken: (oldToken, newToken) => {
      if (oldToken === newToken) return equal(newToken);
      const [oldSpace, newSpace] = [leadingSpace(oldToken), leadingSpace(newToken)];
      change("delete", oldToken.slice(0, oldSpace));
      change("insert", newToken.slice(0, newSpace));
      equal(newToken.slice(newSpace));
    },
    tails: (oldTail, newTail) => {
      if (oldTail === newTail) return equal(newTail);
      change("delete", oldTail);
      change("insert", newTail);
    },
    ops: () => {
      flush();
      return ops;
    },
  };
}

/** The whitespace at the end of a text, which its tokens leave out. */
export function trailingSpace(text: string): string {
  return text.slice(text.trimEnd().length);
}
