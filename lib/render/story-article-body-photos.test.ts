import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine } from "./body-photo-line";
import type { PublicArticle, PublicArticlePicture } from "./public-article";
import { sampleArticle } from "./render-fixtures";
import { buildStoryArticle } from "./story-article";
import { storyJsonLd } from "./story-metadata";

const photoId = "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d";
const otherId = "7f3a2b1c-0d9e-4f8a-b7c6-d5e4f3a2b1c0";

const picture: PublicArticlePicture = {
  width: 1600,
  height: 1067,
  sources: [
    { type: "image/avif", srcset: "/media/a1.avif 320w, /media/a2.avif 1600w" },
    { type: "image/webp", srcset: "/media/w1.webp 320w, /media/w2.webp 1600w" },
    { type: "image/jpeg", srcset: "/media/j1.jpg 320w, /media/j2.jpg 1600w" },
  ],
};

const listImages: PublicArticle["images"] = [
  {
    url: "/media/aaaa.jpg",
    alt: "Sandbags",
    caption: "Volunteers fill sandbags.",
    credit: "Jo Kim/Ledger",
    picture,
  },
  { url: "https://img.example/b.jpg", alt: "The levee", caption: "", credit: "Ana Diaz" },
  { url: "https://img.example/c.jpg", alt: "The bridge", caption: "Closed since Monday.", credit: "" },
];

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === "element" ? [child, ...elements(child)] : []));
}

const line = (overrides: { photoId?: string; alt?: string; caption?: string; credit?: string } = {}) =>
  formatBodyPhotoLine({
    photoId,
    alt: "A ferry at the flooded pier",
    caption: "The ferry kept running.",
    credit: "Ana Diaz/Ledger",
    ...overrides,
  });

const bodyWithPhoto = (photoLine = line()) =>
  `The river crested at 28 feet.\n\n${photoLine}\n\nOfficials lifted the evacuation order.`;

const storyBody = (html: string) => /<div class="story-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";

describe("photos placed in the body", () => {
  // Regression guard: adding body photos must not change a byte of a story that has none (markup captured
  // from the renderer before body photos existed, with list images, a footnote and "::photo…" text).
  it("leaves stories without photo lines exactly as they rendered before", () => {
    const whole = sampleArticle({
      body: "The river crested at 28 feet.\n\n## What happens next\n\nOfficials lifted the **evacuation** order[^1].\n\n::photography is an art, said the mayor.\n\n[^1]: City statement.",
      images: listImages,
    });
    expect(toHtml(buildStoryArticle({ article: whole }))).toBe(
      `<article class="story"><header class="story-header"><h1 class="story-headline">River crests below flood stage</h1><p class="story-dek">Levees held overnight.</p><p class="story-byline">By Ana Diaz</p><p class="story-timeline">Published <time datetime="2025-02-12T20:07:00.000Z">February 12, 2025 at 3:07 PM ET</time></p></header><figure class="story-figure"><picture><source type="image/avif" srcset="/media/a1.avif 320w, /media/a2.avif 1600w" sizes="(min-width: 44rem) 42rem, 100vw"><source type="image/webp" srcset="/media/w1.webp 320w, /media/w2.webp 1600w" sizes="(min-width: 44rem) 42rem, 100vw"><img src="/media/aaaa.jpg" srcset="/media/j1.jpg 320w, /media/j2.jpg 1600w" sizes="(min-width: 44rem) 42rem, 100vw" width="1600" height="1067" alt="Sandbags" loading="eager" decoding="async" fetchpriority="high"></picture><figcaption><span class="story-figure-caption">Volunteers fill sandbags.</span><span class="story-figure-credit">Jo Kim/Ledger</span></figcaption></figure><div class="story-body"><p>The river crested at 28 feet.</p>
<h2>What happens next</h2>
<p>Officials lifted the <strong>evacuation</strong> order<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="true" aria-describedby="footnote-label">1</a></sup>.</p>
<p>::photography is an art, said the mayor.</p>
<section data-footnotes="true" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>
<ol>
<li id="user-content-fn-1">
<p>City statement. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>
</li>
</ol>
</section></div><figure class="story-figure"><img src="https://img.example/b.jpg" alt="The levee" loading="lazy" decoding="async"><figcaption><span class="story-figure-credit">Ana Diaz</span></figcaption></figure><figure class="story-figure"><img src="https://img.example/c.jpg" alt="The bridge" loading="lazy" decoding="async"><figcaption><span class="story-figure-caption">Closed since Monday.</span></figcaption></figure><footer class="story-footer"><p class="story-copyright">© 2025 The Valley Ledger</p></footer></article>`,
    );
    const blocks = sampleArticle({
      body: "The river crested at 28 feet.\n\n## What happens next\n\n::photo day was Monday, said the mayor.\n\n::photography is an art.",
    });
    expect(toHtml(buildStoryArticle({ article: blocks }))).toBe(
      `<article class="story"><header class="story-header"><h1 class="story-headline">River crests below flood stage</h1><p class="story-dek">Levees held overnight.</p><p class="story-byline">By Ana Diaz</p><p class="story-timeline">Published <time datetime="2025-02-12T20:07:00.000Z">February 12, 2025 at 3:07 PM ET</time></p></header><div class="story-body"><p>The river crested at 28 feet.</p>
<h2>What happens next</h2>
<p>::photo day was Monday, said the mayor.</p>
<p>::photography is an art.</p></div><footer class="story-footer"><p class="story-copyright">© 2025 The Valley Ledger</p></footer></article>`,
    );
  });

  it("draws the photo where its line stands, as the story's figure with caption and credit", () => {
    const article = sampleArticle({
      body: bodyWithPhoto(),
      bodyPhotos: [{ photoId, url: "/media/j2.jpg", picture }],
    });
    expect(storyBody(toHtml(buildStoryArticle({ article })))).toBe(
      "<p>The river crested at 28 feet.</p>\n" +
        '<figure class="story-figure"><picture>' +
        '<source type="image/avif" srcset="/media/a1.avif 320w, /media/a2.avif 1600w" sizes="(min-width: 44rem) 42rem, 100vw">' +
        '<source type="image/webp" srcset="/media/w1.webp 320w, /media/w2.webp 1600w" sizes="(min-width: 44rem) 42rem, 100vw">' +
        '<img src="/media/j2.jpg" srcset="/media/j1.jpg 320w, /media/j2.jpg 1600w" sizes="(min-width: 44rem) 42rem, 100vw" width="1600" height="1067" alt="A ferry at the flooded pier" loading="lazy" decoding="async">' +
        "</picture><figcaption>" +
        '<span class="story-figure-caption">The ferry kept running.</span>' +
        '<span class="story-figure-credit">Ana Diaz/Ledger</span>' +
        "</figcaption></figure>\n" +
        "<p>Officials lifted the evacuation order.</p>",
    );
  });

  it("keeps the lead image first and the other listed images after the body", () => {
    const article = sampleArticle({
      body: bodyWithPhoto(),
      images: listImages,
      bodyPhotos: [{ photoId, url: "/media/placed.jpg" }],
    });
    const sources = elements(buildStoryArticle({ article }))
      .filter((element) => element.tagName === "img")
      .map((element) => [element.properties.src, element.properties.loading]);
    expect(sources).toEqual([
      ["/media/aaaa.jpg", "eager"],
      ["/media/placed.jpg", "lazy"],
      ["https://img.example/b.jpg", "lazy"],
      ["https://img.example/c.jpg", "lazy"],
    ]);
  });

  it("treats the line's alt, caption and credit as text, never markup", () => {
    const evil = "<script>alert(1)</script><img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))";
    const article = sampleArticle({
      body: bodyWithPhoto(line({ alt: evil, caption: evil, credit: evil })),
      bodyPhotos: [{ photoId, url: "/media/placed.jpg" }],
    });
    const tree = buildStoryArticle({ article });
    const found = elements(tree);
    expect(found.filter((element) => element.tagName === "script")).toEqual([]);
    expect(found.filter((element) => ["strong", "a"].includes(element.tagName))).toEqual([]);
    const img = found.find((element) => element.tagName === "img");
    expect(img?.properties).toMatchObject({ src: "/media/placed.jpg", alt: evil });
    const caption = found.find(
      (element) => element.properties.className?.toString() === "story-figure-caption",
    );
    expect(caption?.children).toEqual([{ type: "text", value: evil }]);
  });

  it("leaves out a photo that could not be resolved, as it does a listed one", () => {
    const article = sampleArticle({ body: bodyWithPhoto(), bodyPhotos: [] });
    const html = toHtml(buildStoryArticle({ article }));
    expect(html).not.toContain("<figure");
    expect(html).not.toContain("::photo");
    expect(html).not.toContain("copydesk");
    expect(storyBody(html)).toBe(
      "<p>The river crested at 28 feet.</p>\n\n<p>Officials lifted the evacuation order.</p>",
    );
  });

  it("places the same photo twice with each line's own caption", () => {
    const article = sampleArticle({
      body: `${line({ caption: "Morning." })}\n\nText.\n\n${line({ caption: "Evening." })}`,
      bodyPhotos: [{ photoId, url: "/media/placed.jpg" }],
    });
    const html = toHtml(buildStoryArticle({ article }));
    expect([...html.matchAll(/story-figure-caption">([^<]*)</g)].map((match) => match[1])).toEqual([
      "Morning.",
      "Evening.",
    ]);
  });

  it("lists body photos in JSON-LD after the story's images, with absolute URLs", () => {
    const article = sampleArticle({
      body: `${line()}\n\nText.\n\n${line({ photoId: otherId })}`,
      images: listImages,
      bodyPhotos: [
        { photoId, url: "/media/placed.jpg" },
        { photoId: otherId, url: "/media/aaaa.jpg" },
      ],
    });
    const ld = storyJsonLd({ article, canonical: "x", origin: "https://news.example" });
    expect(ld.image).toEqual([
      "https://news.example/media/aaaa.jpg",
      "https://img.example/b.jpg",
      "https://img.example/c.jpg",
      "https://news.example/media/placed.jpg",
    ]);
  });
});
