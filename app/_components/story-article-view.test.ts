import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { photoPreviewPath } from "@/app/desk/_components/photo-paths";
import { formatBodyPhotoLine } from "@/lib/render/body-photo-line";
import { bodyPhotoIds } from "@/lib/render/body-photo-placeholder";
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

  it("shows a photo placed in the body in place, through the desk's preview address", () => {
    const photoId = "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d";
    const line = formatBodyPhotoLine({
      photoId,
      alt: "A ferry & its pier",
      caption: "The ferry kept running.",
      credit: "Ana Diaz/Ledger",
    });
    const body = `The river crested at 28 feet.\n\n${line}\n\nOfficials lifted the order.`;
    // As the live preview builds it (app/desk/_components/live-preview.tsx).
    const article = sampleArticle({
      body,
      bodyPhotos: bodyPhotoIds(body).map((id) => ({ photoId: id, url: photoPreviewPath(id) })),
    });
    const react = renderToStaticMarkup(createElement(StoryArticleView, { article }));
    expect(normalise(react)).toBe(normalise(renderStoryArticleHtml({ article })));
    expect(normalise(react)).toContain(
      `<p>The river crested at 28 feet.</p>\n<figure class="story-figure"><img src="/desk/photos/${photoId}/preview" alt="A ferry & its pier" loading="lazy" decoding="async"><figcaption><span class="story-figure-caption">The ferry kept running.</span><span class="story-figure-credit">Ana Diaz/Ledger</span></figcaption></figure>\n<p>Officials lifted the order.</p>`,
    );
  });
});
