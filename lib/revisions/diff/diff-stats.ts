import type {
  BodyDiff,
  ContentField,
  DiffStats,
  ImagesDiff,
  TextFieldDiff,
  WordOp,
} from "./content-diff-types";
import { tallyWords } from "./word-diff";

function bodyOps(body: BodyDiff): WordOp[] {
  return body.ops.flatMap((op): WordOp[] => {
    switch (op.kind) {
      case "changed":
      case "moved":
        return op.words;
      case "inserted":
        return [{ op: "insert", text: op.text }];
      case "deleted":
        return [{ op: "delete", text: op.text }];
      case "split":
        return op.pieces.flatMap((piece) => piece.words);
      case "merged":
        return op.sources.flatMap((source) => source.words);
      default:
        return [];
    }
  });
}

function imageOps(images: ImagesDiff): WordOp[] {
  return images.entries.flatMap((entry): WordOp[] => {
    if (entry.status === "kept") return [...entry.alt.ops, ...entry.caption.ops, ...entry.credit.ops];
    const text = [entry.image.alt, entry.image.caption, entry.image.credit].join(" ");
    return [{ op: entry.status === "added" ? "insert" : "delete", text }];
  });
}

/** Word counts and the list of changed fields, for history summaries and the diff header. */
export function diffStats(options: {
  fields: Record<"headline" | "dek" | "byline", TextFieldDiff>;
  body: BodyDiff;
  images: ImagesDiff;
  changed: Partial<Record<ContentField, boolean>>;
}): DiffStats {
  const { fields, body, images, changed } = options;
  const ops = [
    ...fields.headline.ops,
    ...fields.dek.ops,
    ...fields.byline.ops,
    ...bodyOps(body),
    ...imageOps(images),
  ];
  const { inserted, deleted } = tallyWords(ops);
  const movedParagraphs = body.ops.filter(
    (op) => op.kind === "moved" || op.kind === "split" || op.kind === "merged",
  ).length;
  const order: ContentField[] = [
    "headline",
    "dek",
    "byline",
    "developing",
    "body",
    "images",
    "credits",
    "notes",
  ];
  return {
    insertedWords: inserted,
    deletedWords: deleted,
    movedParagraphs,
    changedFields: order.filter((field) => changed[field]),
  };
}
