import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import { sampleArticle } from "./render-fixtures";
import { buildStoryArticle, developingNotice } from "./story-article";

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === "element" ? [child, ...elements(child)] : []));
}

const html = (overrides: Parameters<typeof sampleArticle>[0] = {}) =>
  toHtml(buildStoryArticle({ article: sampleArticle(overrides) }));

describe("buildStoryArticle", () => {
  it("shows Published with a <time datetime> until the first material update", () => {
    const out = html();
    expect(out).toContain(
      'Published <time datetime="2025-02-12T20:07:00.000Z">February 12, 2025 at 3:07 PM ET</time>',
    );
    expect(out).not.toContain("Updated");
  });

  it("shows Updated with the original publish time on hover and a link to the change log", () => {
    const out = html({ lastMaterialUpdateAt: "2025-02-13T14:30:00.000Z" });
    expect(out).toContain(
      'Updated <time datetime="2025-02-13T14:30:00.000Z" title="Published February 12, 2025 at 3:07 PM ET">February 13, 2025 at 9:30 AM ET</time>',
    );
    expect(out).toContain('href="/stories/river-flood/history"');
  });

  it("shows the developing notice only while the story is developing", () => {
    expect(html({ developing: true })).toContain(developingNotice);
    expect(html({ developing: false })).not.toContain(developingNotice);
  });

  it("puts images in figure/figcaption with caption and credit", () => {
    const out = html({
      images: [
        {
          url: "https://img.example/a.jpg",
          alt: "Sandbags",
          caption: "Volunteers fill sandbags.",
          credit: "Jo Kim/Ledger",
        },
      ],
    });
    expect(out).toContain('<figure class="story-figure"><img src="https://img.example/a.jpg" alt="Sandbags"');
    expect(out).toContain(
      '<figcaption><span class="story-figure-caption">Volunteers fill sandbags.</span><span class="story-figure-credit">Jo Kim/Ledger</span></figcaption>',
    );
  });

  it("lists every note with its label and date, oldest first", () => {
    const out = html({
      notes: [
        {
          kind: "correction",
          text: "An earlier version misstated the crest.",
          publishedAt: "2025-02-13T14:30:00.000Z",
        },
        {
          kind: "editors_note",
          text: "This story has been updated throughout.",
          publishedAt: "2025-02-14T14:30:00.000Z",
        },
      ],
    });
    expect(out).toMatch(
      /<strong>Correction:<\/strong> An earlier version misstated the crest\. <time datetime="2025-02-13T14:30:00.000Z"[^>]*>February 13, 2025 at 9:30 AM ET<\/time>/,
    );
    expect(out.indexOf("Correction:")).toBeLessThan(out.indexOf("Editor’s note:"));
  });

  it("closes with credit lines and the copyright line", () => {
    const out = html({ credits: [{ name: "Ben Ode", role: "contributed_reporting", location: "Lagos" }] });
    expect(out).toContain('<p class="story-credit-line">Ben Ode contributed reporting from Lagos.</p>');
    expect(out).toContain('<p class="story-copyright">© 2025 The Valley Ledger</p>');
  });

  it("treats headline, names, places, captions and notes as text, never markup", () => {
    const evil = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    const article = sampleArticle({
      headline: evil,
      dek: evil,
      byline: evil,
      credits: [{ name: evil, role: "contributed_reporting", location: evil }],
      images: [{ url: "https://img.example/a.jpg", alt: evil, caption: evil, credit: evil }],
      notes: [{ kind: "correction", text: evil, publishedAt: "2025-02-13T14:30:00.000Z" }],
      body: `${evil}\n\n[x](javascript:alert(1))`,
    });
    const tree = buildStoryArticle({ article });
    const found = elements(tree);
    expect(found.filter((element) => element.tagName === "script")).toEqual([]);
    // The only image is the story photo; the one in the injected text never became an element.
    expect(
      found.filter((element) => element.tagName === "img").map((element) => element.properties.src),
    ).toEqual(["https://img.example/a.jpg"]);
    for (const element of found) {
      expect(Object.keys(element.properties).filter((name) => /^on/i.test(name))).toEqual([]);
      expect(String(element.properties.href ?? "")).not.toMatch(/^\s*javascript:/i);
    }
    expect(toHtml(tree)).toContain(
      '<h1 class="story-headline">&#x3C;script>alert(1)&#x3C;/script>&#x3C;img src=x onerror=alert(1)></h1>',
    );
  });

  it("is deterministic: the same article gives the same markup (what the desk preview relies on)", () => {
    const article = sampleArticle({ developing: true, lastMaterialUpdateAt: "2025-02-13T14:30:00.000Z" });
    expect(toHtml(buildStoryArticle({ article }))).toBe(toHtml(buildStoryArticle({ article })));
  });

  // Regression (issue 18.10): "## Subhead" rendered as an h3 straight after the headline's h1 (axe
  // heading-order).
  it("keeps the outline in order after the h1: no heading is more than one level below the one before", () => {
    const headings = (body: string) =>
      [...html({ body }).matchAll(/<(h[1-6])[ >]/g)].map((match) => match[1]);
    expect(headings("Lede.\n\n## Subhead\n\nMore.")).toEqual(["h1", "h2"]);
    expect(headings("## Section\n\n#### Detail\n\n# Part two\n\n### Aside")).toEqual([
      "h1",
      "h2",
      "h3",
      "h2",
      "h3",
    ]);
    expect(headings("> #### Quoted\n\n- ### Listed")).toEqual(["h1", "h2", "h3"]);
  });

  it("never changes the shared rendered blocks it outlines (the same body renders the same twice)", () => {
    const once = html({ body: "### Deep first\n\nText." });
    expect(html({ body: "### Deep first\n\nText." })).toBe(once);
    expect(html({ body: "# Top\n\n### Deep first\n\nText." })).toContain("<h3>Deep first</h3>");
  });
});
