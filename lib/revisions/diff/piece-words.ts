import type { ParagraphPiece, WordOp } from "./content-diff-types";
import type { DiffBudget } from "./diff-budget";
import { replaceOps } from "./word-diff";
import { wordOpBuilder, type WordOpBuilder } from "./word-op-builder";
import { diffTokens, wordTokens } from "./word-tokens";

/*
 * Word edits of a split or merged paragraph, handed to each piece. One side is a single paragraph, the
 * other several; diffing the single one against the pieces' words in order (each word remembering its
 * piece) lets every piece show its own insertions and deletions.
 */

type Token = { text: string; piece: number };

function tokens(text: string, piece: number): Token[] {
  return wordTokens(text).map((token) => ({ text: token, piece }));
}

/**
 * Distributes the diff between `whole` and the `pieces` (old → new when `wholeIsOld`) over the pieces.
 * Each piece's ops spell its own text exactly on its side; on the whole's side the pieces' ops, one after
 * another, spell the whole (the space that became a paragraph break shows as a change at a piece's start).
 * Returns undefined when the budget ran out.
 */
function distribute(options: {
  whole: string;
  pieces: readonly string[];
  wholeIsOld: boolean;
  budget: DiffBudget;
}): WordOp[][] | undefined {
  const { whole, pieces, wholeIsOld, budget } = options;
  const wholeTokens = tokens(whole, -1);
  const pieceTokens = pieces.flatMap((text, piece) => tokens(text, piece));
  const [oldTokens, newTokens] = wholeIsOld ? [wholeTokens, pieceTokens] : [pieceTokens, wholeTokens];
  const changes = diffTokens({
    from: oldTokens.map((token) => token.text),
    to: newTokens.map((token) => token.text),
    budget,
  });
  if (!changes) return undefined;
  const builders = pieces.map(() => wordOpBuilder());
  let oldPos = 0;
  let newPos = 0;
  let current = 0;
  const target = (token: Token | undefined): WordOpBuilder => {
    if (token && token.piece >= 0) current = token.piece;
    return builders[current] as WordOpBuilder;
  };
  for (const change of changes) {
    for (let k = 0; k < change.count; k += 1) {
      if (change.kind === "delete") {
        const token = oldTokens[oldPos++];
        target(token).change("delete", token?.text ?? "");
      } else if (change.kind === "insert") {
        const token = newTokens[newPos++];
        target(token).change("insert", token?.text ?? "");
      } else {
        const oldToken = oldTokens[oldPos++];
        const newToken = newTokens[newPos++];
        target(wholeIsOld ? newToken : oldToken).equalToken(oldToken?.text ?? "", newToken?.text ?? "");
      }
    }
  }
  return builders.map((builder) => builder.ops());
}

/** Pieces of an old paragraph split into consecutive new ones (indexes in the new body). */
export function splitPieces(options: {
  from: string;
  pieces: Array<{ index: number; text: string }>;
  budget: DiffBudget;
}): ParagraphPiece[] | undefined {
  const { from, pieces, budget } = options;
  const words = distribute({
    whole: from,
    pieces: pieces.map((piece) => piece.text),
    wholeIsOld: true,
    budget,
  });
  if (!words) return undefined;
  return pieces.map((piece, k) => ({ ...piece, words: words[k] ?? [] }));
}

/** Sources of a new paragraph merged from consecutive old ones (indexes in the old body). */
export function mergedSources(options: {
  to: string;
  sources: Array<{ index: number; text: string }>;
  budget: DiffBudget;
}): ParagraphPiece[] | undefined {
  const { to, sources, budget } = options;
  const words = distribute({
    whole: to,
    pieces: sources.map((source) => source.text),
    wholeIsOld: false,
    budget,
  });
  if (!words) return undefined;
  return sources.map((source, k) => ({ ...source, words: words[k] ?? [] }));
}

/** The coarse layout of a split or merge when there was no time to compare words. */
export function coarsePieces(options: {
  whole: string;
  pieces: Array<{ index: number; text: string }>;
  wholeIsOld: boolean;
}): ParagraphPiece[] {
  const { whole, pieces, wholeIsOld } = options;
  const last = pieces.length - 1;
  return pieces.map((piece, k) => ({
    ...piece,
    words: wholeIsOld
      ? replaceOps(k === 0 ? whole : "", piece.text)
      : replaceOps(piece.text, k === last ? whole : ""),
  }));
}
