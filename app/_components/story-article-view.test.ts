import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { sampleArticle } from "@/lib/render/render-fixtures";
import { renderStoryArticleHtml } from "@/lib/render/story-page";

import { StoryArticleView } from "./story-article-view";

// The serialisers differ only in spelling, not in the DOM they produce: React writes &lt; &#x27; "/>" and
// "dateTime", hast writes &#x3C; "'" ">" and "datetime"; React also hoists a preload <link> for eager images.
function normalise(html: string): string {
  return html
    .replace(/<link rel="preload"[^>]*>/g, "")
    .replace(/\/>/g, ">")
    .replace(/dateTime=/g, "datetime=")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("StoryArticleView", () => {
  it("renders the same article markup as the public page (the desk preview relies on it)", () => {
    const article = sampleArticle({
      developing: true,
      lastMaterialUpdateAt: "2025-02-13T14:30:00.000Z",
      body: "# Section\n\nText with **bold**, a [link](https://example.com) and a footnote[^1].\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n[^1]: Source <script>x</script> it's.",
      images: [
        {
          url: "https://img.example/a.jpg",
          alt: "Sandbags & rain",
          caption: "Volunteers fill sandbags.",
          credit: "Jo Kim/Ledger",
        },
      ],
      credits: [{ name: "Ben <Ode>", role: "contributed_reporting", location: "Lagos" }],
      notes: [
        {
          kind: "correction",
          text: "An earlier version misstated the crest.",
          publishedAt: "2025-02-13T14:30:00.000Z",
        },
      ],
    });
    const react = renderToStaticMarkup(createElement(StoryArticleView, { article }));
    const page = renderStoryArticleHtml({ article });
    expect(normalise(react)).toBe(normalise(page));
  });
});
