import { Fragment } from "react";

import { splitRemovalMarkers } from "@/lib/legal-removals/removal-marker";
import { removalMarkClass, removalMarkText } from "@/lib/render/removal-marks";

/** One removal marker, drawn as on the public page (lib/render/removal-marks.ts). */
export function RemovalMark({ number }: { number: number }) {
  return (
    <span
      className={removalMarkClass}
      data-removal={number}
      title={`Removed on legal advice (removal ${number})`}
    >
      {removalMarkText}
    </span>
  );
}

/** A stored text with each removal marker (⟦removed 12⟧) drawn as a calm inline element, the rest as text. */
export function RemovalMarkedText({ text }: { text: string }) {
  if (!text.includes("⟦")) return <>{text}</>;
  return (
    <>
      {splitRemovalMarkers(text).map((piece, index) =>
        "removal" in piece ? (
          <RemovalMark key={index} number={piece.removal} />
        ) : (
          <Fragment key={index}>{piece.text}</Fragment>
        ),
      )}
    </>
  );
}
