import { describe, expect, it } from "vitest";

import { anchorProblemMessage, validateAnchor } from "./validate-anchor";

const body = "Flood waters closed 37 people 🌊 out of their homes.\r\n\r\nThe council met.";

function at(quote: string) {
  const start = body.indexOf(quote);
  return { start, end: start + quote.length, quote };
}

describe("validateAnchor: a comment on words that are not in that revision is refused", () => {
  it("accepts words that are at that place, emoji and CRLF counted as the stored text counts them", () => {
    expect(validateAnchor(body, at("37 people 🌊 out"))).toBeNull();
    expect(validateAnchor(body, at("homes.\r\n\r\nThe"))).toBeNull();
  });

  it("refuses a quote that is not the text at that place (another revision's words)", () => {
    const { start, end } = at("37 people");
    expect(validateAnchor(body, { start, end, quote: "38 people" })).toBe("quote-mismatch");
    // The same words elsewhere do not make it right.
    expect(validateAnchor(body, { start: start + 1, end: end + 1, quote: "37 people" })).toBe(
      "quote-mismatch",
    );
  });

  it("refuses places outside the text, backwards or not whole numbers", () => {
    expect(validateAnchor(body, { start: 0, end: body.length + 1, quote: body })).toBe("out-of-range");
    expect(validateAnchor(body, { start: 5, end: 2, quote: "" })).toBe("out-of-range");
    expect(validateAnchor(body, { start: -1, end: 2, quote: "Fl" })).toBe("out-of-range");
    expect(validateAnchor(body, { start: 0.5, end: 2, quote: "Fl" })).toBe("out-of-range");
  });

  it("refuses an empty selection and one that cuts an emoji in half", () => {
    expect(validateAnchor(body, { start: 3, end: 3, quote: "" })).toBe("empty");
    const wave = body.indexOf("🌊");
    expect(validateAnchor(body, { start: wave, end: wave + 1, quote: body.slice(wave, wave + 1) })).toBe(
      "splits-character",
    );
    expect(
      validateAnchor(body, { start: wave + 1, end: wave + 6, quote: body.slice(wave + 1, wave + 6) }),
    ).toBe("splits-character");
  });

  it("has a sentence for every reason, never the raw code", () => {
    for (const problem of ["out-of-range", "empty", "splits-character", "quote-mismatch"] as const)
      expect(anchorProblemMessage(problem)).toMatch(/^[A-Z].*\.$/);
  });
});
