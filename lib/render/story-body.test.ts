import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import { renderStoryBody } from "./story-body";

const html = (markdown: string) => toHtml(renderStoryBody({ markdown }));

describe("renderStoryBody", () => {
  it("renders Markdown with GFM", () => {
    expect(html("Hello **world** and ~~gone~~.")).toBe(
      "<p>Hello <strong>world</strong> and <del>gone</del>.</p>",
    );
    expect(html("| a |\n|---|\n| 1 |")).toContain("<table>");
  });

  it("drops raw <script> (no element survives, its text is inert)", () => {
    const out = html("Before <script>alert(1)</script> after\n\n<script>\nalert(2)\n</script>");
    expect(out).not.toMatch(/<script/i);
  });

  it("drops <img onerror> and any raw HTML element with handlers", () => {
    const out = html('Look <img src="x" onerror="alert(1)"> here\n\n<div onclick="alert(2)">x</div>');
    expect(out).not.toMatch(/onerror|onclick|<img|<div/i);
  });

  it("neutralises javascript:, data: and vbscript: links and images", () => {
    const out = html(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x) ![e](data:image/svg+xml,<svg onload=alert(1)>) [f](  javascript:alert(1))",
    );
    expect(out).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    expect(out).not.toMatch(/<img/);
    expect(out).toContain("<a>a</a>");
  });

  it("keeps http(s) and mailto links and http(s) images", () => {
    const out = html(
      "[site](https://example.com/a?b=1) [mail](mailto:desk@example.com) ![alt](https://example.com/p.png)",
    );
    expect(out).toContain('<a href="https://example.com/a?b=1">site</a>');
    expect(out).toContain('<a href="mailto:desk@example.com">mail</a>');
    expect(out).toContain('<img src="https://example.com/p.png" alt="alt">');
  });

  it("drops iframes, styles, forms and style attributes", () => {
    const out = html(
      '<iframe src="https://evil.example"></iframe>\n\n<style>body{display:none}</style>\n\n<b style="color:red">x</b>\n\n<form action="/x"><input name="q"></form>',
    );
    expect(out).not.toMatch(/<iframe|<style|style=|<form|<input/i);
  });

  it("makes body headings start at h2 so the headline stays the only h1", () => {
    expect(html("# Section\n\n## Sub")).toBe("<h2>Section</h2>\n<h3>Sub</h3>");
  });

  it("keeps footnote links working (ids and hrefs agree)", () => {
    const out = html("Claim[^1]\n\n[^1]: Source.");
    expect(out).toContain('href="#user-content-fn-1"');
    expect(out).toContain('id="user-content-fn-1"');
    expect(out).toContain('id="footnote-label"');
  });
});
