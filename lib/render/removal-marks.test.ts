import { describe, expect, it } from "vitest";

import type { PublicChangeLog } from "@/lib/public/public-change-log";
import { diffContent } from "@/lib/revisions/diff/diff-content";
import { publicDiff } from "@/lib/revisions/diff/public-diff";
import { wordTokens } from "@/lib/revisions/diff/word-tokens";

import { renderStoryFeed } from "./feeds";
import { renderHistoryPage } from "./history-page";
import { sampleArticle } from "./render-fixtures";
import { renderStoryBody } from "./story-body";
import { renderStoryPage } from "./story-page";

const origin = "https://news.example";
const newsroom = { name: "The Valley Ledger", timeZone: "America/New_York", timeStyle: "house" } as const;
const mark = '<span class="removal-mark" data-removal="7" title="Removed on legal advice">[removed]</span>';
const approvedAt = "2025-02-14T16:00:00.000Z";

function notice(placement: "in_place" | "foot", number = 7) {
  return { number, notice: "This story was edited on legal advice.", placement, approvedAt };
}

const redacted = sampleArticle({
  headline: "Mayor ⟦removed 7⟧ resigns",
  dek: "Levees held, ⟦removed 7⟧ said.",
  byline: "By ⟦removed 7⟧",
  body: "The river crested at 28 feet.\n\nA source, ⟦removed 7⟧, said so.\n\nOfficials lifted the order.",
  credits: [{ name: "Ana Diaz", role: "contributed_reporting", location: "⟦removed 7⟧" }],
  removalNotices: [notice("in_place")],
});

function page(article = redacted): string {
  return renderStoryPage({ article, liveRevisionNumber: 4, origin });
}

describe("removal markers on the story page", () => {
  const html = page();

  it("draws each marker as the calm element in the headline, dek, byline, body and credit line", () => {
    expect(html).toContain(`<h1 class="story-headline">Mayor ${mark} resigns</h1>`);
    expect(html).toContain(`<p class="story-dek">Levees held, ${mark} said.</p>`);
    expect(html).toContain(`<p class="story-byline">By ${mark}</p>`);
    expect(html).toContain(`<p>A source, ${mark}, said so.</p>`);
    expect(html).toMatch(/<p class="story-credit-line">[^<]*Ana Diaz[^<]*<span class="removal-mark"/);
    expect(html).not.toContain("⟦");
  });

  it("says [removed] in plain-text places: title, meta tags, feed link title and JSON-LD", () => {
    expect(html).toContain("<title>Mayor [removed] resigns · The Valley Ledger</title>");
    expect(html).toContain('<meta name="description" content="Levees held, [removed] said.">');
    expect(html).toContain('<meta property="og:title" content="Mayor [removed] resigns">');
    expect(html).toContain('title="Updates to “Mayor [removed] resigns”"');
    expect(html).toContain('"headline":"Mayor [removed] resigns"');
  });

  it("puts an in-place notice right after the first block holding its marker", () => {
    expect(html).toMatch(
      /<p>A source, .*?, said so\.<\/p><p class="story-removal-notice" id="removal-7" role="note">This story was edited on legal advice\. <time/,
    );
    expect(html.match(/story-removal-notice"/g)).toHaveLength(1);
  });

  it("puts a foot notice, and an in-place one whose marker is not on the page, at the foot", () => {
    const foot = page(
      sampleArticle({ body: "Nothing here.", removalNotices: [notice("foot", 7), notice("in_place", 8)] }),
    );
    expect(foot).toMatch(
      /<section class="story-removal-notices" aria-label="Legal notices"><p class="story-removal-notice" id="removal-7".*id="removal-8"/,
    );
  });

  it("puts an in-place notice whose marker is only in the header after the header", () => {
    const header = page(
      sampleArticle({ headline: "Mayor ⟦removed 9⟧ resigns", removalNotices: [notice("in_place", 9)] }),
    );
    expect(header).toMatch(/<p class="story-removal-notice" id="removal-9"[^]*<\/header>/);
  });

  // Regression: the body's rendered blocks are shared with its memo; drawing markers must copy, never change them.
  it("leaves the body's shared blocks as they were", () => {
    const body = renderStoryBody({ markdown: redacted.body });
    renderStoryPage({ article: redacted, body, liveRevisionNumber: 4, origin });
    expect(JSON.stringify(body)).toContain("⟦removed 7⟧");
    expect(JSON.stringify(renderStoryBody({ markdown: redacted.body }))).toContain("⟦removed 7⟧");
  });

  it("draws a paragraph that is only a marker (a removed photo's line) as a placeholder block", () => {
    const html = page(sampleArticle({ body: "Before.\n\n⟦removed 7⟧\n\nAfter." }));
    expect(html).toContain(`<p class="story-removed-block">${mark}</p>`);
  });

  it("shows a photo removed by another story's removal as a placeholder, with nothing of it in the page or its previews", () => {
    const photoId = "0b6e2f3a-1111-4222-8333-444455556666";
    const html = page(
      sampleArticle({
        body: `Before.\n\n::photo{id="${photoId}" alt="A face" caption="Caption words" credit="Jo Lens"}\n\nAfter.`,
        bodyPhotos: [{ photoId, url: "", removed: true }],
        images: [{ url: "", alt: "", caption: "", credit: "", removed: true }],
      }),
    );
    expect(html.match(/<figure class="story-figure story-figure-removed">/g)).toHaveLength(2);
    expect(html).toContain("Photo removed on legal advice.");
    expect(html).not.toContain("Caption words");
    expect(html).not.toContain("og:image");
    expect(html).not.toContain('"image"');
  });
});

describe("removals in the change log and the story feed", () => {
  const log: PublicChangeLog = {
    slug: "river-flood",
    headline: "Mayor ⟦removed 7⟧ resigns",
    firstPublishedAt: "2025-02-12T20:07:00.000Z",
    lastMaterialUpdateAt: approvedAt,
    entries: [
      {
        number: 2,
        kind: "update",
        publishedAt: "2025-02-13T01:00:00.000Z",
        summary: "Adds ⟦removed 7⟧",
        notes: [],
      },
      { number: 1, kind: "first", publishedAt: "2025-02-12T20:07:00.000Z", summary: null, notes: [] },
    ],
    removals: [{ number: 7, notice: "This story was edited on legal advice.", approvedAt }],
  };

  it("lists each removal with its notice, dated at approval, newest first", () => {
    const html = renderHistoryPage({ log, comparison: null, newsroom, origin });
    expect(html).toMatch(
      /<ol class="reader-log"><li class="reader-log-item reader-log-removal" id="removal-7"><time class="reader-log-time" datetime="2025-02-14T16:00:00.000Z">.*?<\/time><span class="reader-log-kind">Removed on legal advice<\/span><p class="reader-log-note">This story was edited on legal advice\.<\/p><\/li><li class="reader-log-item" id="version-2">/,
    );
    expect(html).toContain(`Adds ${mark}`);
    expect(html).not.toContain("⟦");
  });

  it("gives each removal a feed entry and says [removed] for markers", () => {
    const xml = renderStoryFeed({ log, newsroom, origin });
    expect(xml).toContain("#removal-7</id>");
    expect(xml).toContain("<updated>2025-02-14T16:00:00.000Z</updated>");
    expect(xml).toContain(
      "Removed on legal advice February 14, 2025 at 11:00 AM ET: Mayor [removed] resigns",
    );
    expect(xml).toContain("Adds [removed]");
    expect(xml).not.toContain("⟦");
  });
});

describe("removal markers in comparisons", () => {
  it("show whole in the public diff, inserted or kept", () => {
    const side = {
      headline: "Council votes",
      dek: "",
      byline: "",
      images: [],
      credits: [],
      developing: false,
    };
    const diff = publicDiff(
      diffContent({
        from: { ...side, body: "A source, ⟦removed 7⟧, said so.\n\nThe vote was close." },
        to: { ...side, body: "A source, ⟦removed 7⟧, said so on Monday.\n\nThe vote was ⟦removed 7⟧ close." },
        timeoutMs: 60_000,
      }),
    );
    const log: PublicChangeLog = {
      slug: "river-flood",
      headline: "Council votes",
      firstPublishedAt: "2025-02-12T20:07:00.000Z",
      lastMaterialUpdateAt: null,
      entries: [],
      removals: [],
    };
    const html = renderHistoryPage({ log, comparison: { from: 1, to: 2, diff }, newsroom, origin });
    expect(html).toContain(`A source, ${mark}, said so`);
    expect(html).toContain(`<ins> ${mark}</ins>`);
    expect(html).not.toContain("⟦");
  });

  it("are one word each, so a diff shows a marker whole", () => {
    expect(wordTokens("A source, ⟦removed 12⟧, said.")).toEqual([
      "A",
      " source",
      ",",
      " ⟦removed 12⟧",
      ",",
      " said",
      ".",
    ]);
    expect(wordTokens("⟦removed x⟧")).toEqual(["⟦", "removed", " x", "⟧"]);
  });
});
