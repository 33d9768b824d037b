import { describe, expect, it } from "vitest";

import { findBodyPhotoLines, formatBodyPhotoLine, parseBodyPhotoLine } from "./body-photo-line";

const id = "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d";

describe("body photo lines", () => {
  it("reads back what it writes, quotes and backslashes included", () => {
    const photo = {
      photoId: id,
      alt: 'A "quoted" \\ alt',
      caption: "Hegseth at the Pentagon.",
      credit: "Jane Doe/AP",
    };
    const line = formatBodyPhotoLine(photo);
    expect(line).toBe(
      `::photo{id="${id}" alt="A \\"quoted\\" \\\\ alt" caption="Hegseth at the Pentagon." credit="Jane Doe/AP"}`,
    );
    expect(parseBodyPhotoLine(line)).toEqual(photo);
  });

  it("keeps a caption on one line", () => {
    const line = formatBodyPhotoLine({ photoId: id, alt: "x", caption: "two\nlines", credit: "" });
    expect(line).not.toContain("\n");
    expect(parseBodyPhotoLine(line)).toMatchObject({ caption: "two lines" });
  });

  it("says what is wrong with a line that means to be a photo but cannot be read", () => {
    expect(parseBodyPhotoLine("::photo{}")).toEqual({ problem: "names no photo" });
    expect(parseBodyPhotoLine('::photo{id="nope"}')).toEqual({
      problem: 'names "nope", which is not a photo id',
    });
    expect(parseBodyPhotoLine(`::photo{id="${id}" size="big"}`)).toEqual({
      problem: 'has an unknown attribute "size"',
    });
    expect(parseBodyPhotoLine("::photo")).toMatchObject({ problem: expect.stringContaining("::photo{") });
  });

  it("leaves other lines alone", () => {
    expect(parseBodyPhotoLine("::photography is an art")).toBeNull();
    expect(parseBodyPhotoLine("The ::photo{} line")).toBeNull();
  });

  it("finds lines standing alone, not inside code or joined to a paragraph", () => {
    const line = formatBodyPhotoLine({ photoId: id, alt: "x", caption: "", credit: "" });
    const body = [
      "First paragraph.",
      "",
      line,
      "",
      "```",
      line,
      "```",
      "",
      "A paragraph",
      line,
      "",
      line,
    ].join("\n");
    const found = findBodyPhotoLines(body);
    expect(found.map((entry) => [entry.paragraph, entry.offset])).toEqual([
      [2, body.indexOf(line)],
      [5, body.lastIndexOf(line)],
    ]);
  });
});
