import type { ReactNode } from "react";

import type { BodyOp } from "@/lib/revisions/diff/content-diff-types";

import { UnchangedRun } from "./unchanged-run";
import { WordOpsText } from "./word-ops-text";

const p = (index: number) => `¶ ${index + 1}`;

function Label({ children }: { children: ReactNode }) {
  return <span className="desk-diff-op-label">{children}</span>;
}

/** One step of the body comparison, inline or as a before/after pair. */
export function BodyOpView({ op, view }: { op: BodyOp; view: "inline" | "side" }) {
  if (op.kind === "unchanged")
    return <UnchangedRun fromIndex={op.fromIndex} toIndex={op.toIndex} paragraphs={op.paragraphs} />;
  const side = view === "side";
  switch (op.kind) {
    case "changed":
      return (
        <div className="desk-diff-op desk-diff-op-changed">
          <Label>
            ✎ Edited {p(op.toIndex)}
            {op.granularity !== "word" ? " (compared as whole paragraphs)" : ""}
          </Label>
          {side ? (
            <Pair
              from={<WordOpsText ops={op.words} side="from" />}
              to={<WordOpsText ops={op.words} side="to" />}
            />
          ) : (
            <p>
              <WordOpsText ops={op.words} />
            </p>
          )}
        </div>
      );
    case "inserted":
      return (
        <div className="desk-diff-op desk-diff-op-inserted">
          <Label>+ Added {p(op.toIndex)}</Label>
          {side ? (
            <Pair from={null} to={<ins className="desk-ins">{op.text}</ins>} />
          ) : (
            <p>
              <ins className="desk-ins">
                <span className="visually-hidden">[inserted paragraph: </span>
                {op.text}
                <span className="visually-hidden">]</span>
              </ins>
            </p>
          )}
        </div>
      );
    case "deleted":
      return (
        <div className="desk-diff-op desk-diff-op-deleted">
          <Label>− Removed (was {p(op.fromIndex)})</Label>
          {side ? (
            <Pair from={<del className="desk-del">{op.text}</del>} to={null} />
          ) : (
            <p>
              <del className="desk-del">
                <span className="visually-hidden">[deleted paragraph: </span>
                {op.text}
                <span className="visually-hidden">]</span>
              </del>
            </p>
          )}
        </div>
      );
    case "moved":
      return (
        <div className="desk-diff-op desk-diff-op-moved" id={`moved-${op.moveId}`}>
          <Label>
            ↕ Moved from {p(op.fromIndex)} to {p(op.toIndex)}
            {op.identical ? "" : ", and edited"}
          </Label>
          {side ? (
            <Pair
              from={op.identical ? <>{op.text}</> : <WordOpsText ops={op.words} side="from" />}
              to={op.identical ? <>{op.text}</> : <WordOpsText ops={op.words} side="to" />}
            />
          ) : (
            <p>{op.identical ? op.text : <WordOpsText ops={op.words} />}</p>
          )}
        </div>
      );
    case "moved-away":
      return (
        <div className="desk-diff-op desk-diff-op-moved-away">
          <Label>
            ↕ {p(op.fromIndex)} moved to <a href={`#moved-${op.moveId}`}>{p(op.toIndex)}</a>
          </Label>
        </div>
      );
    case "split":
      return (
        <div className="desk-diff-op desk-diff-op-split">
          <Label>
            ⑂ {p(op.fromIndex)} split into {op.pieces.length} paragraphs
          </Label>
          {side ? (
            <Pair
              from={<>{op.from}</>}
              to={
                <>
                  {op.pieces.map((piece) => (
                    <p key={piece.index}>
                      <WordOpsText ops={piece.words} side="to" />
                    </p>
                  ))}
                </>
              }
            />
          ) : (
            op.pieces.map((piece) => (
              <p key={piece.index}>
                <span className="desk-diff-piece">{p(piece.index)}</span> <WordOpsText ops={piece.words} />
              </p>
            ))
          )}
        </div>
      );
    case "merged":
      return (
        <div className="desk-diff-op desk-diff-op-merged">
          <Label>
            ⑃ {op.sources.length} paragraphs joined into {p(op.toIndex)}
          </Label>
          {side ? (
            <Pair
              from={
                <>
                  {op.sources.map((source) => (
                    <p key={source.index}>
                      <WordOpsText ops={source.words} side="from" />
                    </p>
                  ))}
                </>
              }
              to={<>{op.to}</>}
            />
          ) : (
            <p>
              {op.sources.map((source) => (
                <span key={source.index}>
                  <WordOpsText ops={source.words} />
                </span>
              ))}
            </p>
          )}
        </div>
      );
  }
}

function Pair({ from, to }: { from: ReactNode; to: ReactNode }) {
  return (
    <div className="desk-diff-sides">
      <div className="desk-diff-side desk-diff-from">
        <span className="desk-diff-side-label">Before</span>
        {from ?? <span className="desk-muted">(nothing)</span>}
      </div>
      <div className="desk-diff-side desk-diff-to">
        <span className="desk-diff-side-label">After</span>
        {to ?? <span className="desk-muted">(nothing)</span>}
      </div>
    </div>
  );
}
