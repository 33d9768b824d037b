import { describe, expect, it } from "vitest";

import { bodyErrorPlace, markdownRangeOf } from "./body-error-place";

describe("bodyErrorPlace", () => {
  it("reads the character a refusal names, counted from 1 with thousands separators", () => {
    expect(
      bodyErrorPlace("contains an invisible control character (U+000B) at character 51; delete it"),
    ).toEqual({
      offset: 50,
    });
    expect(bodyErrorPlace("contains a broken character at character 1,051; retype it")).toEqual({
      offset: 1050,
    });
  });

  it("reads the paragraph a photo refusal names", () => {
    expect(bodyErrorPlace("The photo in paragraph 4 has no alt text")).toEqual({ paragraph: 4 });
  });

  it("finds no place in a sentence without one", () => {
    expect(bodyErrorPlace("must be at most 200,000 characters")).toBeNull();
    expect(bodyErrorPlace(undefined)).toBeNull();
  });
});

describe("markdownRangeOf", () => {
  const markdown = 'First.\n\n## Second\n\nThird line\ncontinues.\n\n::photo{id="x"}';
  it("selects the one character, or the whole blank-line separated block", () => {
    expect(markdownRangeOf(markdown, { offset: 2 })).toEqual({ from: 2, to: 3 });
    expect(markdown.slice(...Object.values(markdownRangeOf(markdown, { paragraph: 3 }) ?? {}))).toBe(
      "Third line\ncontinues.",
    );
    expect(markdown.slice(...Object.values(markdownRangeOf(markdown, { paragraph: 4 }) ?? {}))).toBe(
      '::photo{id="x"}',
    );
    expect(markdownRangeOf(markdown, { paragraph: 5 })).toBeNull();
  });
});
