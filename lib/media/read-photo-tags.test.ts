import { describe, expect, it } from "vitest";

import { xmlDepthOver } from "./read-photo-tags";

// Issue 19.3: XMP nested 80,000 deep was parsed in the square of its depth.
describe("xmlDepthOver", () => {
  it("counts elements only: closing tags, self-closing ones, comments and processing instructions do not nest", () => {
    const flat = `<?xpacket begin=""?><!-- note --><a><b/><c>text</c><d attr="x"/></a><?xpacket end="w"?>`;
    expect(xmlDepthOver({ xml: flat, limit: 2 })).toBe(false);
    expect(xmlDepthOver({ xml: flat, limit: 1 })).toBe(true);
    expect(xmlDepthOver({ xml: "<a><b><c/></b></a>", limit: 1 })).toBe(true);
    expect(xmlDepthOver({ xml: "<rdf:Alt>".repeat(80_000), limit: 32 })).toBe(true);
  });
});
