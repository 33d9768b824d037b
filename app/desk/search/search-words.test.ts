import { describe, expect, it } from "vitest";

import { revisionList, revisionsWord } from "./search-words";

describe("revision numbers in words", () => {
  it("lists single revisions and pairs, and collapses runs of three or more", () => {
    expect(revisionsWord([3])).toBe("revision 3");
    expect(revisionsWord([2, 3])).toBe("revisions 2, 3");
    expect(revisionList([9, 2, 3, 4, 5, 6, 6, 11, 12])).toBe("2–6, 9, 11, 12");
  });
});
