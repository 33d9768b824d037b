import { describe, expect, it } from "vitest";

import { serializeJsonLd } from "./reader-document";
import { sampleArticle } from "./render-fixtures";
import { storyJsonLd } from "./story-metadata";
import { renderStoryPage } from "./story-page";

function jsonLdOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error("no JSON-LD block");
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

describe("renderStoryPage", () => {
  const article = sampleArticle({
    lastMaterialUpdateAt: "2025-02-13T14:30:00.000Z",
    credits: [
      { name: "Ana Diaz", role: "byline", location: null },
      { name: "Ben Ode", role: "byline", location: null },
    ],
    images: [{ url: "/photos/river.jpg", alt: "River", caption: "", credit: "" }],
    notes: [
      {
        kind: "correction",
        text: "An earlier version misstated the crest.",
        publishedAt: "2025-02-13T14:30:00.000Z",
      },
      { kind: "editors_note", text: "Context.", publishedAt: "2025-02-13T15:30:00.000Z" },
    ],
  });
  const html = renderStoryPage({ article, liveRevisionNumber: 7, origin: "https://news.example" });

  it("describes the story as a NewsArticle with authors, image and corrections", () => {
    const ld = jsonLdOf(html);
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: article.headline,
      datePublished: "2025-02-12T20:07:00.000Z",
      dateModified: "2025-02-13T14:30:00.000Z",
      author: [
        { "@type": "Person", name: "Ana Diaz" },
        { "@type": "Person", name: "Ben Ode" },
      ],
      image: ["https://news.example/photos/river.jpg"],
      correction: [
        {
          "@type": "CorrectionComment",
          text: "An earlier version misstated the crest.",
          datePublished: "2025-02-13T14:30:00.000Z",
        },
      ],
    });
  });

  // Regression: with no byline credit, "By Jane Doe, Staff Writer" was split into Persons "Jane Doe" and
  // "Staff Writer".
  it("takes authors from byline credits only, never from the free-text byline", () => {
    const free = {
      byline: "By Jane Doe, Staff Writer and Ben Ode",
      credits: [{ name: "Cy Park", role: "contributed_reporting" as const, location: null }],
    };
    const ld = storyJsonLd({ article: sampleArticle(free), canonical: "x", origin: "https://news.example" });
    expect(ld).not.toHaveProperty("author");
    expect(JSON.stringify(ld)).not.toContain("Staff Writer");
    const credited = storyJsonLd({
      article: sampleArticle({
        byline: "By Jane Doe, Staff Writer",
        credits: [{ name: "Jane Doe", role: "byline", location: null }],
      }),
      canonical: "x",
      origin: "https://news.example",
    });
    expect(credited.author).toEqual([{ "@type": "Person", name: "Jane Doe" }]);
  });

  it("prints the visible time, dateModified and article:modified_time from one instant", () => {
    expect(html).toContain('<meta property="article:modified_time" content="2025-02-13T14:30:00.000Z">');
    expect(html).toContain('Updated <time datetime="2025-02-13T14:30:00.000Z"');
  });

  it("never gives a dateModified earlier than datePublished", () => {
    const ld = storyJsonLd({
      article: sampleArticle({ lastMaterialUpdateAt: "2020-01-01T00:00:00.000Z" }),
      canonical: "x",
      origin: "https://news.example",
    });
    expect(ld.dateModified).toBe("2025-02-12T20:07:00.000Z");
  });

  it("has a canonical URL, Open Graph and Twitter tags, and no inline script", () => {
    expect(html).toContain('<link rel="canonical" href="https://news.example/stories/river-flood">');
    expect(html).toContain('<meta property="og:title" content="River crests below flood stage">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="application/ld+json">', '<script src="/reader.js" defer>']);
    expect(html).not.toMatch(/ style=/);
  });

  it("cannot be broken out of the JSON-LD block by a headline", () => {
    const evil = renderStoryPage({
      article: sampleArticle({ headline: "</script><script>alert(1)</script><!--" }),
      liveRevisionNumber: 1,
      origin: "https://news.example",
    });
    expect(jsonLdOf(evil).headline).toBe("</script><script>alert(1)</script><!--");
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(evil)![1]!;
    expect(block).not.toContain("<");
    expect(serializeJsonLd({ a: "\u2028<&>" })).toBe('{"a":"\\u2028\\u003c\\u0026\\u003e"}');
  });
});
