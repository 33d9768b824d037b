import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";
import type { RevisionContent, RevisionCredit, StoryImage } from "@/lib/revisions/revision-content";

import type { BodyOp } from "./content-diff-types";
import { diffContent } from "./diff-content";
import { publicDiff } from "./public-diff";

const paragraphs = [
  "The river rose two metres overnight, flooding the lower town and closing both bridges.",
  "Emergency crews evacuated about 300 residents from homes along the embankment before dawn.",
  "The mayor said the town hall would stay open as a shelter for as long as it was needed.",
  "Forecasters expect more rain on Thursday, with the peak of the flood due on Friday morning.",
  "Schools in the district will remain closed until at least Monday, the council said.",
  "Residents can find updates on road closures on the council's website and local radio.",
];

function content(overrides: Partial<RevisionContent> = {}): RevisionContent {
  return {
    headline: "River floods lower town",
    dek: "Hundreds evacuated as the water rises",
    byline: "By Ana Ruiz",
    body: paragraphs.join("\n\n"),
    images: [],
    credits: [],
    developing: true,
    ...overrides,
  };
}

const kinds = (ops: BodyOp[]) => ops.map((op) => op.kind);
/** A budget no loaded test machine can exhaust, so only the budget tests ever see a fallback. */
const generous = 60_000;

describe("diffContent body", () => {
  describe("a photo placed in the body (one line, so one paragraph)", () => {
    const photo = {
      photoId: "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d",
      alt: "A ferry at the flooded pier",
      caption: "The ferry kept running through the night.",
      credit: "Ana Diaz/Ledger",
    };
    const photoLine = formatBodyPhotoLine(photo);
    const withPhotoAt = (index: number, line = photoLine) =>
      [...paragraphs.slice(0, index), line, ...paragraphs.slice(index)].join("\n\n");

    it("shows a photo moved down the story as a moved paragraph, nothing deleted or inserted", () => {
      const diff = diffContent({
        timeoutMs: generous,
        from: content({ body: withPhotoAt(1) }),
        to: content({ body: withPhotoAt(5) }),
      });
      expect(kinds(diff.body.ops)).not.toContain("deleted");
      expect(kinds(diff.body.ops)).not.toContain("inserted");
      expect(diff.body.ops.filter((op) => op.kind === "moved")).toMatchObject([
        { kind: "moved", identical: true, text: photoLine },
      ]);
    });

    it("shows a new caption as the photo's paragraph changed in place, with the words that changed", () => {
      const recaptioned = formatBodyPhotoLine({ ...photo, caption: "The ferry kept running until dawn." });
      const diff = diffContent({
        timeoutMs: generous,
        from: content({ body: withPhotoAt(2) }),
        to: content({ body: withPhotoAt(2, recaptioned) }),
      });
      const changed = diff.body.ops.filter((op) => op.kind === "changed");
      expect(changed).toMatchObject([
        { kind: "changed", fromIndex: 2, toIndex: 2, from: photoLine, to: recaptioned },
      ]);
      const words = changed[0]?.kind === "changed" ? changed[0].words : [];
      expect(
        words
          .filter((op) => op.op === "insert")
          .map((op) => op.text.trim())
          .join(" "),
      ).toContain("until dawn");
      expect(kinds(diff.body.ops)).not.toContain("moved");
    });
  });

  it("reports a paragraph taken out and put back elsewhere as moved, not deleted and inserted", () => {
    const moved = [paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[4], paragraphs[1], paragraphs[5]];
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: moved.join("\n\n") }),
    });
    expect(kinds(diff.body.ops)).not.toContain("deleted");
    expect(kinds(diff.body.ops)).not.toContain("inserted");
    const move = diff.body.ops.find((op) => op.kind === "moved");
    expect(move).toMatchObject({
      kind: "moved",
      fromIndex: 1,
      toIndex: 4,
      identical: true,
      text: paragraphs[1],
    });
    const away = diff.body.ops.find((op) => op.kind === "moved-away");
    expect(away).toMatchObject({ fromIndex: 1, toIndex: 4 });
    expect(away && "moveId" in away && move && "moveId" in move && away.moveId === move.moveId).toBe(true);
    expect(diff.stats).toMatchObject({ insertedWords: 0, deletedWords: 0, movedParagraphs: 1 });
  });

  it("reports a moved paragraph that was also lightly edited as moved with its word edits", () => {
    const edited = paragraphs[1]?.replace("about 300", "nearly 350") ?? "";
    const moved = [paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[4], paragraphs[5], edited];
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: moved.join("\n\n") }),
    });
    const move = diff.body.ops.find((op) => op.kind === "moved");
    expect(move).toMatchObject({ kind: "moved", fromIndex: 1, toIndex: 5, identical: false });
    const words = move && move.kind === "moved" ? move.words : [];
    expect(words.filter((op) => op.op === "insert").map((op) => op.text.trim())).toEqual(["nearly 350"]);
    expect(words.filter((op) => op.op === "delete").map((op) => op.text.trim())).toEqual(["about 300"]);
  });

  it("reports a paragraph split in two as a split with both pieces", () => {
    const split = [
      paragraphs[0],
      "Emergency crews evacuated about 300 residents.",
      "They left homes along the embankment before dawn.",
      ...paragraphs.slice(2),
    ];
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: split.join("\n\n") }),
    });
    expect(kinds(diff.body.ops)).toEqual(["unchanged", "split", "unchanged"]);
    const op = diff.body.ops[1];
    expect(op?.kind).toBe("split");
    if (op?.kind !== "split") return;
    expect(op.fromIndex).toBe(1);
    expect(op.pieces.map((piece) => piece.index)).toEqual([1, 2]);
    expect(op.pieces.map((piece) => piece.text)).toEqual([split[1], split[2]]);
    expect(
      op.pieces[1]?.words.filter((word) => word.op === "insert").map((word) => word.text.trim()),
    ).toEqual(["They left"]);
  });

  it("reports two paragraphs joined into one as merged with both sources", () => {
    const joined = [
      paragraphs[0],
      paragraphs[1],
      `${paragraphs[2]} ${paragraphs[3]}`,
      paragraphs[4],
      paragraphs[5],
    ];
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: joined.join("\n\n") }),
    });
    expect(kinds(diff.body.ops)).toEqual(["unchanged", "merged", "unchanged"]);
    const op = diff.body.ops[1];
    expect(op).toMatchObject({ kind: "merged", toIndex: 2, to: joined[2] });
    if (op?.kind !== "merged") return;
    expect(op.sources.map((source) => [source.index, source.text])).toEqual([
      [2, paragraphs[2]],
      [3, paragraphs[3]],
    ]);
    // Only the space that now joins them is new: every word is kept.
    expect(op.sources.map((source) => source.words.filter((word) => word.op !== "equal"))).toEqual([
      [],
      [{ op: "insert", text: " " }],
    ]);
  });

  it("compares a changed paragraph word by word", () => {
    const body = [...paragraphs];
    body[3] =
      "Forecasters expect heavy rain on Thursday, with the peak of the flood due on Saturday morning.";
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: body.join("\n\n") }),
    });
    const op = diff.body.ops.find((entry) => entry.kind === "changed");
    expect(op).toMatchObject({ kind: "changed", fromIndex: 3, toIndex: 3, granularity: "word" });
    expect(op?.kind === "changed" ? op.words : []).toEqual([
      { op: "equal", text: "Forecasters expect" },
      { op: "delete", text: " more" },
      { op: "insert", text: " heavy" },
      { op: "equal", text: " rain on Thursday, with the peak of the flood due on" },
      { op: "delete", text: " Friday" },
      { op: "insert", text: " Saturday" },
      { op: "equal", text: " morning." },
    ]);
    expect(diff.stats).toMatchObject({ insertedWords: 2, deletedWords: 2, changedFields: ["body"] });
  });

  it("collapses unchanged paragraphs into counted runs", () => {
    const long = Array.from(
      { length: 12 },
      (_, index) => `Paragraph ${index + 1} of the running story says something new.`,
    );
    const edited = [...long];
    edited[4] = "Paragraph 5 of the running story now says something different.";
    const diff = diffContent({
      timeoutMs: generous,
      from: content({ body: long.join("\n\n") }),
      to: content({ body: edited.join("\n\n") }),
    });
    expect(diff.body.ops.map((op) => (op.kind === "unchanged" ? op.count : op.kind))).toEqual([
      4,
      "changed",
      7,
    ]);
    const last = diff.body.ops[2];
    expect(last).toMatchObject({ kind: "unchanged", fromIndex: 5, toIndex: 5 });
    expect(last?.kind === "unchanged" ? last.paragraphs : []).toEqual(long.slice(5));
  });

  it("keeps an edited paragraph with a new one after it as changed plus inserted, not as a split", () => {
    const body = [
      ...paragraphs.slice(0, 2),
      "The mayor said the town hall would stay open as a shelter for as long as it was necessary.",
      "The army has been asked to help fill sandbags along the river.",
      ...paragraphs.slice(3),
    ];
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: body.join("\n\n") }),
    });
    expect(kinds(diff.body.ops)).toEqual(["unchanged", "changed", "inserted", "unchanged"]);
  });

  it("pairs every paragraph of a long run of edited paragraphs with its own new version", () => {
    const long = Array.from(
      { length: 90 },
      (_, index) =>
        `Update ${index}: crews cleared road ${index} and reopened lane ${index * 3} to traffic this morning.`,
    );
    const edited = long.map((text) => text.replace("this morning", "this afternoon"));
    const diff = diffContent({
      timeoutMs: generous,
      from: content({ body: long.join("\n\n") }),
      to: content({ body: edited.join("\n\n") }),
    });
    expect(diff.body.ops).toHaveLength(90);
    expect(
      diff.body.ops.every(
        (op, index) => op.kind === "changed" && op.fromIndex === index && op.toIndex === index,
      ),
    ).toBe(true);
    expect(diff.stats).toMatchObject({ insertedWords: 90, deletedWords: 90 });
  });

  it("does not report a body whose only difference is line endings as changed", () => {
    // Regression: Windows line endings from a paste made every story look edited.
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: paragraphs.join("\r\n\r\n") }),
    });
    expect(diff.body.changed).toBe(false);
    expect(diff.changed).toBe(false);
  });

  it("reports inserted and deleted paragraphs with their positions", () => {
    const body = [
      paragraphs[0],
      "A new paragraph about the army being called in to help with sandbags.",
      ...paragraphs.slice(1, 5),
    ];
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({ body: body.join("\n\n") }),
    });
    expect(diff.body.ops.filter((op) => op.kind === "inserted")).toEqual([
      { kind: "inserted", toIndex: 1, text: body[1] },
    ]);
    expect(diff.body.ops.filter((op) => op.kind === "deleted")).toEqual([
      { kind: "deleted", fromIndex: 5, text: paragraphs[5] },
    ]);
  });
});

describe("diffContent fields", () => {
  it("says nothing changed for identical revisions", () => {
    const diff = diffContent({ timeoutMs: generous, from: content(), to: content() });
    expect(diff.changed).toBe(false);
    expect(diff.degraded).toBe(false);
    expect(diff.stats).toEqual({ insertedWords: 0, deletedWords: 0, movedParagraphs: 0, changedFields: [] });
    expect(diff.body.ops).toEqual([{ kind: "unchanged", fromIndex: 0, toIndex: 0, count: 6, paragraphs }]);
  });

  it("compares headline, dek and byline word by word and the developing flag", () => {
    const diff = diffContent({
      timeoutMs: generous,
      from: content(),
      to: content({
        headline: "River floods lower town, bridges closed",
        byline: "By Ana Ruiz and Tom Berg",
        developing: false,
      }),
    });
    expect(diff.headline.ops).toEqual([
      { op: "equal", text: "River floods lower town" },
      { op: "insert", text: ", bridges closed" },
    ]);
    expect(diff.dek.changed).toBe(false);
    expect(diff.byline.ops.filter((op) => op.op === "insert").map((op) => op.text)).toEqual([
      " and Tom Berg",
    ]);
    expect(diff.developing).toEqual({ changed: true, from: true, to: false });
    expect(diff.stats.changedFields).toEqual(["headline", "byline", "developing"]);
  });

  it("matches images by URL and reports caption and credit edits, additions, removals and moves", () => {
    const image = (url: string, caption: string, credit = "Jo Park/Agency"): StoryImage => ({
      url,
      alt: `Photo ${url}`,
      caption,
      credit,
    });
    const from = [
      image("/a.jpg", "Water on Main Street"),
      image("/b.jpg", "The closed bridge"),
      image("/c.jpg", "Sandbags"),
    ];
    const to = [
      image("/b.jpg", "The closed bridge"),
      image("/a.jpg", "Water on Main Street at dawn", "Lee Chan/Agency"),
      image("/d.jpg", "Shelter"),
    ];
    const diff = diffContent({
      timeoutMs: generous,
      from: content({ images: from }),
      to: content({ images: to }),
    });
    expect(diff.images.changed).toBe(true);
    expect(diff.images.reordered).toBe(true);
    const kept = diff.images.entries.find((entry) => entry.status === "kept" && entry.url === "/a.jpg");
    expect(kept).toMatchObject({ status: "kept", fromIndex: 0, toIndex: 1, changed: true });
    if (kept?.status !== "kept") return;
    expect(kept.caption.ops).toEqual([
      { op: "equal", text: "Water on Main Street" },
      { op: "insert", text: " at dawn" },
    ]);
    expect(kept.credit.ops.filter((op) => op.op !== "equal").map((op) => op.text.trim())).toEqual([
      "Jo Park",
      "Lee Chan",
    ]);
    expect(kept.alt.changed).toBe(false);
    expect(diff.images.entries.filter((entry) => entry.status === "kept" && entry.moved)).toHaveLength(1);
    expect(diff.images.entries.find((entry) => entry.status === "added")).toMatchObject({
      toIndex: 2,
      image: to[2],
    });
    expect(diff.images.entries.find((entry) => entry.status === "removed")).toMatchObject({
      fromIndex: 2,
      image: from[2],
    });
  });

  it("tells a reordering of credits from a change of role or place", () => {
    const ana: RevisionCredit = {
      contributorId: "c-ana",
      name: "Ana Ruiz",
      role: "byline",
      location: "Riverton",
    };
    const tom: RevisionCredit = {
      contributorId: "c-tom",
      name: "Tom Berg",
      role: "contributed_reporting",
      location: null,
    };
    const reordered = diffContent({
      timeoutMs: generous,
      from: content({ credits: [ana, tom] }),
      to: content({ credits: [tom, ana] }),
    });
    expect(reordered.credits.reordered).toBe(true);
    expect(reordered.credits.entries.every((entry) => entry.status === "kept" && !entry.changed)).toBe(true);

    const changed = diffContent({
      timeoutMs: generous,
      from: content({ credits: [ana, tom] }),
      to: content({
        credits: [
          { ...ana, location: "Lower Riverton" },
          { ...tom, role: "byline" },
        ],
      }),
    });
    expect(changed.credits.reordered).toBe(false);
    expect(changed.credits.entries).toHaveLength(2);
    expect(changed.credits.entries[0]).toMatchObject({
      status: "kept",
      location: { changed: true, from: "Riverton", to: "Lower Riverton" },
      role: { changed: false },
    });
    expect(changed.credits.entries[1]).toMatchObject({
      status: "kept",
      role: { changed: true, from: "contributed_reporting", to: "byline" },
    });

    const added = diffContent({
      timeoutMs: generous,
      from: content({ credits: [ana] }),
      to: content({ credits: [ana, tom] }),
    });
    expect(added.credits.entries.map((entry) => entry.status)).toEqual(["kept", "added"]);
  });

  it("compares revision notes when both sides carry them, and keeps them out of the public diff", () => {
    const diff = diffContent({
      timeoutMs: generous,
      from: { ...content(), meta: { kind: "update", summary: "Adds evacuation figures", publicNote: null } },
      to: {
        ...content({ developing: false }),
        meta: {
          kind: "correction",
          summary: "Fixes the number of residents",
          publicNote: "An earlier version misstated the number.",
        },
      },
    });
    expect(diff.notes?.kind).toEqual({ changed: true, from: "update", to: "correction" });
    expect(diff.notes?.publicNote.ops).toEqual([
      { op: "insert", text: "An earlier version misstated the number." },
    ]);
    expect(diff.stats.changedFields).toEqual(["developing", "notes"]);
    const reader = publicDiff(diff);
    expect(reader).not.toHaveProperty("notes");
    expect(reader).not.toHaveProperty("developing");
    expect(reader.changed).toBe(false);
    expect(reader.stats.changedFields).toEqual([]);
    expect(JSON.stringify(reader)).not.toContain("Fixes the number");
  });

  it("treats HTML and script in any field as plain text", () => {
    const script = "<script>alert('x')</script>";
    const diff = diffContent({
      timeoutMs: generous,
      from: content({ headline: "Flood <b>warning</b>" }),
      to: content({
        headline: `Flood ${script}`,
        body: `${paragraphs.join("\n\n")}\n\n<img src=x onerror="alert(1)"> ${script}`,
      }),
    });
    expect(
      diff.headline.ops
        .filter((op) => op.op !== "insert")
        .map((op) => op.text)
        .join(""),
    ).toBe("Flood <b>warning</b>");
    expect(
      diff.headline.ops
        .filter((op) => op.op !== "delete")
        .map((op) => op.text)
        .join(""),
    ).toBe(`Flood ${script}`);
    expect(diff.body.ops.at(-1)).toEqual({
      kind: "inserted",
      toIndex: 6,
      text: `<img src=x onerror="alert(1)"> ${script}`,
    });
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

describe("diffContent time budget", () => {
  it("falls back to whole paragraphs and fields and says so when the budget is spent", () => {
    const body = [...paragraphs];
    body[2] = "The mayor said the town hall would remain open as a shelter for as long as needed.";
    const diff = diffContent({
      from: content(),
      to: content({ headline: "River floods the town", body: body.join("\n\n") }),
      timeoutMs: 0,
    });
    expect(diff.degraded).toBe(true);
    expect(diff.reason).toMatch(/compared as a whole|compared paragraph by paragraph|compared whole/);
    expect(diff.headline.granularity).toBe("field");
    expect(diff.headline.ops).toEqual([
      { op: "delete", text: "River floods lower town" },
      { op: "insert", text: "River floods the town" },
    ]);
    expect(diff.body.granularity).toBe("paragraph");
  });

  it("returns a degraded result for big texts that cannot be compared word by word within a tiny budget", () => {
    const vocabulary = [
      "flood",
      "river",
      "bridge",
      "mayor",
      "rain",
      "town",
      "shelter",
      "crews",
      "water",
      "road",
      "school",
      "council",
    ];
    let seed = 7;
    const words = (count: number) =>
      Array.from({ length: count }, () => {
        seed = (seed * 16_807) % 2_147_483_647;
        return vocabulary[seed % vocabulary.length];
      }).join(" ");
    const diff = diffContent({
      from: content({ body: words(4_000) }),
      to: content({ body: words(4_000) }),
      timeoutMs: 1,
    });
    expect(diff.degraded).toBe(true);
    expect(diff.body.granularity).toBe("paragraph");
    expect(diff.body.ops.filter((op) => op.kind === "changed" && op.granularity === "word")).toEqual([]);
  });
});
