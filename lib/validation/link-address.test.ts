import { describe, expect, it } from "vitest";

import { readLinkAddress } from "./link-address";

describe("readLinkAddress", () => {
  it("keeps web and email addresses as typed", () => {
    expect(readLinkAddress(" https://example.com/a?b=1#c ")).toEqual({ href: "https://example.com/a?b=1#c" });
    expect(readLinkAddress("http://example.com")).toEqual({ href: "http://example.com" });
    expect(readLinkAddress("mailto:desk@example.com")).toEqual({ href: "mailto:desk@example.com" });
  });

  it("completes a bare domain with https and a bare email with mailto", () => {
    expect(readLinkAddress("example.com")).toEqual({ href: "https://example.com" });
    expect(readLinkAddress("www.gov.uk/guidance?x=1")).toEqual({ href: "https://www.gov.uk/guidance?x=1" });
    expect(readLinkAddress("example.com:8080/x")).toEqual({ href: "https://example.com:8080/x" });
    expect(readLinkAddress("tips@example.org")).toEqual({ href: "mailto:tips@example.org" });
  });

  it("refuses what the public page would drop, with a sentence", () => {
    for (const typed of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<b>x</b>",
      "ftp://example.com/file",
      "/stories/other",
      "../relative",
      "localhost:3000",
    ]) {
      const read = readLinkAddress(typed);
      expect(read, typed).toHaveProperty("problem");
      expect("problem" in read && read.problem, typed).toMatch(/^Links can only go to web pages/);
    }
    expect(readLinkAddress("   ")).toEqual({ problem: "Type or paste the address the link goes to." });
  });
});
