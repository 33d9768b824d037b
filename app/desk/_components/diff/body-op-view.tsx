import type { ReactNode } from "react";

import { bodyOpHasPhoto, paragraphPhoto, sideText } from "@/lib/revisions/diff/body-photo-paragraphs";
import type { BodyOp, ParagraphPiece } from "@/lib/revisions/diff/content-diff-types";

import type { BodyTextPlaces } from "./body-diff-view";
import { BodyPhotoCard, ParagraphOrPhoto, PhotoChange, photoChangeLabel } from "./body-photo-view";
import { Pair } from "./diff-pair";
import { OffsetText, type TextOffsets } from "./offset-text";
import { UnchangedRun } from "./unchanged-run";
import { WordOpsText } from "./word-ops-text";

const p = (index: number) => `¶ ${index + 1}`;

function Label({ children }: { children: ReactNode }) {
  return <span className="desk-diff-op-label">{children}</span>;
}

/**
 * A piece of a split or joined paragraph (`text` on the `textSide` of the change): a photo line shows as the
 * photo, anything else word by word.
 */
function PieceView({
  piece,
  textSide,
  side,
  view,
}: {
  piece: ParagraphPiece;
  textSide: "from" | "to";
  side: "from" | "to" | "both";
  view: "inline" | "side";
}) {
  const other = sideText(piece.words, textSide === "from" ? "to" : "from");
  const [from, to] = textSide === "from" ? [piece.text, other] : [other, piece.text];
  if (paragraphPhoto(from) || paragraphPhoto(to)) {
    if (side === "both") return <PhotoChange from={from} to={to} view={view} />;
    const shown = side === "from" ? from : to;
    return shown ? <ParagraphOrPhoto text={shown} /> : null;
  }
  return (
    <p>
      <WordOpsText ops={piece.words} side={side} />
    </p>
  );
}

/** Where paragraph `from` of the older body and `to` of the newer start, for comments on their words. */
function bodyAt(places: BodyTextPlaces | undefined, from?: number, to?: number): TextOffsets | undefined {
  if (!places) return undefined;
  return {
    field: "body",
    from: from === undefined ? undefined : places.from?.[from],
    to: to === undefined ? undefined : places.to?.[to],
  };
}

/** One step of the body comparison, inline or as a before/after pair. */
export function BodyOpView({
  op,
  view,
  places,
}: {
  op: BodyOp;
  view: "inline" | "side";
  places?: BodyTextPlaces;
}) {
  if (op.kind === "unchanged")
    return (
      <UnchangedRun
        fromIndex={op.fromIndex}
        toIndex={op.toIndex}
        paragraphs={op.paragraphs}
        places={places}
      />
    );
  const side = view === "side";
  switch (op.kind) {
    case "changed":
      if (paragraphPhoto(op.from) || paragraphPhoto(op.to))
        return (
          <div className="desk-diff-op desk-diff-op-changed">
            <Label>{photoChangeLabel({ from: op.from, to: op.to, at: p(op.toIndex) })}</Label>
            <PhotoChange from={op.from} to={op.to} view={view} />
          </div>
        );
      return (
        <div className="desk-diff-op desk-diff-op-changed">
          <Label>
            ✎ Edited {p(op.toIndex)}
            {op.granularity !== "word" ? " (compared as whole paragraphs)" : ""}
          </Label>
          {side ? (
            <Pair
              from={<WordOpsText ops={op.words} side="from" at={bodyAt(places, op.fromIndex, op.toIndex)} />}
              to={<WordOpsText ops={op.words} side="to" at={bodyAt(places, op.fromIndex, op.toIndex)} />}
            />
          ) : (
            <p>
              <WordOpsText ops={op.words} at={bodyAt(places, op.fromIndex, op.toIndex)} />
            </p>
          )}
        </div>
      );
    case "inserted": {
      const photo = paragraphPhoto(op.text);
      if (photo)
        return (
          <div className="desk-diff-op desk-diff-op-inserted">
            <Label>+ Added photo {p(op.toIndex)}</Label>
            {side ? (
              <Pair from={null} to={<BodyPhotoCard photo={photo} mark="ins" />} />
            ) : (
              <BodyPhotoCard photo={photo} mark="ins" />
            )}
          </div>
        );
      return (
        <div className="desk-diff-op desk-diff-op-inserted">
          <Label>+ Added {p(op.toIndex)}</Label>
          {side ? (
            <Pair
              from={null}
              to={
                <ins className="desk-ins">
                  <OffsetText text={op.text} at={bodyAt(places, undefined, op.toIndex)} />
                </ins>
              }
            />
          ) : (
            <p>
              <ins className="desk-ins">
                <span className="visually-hidden">[inserted paragraph: </span>
                <OffsetText text={op.text} at={bodyAt(places, undefined, op.toIndex)} />
                <span className="visually-hidden">]</span>
              </ins>
            </p>
          )}
        </div>
      );
    }
    case "deleted": {
      const photo = paragraphPhoto(op.text);
      if (photo)
        return (
          <div className="desk-diff-op desk-diff-op-deleted">
            <Label>− Removed photo (was {p(op.fromIndex)})</Label>
            {side ? (
              <Pair from={<BodyPhotoCard photo={photo} mark="del" />} to={null} />
            ) : (
              <BodyPhotoCard photo={photo} mark="del" />
            )}
          </div>
        );
      return (
        <div className="desk-diff-op desk-diff-op-deleted">
          <Label>− Removed (was {p(op.fromIndex)})</Label>
          {side ? (
            <Pair
              from={
                <del className="desk-del">
                  <OffsetText text={op.text} at={bodyAt(places, op.fromIndex)} />
                </del>
              }
              to={null}
            />
          ) : (
            <p>
              <del className="desk-del">
                <span className="visually-hidden">[deleted paragraph: </span>
                <OffsetText text={op.text} at={bodyAt(places, op.fromIndex)} />
                <span className="visually-hidden">]</span>
              </del>
            </p>
          )}
        </div>
      );
    }
    case "moved": {
      const before = sideText(op.words, "from");
      if (paragraphPhoto(op.text) || paragraphPhoto(before))
        return (
          <div className="desk-diff-op desk-diff-op-moved" id={`moved-${op.moveId}`}>
            <Label>
              ↕ Photo moved from {p(op.fromIndex)} to {p(op.toIndex)}
              {op.identical ? "" : ", and edited"}
            </Label>
            {op.identical ? (
              <ParagraphOrPhoto text={op.text} />
            ) : (
              <PhotoChange from={before} to={op.text} view={view} />
            )}
          </div>
        );
      return (
        <div className="desk-diff-op desk-diff-op-moved" id={`moved-${op.moveId}`}>
          <Label>
            ↕ Moved from {p(op.fromIndex)} to {p(op.toIndex)}
            {op.identical ? "" : ", and edited"}
          </Label>
          {side ? (
            <Pair
              from={<WordOpsText ops={op.words} side="from" at={bodyAt(places, op.fromIndex, op.toIndex)} />}
              to={<WordOpsText ops={op.words} side="to" at={bodyAt(places, op.fromIndex, op.toIndex)} />}
            />
          ) : (
            <p>
              <WordOpsText ops={op.words} at={bodyAt(places, op.fromIndex, op.toIndex)} />
            </p>
          )}
        </div>
      );
    }
    case "moved-away":
      return (
        <div className="desk-diff-op desk-diff-op-moved-away">
          <Label>
            ↕ {p(op.fromIndex)} moved to <a href={`#moved-${op.moveId}`}>{p(op.toIndex)}</a>
          </Label>
        </div>
      );
    case "split":
      if (bodyOpHasPhoto(op))
        return (
          <div className="desk-diff-op desk-diff-op-split">
            <Label>
              ⑂ {p(op.fromIndex)} split into {op.pieces.length} paragraphs
            </Label>
            {side ? (
              <Pair
                from={<ParagraphOrPhoto text={op.from} />}
                to={op.pieces.map((piece) => (
                  <PieceView key={piece.index} piece={piece} textSide="to" side="to" view={view} />
                ))}
              />
            ) : (
              op.pieces.map((piece) => (
                <div key={piece.index}>
                  <span className="desk-diff-piece">{p(piece.index)}</span>
                  <PieceView piece={piece} textSide="to" side="both" view={view} />
                </div>
              ))
            )}
          </div>
        );
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
      if (bodyOpHasPhoto(op))
        return (
          <div className="desk-diff-op desk-diff-op-merged">
            <Label>
              ⑃ {op.sources.length} paragraphs joined into {p(op.toIndex)}
            </Label>
            {side ? (
              <Pair
                from={op.sources.map((source) => (
                  <PieceView key={source.index} piece={source} textSide="from" side="from" view={view} />
                ))}
                to={<ParagraphOrPhoto text={op.to} />}
              />
            ) : (
              op.sources.map((source) => (
                <PieceView key={source.index} piece={source} textSide="from" side="both" view={view} />
              ))
            )}
          </div>
        );
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
