import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "./callback-path";

describe("return address after sign-in", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackPath({ value: "/desk/people" })).toBe("/desk/people");
    expect(safeCallbackPath({ value: "/desk/stories?q=ferry&status=draft#top" })).toBe(
      "/desk/stories?q=ferry&status=draft#top",
    );
    expect(safeCallbackPath({ value: "/desk/%2F%2Fevil.example" })).toBe("/desk/%2F%2Fevil.example");
    expect(safeCallbackPath({ value: "/%2F%2Fevil.example/x" })).toBe("/%2F%2Fevil.example/x");
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["tab inside the slashes", "/\t/evil.example/x"],
    ["newline inside the slashes", "/\n/evil.example/x"],
    ["carriage return", "/\r/evil.example"],
    ["backslash", "/\\evil.example/x"],
    ["two backslashes", "\\\\evil.example"],
    ["backslash then slash", "\\/evil.example"],
    ["dot segment to a double slash", "/.//evil.example/x"],
    ["leading space and slashes", " //evil.example"],
    ["absolute https", "https://evil.example/x"],
    ["scheme-relative with tab in scheme", "ht\ttps://evil.example"],
    ["javascript URL", "javascript:alert(1)"],
    ["data URL", "data:text/html,hi"],
    ["user info", "//desk@evil.example"],
    ["triple slash", "///evil.example"],
  ])("refuses %s", (_name, value) => {
    // Guards issue 9.1: a string-prefix check let "/\t/evil.example" through, which browsers follow off-site.
    expect(safeCallbackPath({ value })).toBe("/desk");
  });

  it("falls back to the desk for nothing at all", () => {
    expect(safeCallbackPath({ value: undefined })).toBe("/desk");
    expect(safeCallbackPath({ value: "" })).toBe("/desk");
  });

  it("with the site's origin, accepts absolute URLs on the site and nothing else", () => {
    const siteOrigin = "https://desk.example.org";
    expect(safeCallbackPath({ value: "https://desk.example.org/desk/tokens?x=1", siteOrigin })).toBe(
      "/desk/tokens?x=1",
    );
    expect(safeCallbackPath({ value: "/desk/people", siteOrigin })).toBe("/desk/people");
    expect(safeCallbackPath({ value: "http://desk.example.org/desk", siteOrigin })).toBe("/desk");
    expect(safeCallbackPath({ value: "https://desk.example.org.evil.example/desk", siteOrigin })).toBe(
      "/desk",
    );
    expect(safeCallbackPath({ value: "/\t/evil.example", siteOrigin })).toBe("/desk");
  });
});
