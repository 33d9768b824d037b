// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { getSchema } from "@tiptap/core";
import { DOMParser as ProseMirrorParser, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { describe, expect, test } from "vitest";

import { bodyExtensions } from "@/lib/body-markdown/body-extensions";
import { cleanPastedHtml, safeLinkHref } from "@/lib/body-markdown/clean-paste";
import { parseBody } from "@/lib/body-markdown/parse-body";
import { transformPastedHtml } from "@/lib/body-markdown/paste-editor-props";
import { plainTextToParagraphs } from "@/lib/body-markdown/paste-text";
import { serializeBody } from "@/lib/body-markdown/serialize-body";
import { unsafeTextProblem } from "@/lib/validation/text-rules";

const schema = getSchema(bodyExtensions());

function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "paste-fixtures", name), "utf8");
}

/** What the editor holds after the paste: the cleaned HTML read by ProseMirror, as the browser does. */
function pasted(html: string): ProseMirrorNode {
  const container = document.createElement("div");
  container.innerHTML = cleanPastedHtml(html);
  return ProseMirrorParser.fromSchema(schema).parse(container);
}

/** The Markdown the body editor stores for a document pasted into an empty body. */
function typed(doc: ProseMirrorNode): string {
  return serializeBody(doc, parseBody("", schema).source);
}

describe("pasting from Google Docs", () => {
  test("keeps headings, bold, italic, links, nested lists and the indented quote; the wrapper is not bold", () => {
    expect(typed(pasted(fixture("google-docs.html")))).toBe(
      [
        "## Council approves the budget",
        "The city council voted **7 to 2** on Tuesday to approve a *revised* budget, according to " +
          "[the meeting minutes](https://example.gov/minutes/2026-12-01).",
        "> “We heard the residents,” said Councillor Ana Ruiz.",
        "### What changes",
        "- Libraries open on Sundays\n  - Starting in March\n- Bus fares stay at $2.50",
        "The vote in numbers:",
        "1. Seven in favour\n2. Two against",
      ].join("\n\n"),
    );
  });
});

describe("pasting from Word for Windows", () => {
  const document = pasted(fixture("word-desktop-windows.html"));

  test("mso-list paragraphs arrive as real lists, bulleted or numbered by their marker, nested by level", () => {
    expect(typed(document)).toContain(
      "- Sandbags at the **fire station**\n  - Bring a shovel\n- Water at the library",
    );
    expect(typed(document)).toContain(
      "1. Move valuables upstairs\n   1. Photos and papers first\n2. Turn off the gas",
    );
    expect(typed(document)).not.toMatch(/[·§]|^o /m);
  });

  test("tracked changes are taken as accepted and review comments are dropped, commented words kept", () => {
    const text = document.textContent;
    expect(text).toContain("The river crested at 4 a.m. 10\u00A0km north of the city.");
    expect(text).not.toContain("on Monday");
    expect(text).not.toContain("[JD1]");
    expect(text).not.toContain("Check the crest time");
  });

  test("the whole paste reads as the writer wrote it, with no empty spacer paragraph", () => {
    expect(typed(document)).toBe(
      [
        "## Flood warning extended",
        "Residents of **three counties** were told to *stay indoors*, the " +
          "[National Weather Service](https://weather.example.org/alerts) said. " +
          "The river crested at 4 a.m. 10\u00A0km north of the city.",
        "Shelter: Lincoln High School\\\n1200 Oak Street",
        "- Sandbags at the **fire station**\n  - Bring a shovel\n- Water at the library",
        "Before you leave:",
        "1. Move valuables upstairs\n   1. Photos and papers first\n2. Turn off the gas",
      ].join("\n\n"),
    );
  });

  // Guards the bug where a pasted U+000B blocked saving: "invisible control character (U+000B) at character 51".
  test("Word's soft line break U+000B becomes a line break, and the body can be saved", () => {
    expect(fixture("word-desktop-windows.html")).toContain("\u000B");
    const shelter = document.child(2);
    expect(shelter.child(1).type.name).toBe("hardBreak");
    expect(unsafeTextProblem(document.textContent)).toBeNull();
  });
});

describe("pasting from Word for the web", () => {
  test("one list per item is merged back into one list per kind, nested by data-aria-level", () => {
    expect(typed(pasted(fixture("word-web.html")))).toBe(
      [
        "## School board names new superintendent",
        "The board voted **unanimously** on Monday to hire *Dr. Maya Chen*, according to the " +
          "[board’s statement](https://schools.example.org/news/superintendent).\\\nHer first day is Jan. 5.",
        "- Three-year contract\n  - Renewable once\n- Salary: $245,000",
        "Next steps:",
        "1. Public forum on Dec. 10\n2. Swearing-in on Jan. 5",
      ].join("\n\n"),
    );
  });
});

describe("pasting from a news web page", () => {
  const html = fixture("news-web-page.html");

  test("keeps the article's words, formatting, quote and table; drops navigation, forms, media and asides", () => {
    expect(typed(pasted(html))).toBe(
      [
        "The **state transit agency** said Thursday that it will *delay* the opening of the " +
          "[new rail line](https://news.example.com/2026/11/rail-line-costs) by six months.",
        "## Why it matters",
        "Riders were promised trains by spring. Read the full timeline, download the agency's letter, " +
          "see our FAQ or [send us a tip](mailto:tips@news.example.com).",
        "> “Safety comes before the calendar,” the agency's director said.",
        "| Segment  | New date    |\n| -------- | ----------- |\n| Downtown | June 2027   |\n| Airport  | **Not set** |",
      ].join("\n\n"),
    );
  });

  test("no script, event handler, style, class, image or unsafe address survives cleaning", () => {
    const cleaned = cleanPastedHtml(html);
    expect(cleaned).not.toMatch(/<script|<img|<iframe|<svg|<button|<form|<nav|<aside|<footer/i);
    expect(cleaned).not.toMatch(/\son\w+=|style=|class=|id=/i);
    expect(cleaned).not.toMatch(/javascript:|data:|href="\/news/i);
    expect(cleaned).not.toContain("document.cookie");
  });
});

describe("links", () => {
  test.each([
    ["javascript:alert(1)", null],
    [" JavaScript:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["vbscript:msgbox(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["/relative/path", null],
    ["//evil.example/path", null],
    ["#_msocom_1", null],
    ["https://example.com/a?b=c", "https://example.com/a?b=c"],
    ["http://example.com/", "http://example.com/"],
    ["mailto:tips@example.com", "mailto:tips@example.com"],
  ])("%j is kept as %j", (href, expected) => {
    expect(safeLinkHref(href)).toBe(expected);
  });

  test("an unsafe link's words stay as plain text", () => {
    expect(cleanPastedHtml('<p>Read <a href="javascript:alert(1)" onclick="x()">this</a>.</p>')).toBe(
      "<p>Read this.</p>",
    );
  });
});

describe("small things pastes carry", () => {
  test("other control characters are removed; tab and newline are whitespace", () => {
    const cleaned = cleanPastedHtml("<p>Bell\u0007 and\u001F unit\u0000 gone\tand\nkept</p>");
    expect(cleaned).toBe("<p>Bell and unit gone\tand\nkept</p>");
  });

  test("no-break spaces become plain spaces except one between two words", () => {
    expect(cleanPastedHtml("<p>&nbsp;&nbsp;Two&nbsp; spaces, 10&nbsp;km</p><p>&nbsp;</p>")).toBe(
      "<p>  Two  spaces, 10&nbsp;km</p>",
    );
  });

  test("bold set by style counts, and font-weight:normal undoes a <b>", () => {
    const document = pasted(
      '<b style="font-weight:normal" id="docs-internal-guid-1"><p><span style="font-weight:700">Bold</span> ' +
        '<b style="mso-bidi-font-weight:normal">word</b> <b><span style="font-weight:400">plain</span></b></p></b>',
    );
    expect(typed(document)).toBe("**Bold** **word** plain");
  });

  test("a heading is not written bold, whatever its spans say", () => {
    expect(typed(pasted('<h2><b>Subhead</b> <span style="font-weight:700">here</span></h2>'))).toBe(
      "## Subhead here",
    );
  });
});

describe("plain text", () => {
  const paragraphs = (text: string) =>
    typed(schema.topNodeType.create(null, plainTextToParagraphs(text, schema).content)).split("\n\n");

  test("every line is a paragraph, blank lines collapse, U+000B is a line break, nothing is Markdown", () => {
    expect(paragraphs(fixture("plain-text.txt"))).toEqual([
      "Plain text fixture: what a text editor, an email client or a chat app puts on the clipboard.",
      "The mayor said the plan would be announced Friday.",
      // Written escaped, so readers see the characters, not bold type or a tag.
      "Critics called it \\*\\*rushed\\*\\* and posted \\<script>alert(1)\\</script> as a joke.",
      "A line after two blank ones.",
      "Shelter: City Hall\\\n100 Main Street",
    ]);
    const critics = plainTextToParagraphs(fixture("plain-text.txt"), schema).content.child(2);
    expect(critics.childCount).toBe(1);
    expect(critics.child(0).marks).toEqual([]);
  });

  test("Windows line endings and control characters are handled; the ends join the cursor's paragraph", () => {
    const slice = plainTextToParagraphs("first\r\nsecond\u0007\r\n", schema);
    expect(paragraphs("first\r\nsecond\u0007\r\n")).toEqual(["first", "second"]);
    expect(slice.openStart).toBe(1);
    expect(slice.openEnd).toBe(1);
    expect(plainTextToParagraphs("\n \n", schema).size).toBe(0);
  });
});

describe("shapes the sources vary", () => {
  test("Docs' flattened list (depth only in aria-level) is nested again", () => {
    const html =
      '<ul><li aria-level="1"><p>One</p></li><li aria-level="2"><p>Deeper</p></li>' +
      '<li aria-level="3"><p>Deepest</p></li><li aria-level="1"><p>Two</p></li></ul>';
    expect(typed(pasted(html))).toBe("- One\n  - Deeper\n    - Deepest\n- Two");
  });

  test("a Word list copied from its second level starts at the first", () => {
    const html =
      "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level2 lfo1'><![if !supportLists]><span " +
      "style='mso-list:Ignore'>b)<span>&nbsp;</span></span><![endif]>Second<o:p></o:p></p>";
    expect(typed(pasted(html))).toBe("1. Second");
  });

  test("a paragraph between Word list paragraphs makes two lists", () => {
    const item = (marker: string, words: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>` +
      `${marker}<span>&nbsp;&nbsp;</span></span><![endif]>${words}</p>`;
    const html = item("§", "Alpha") + "<p class=MsoNormal>Between</p>" + item("§", "Beta");
    expect(typed(pasted(html))).toBe("- Alpha\n\nBetween\n\n- Beta");
  });

  test("a table cell's paragraphs and line breaks run together on its one line", () => {
    const html =
      "<table><tr><td><p class=MsoNormal>North</p><p class=MsoNormal>region</p></td>" +
      "<td>10<br>units</td></tr></table>";
    expect(typed(pasted(html))).toBe("| North region | 10 units |\n| ------------ | -------- |");
  });

  test("a part of one Docs paragraph arrives as words, without the wrapper's bold", () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-9"><span ' +
      'style="font-size:11pt;font-weight:400;">just these words</span></b>';
    expect(cleanPastedHtml(html)).toBe("<p>just these words</p>");
  });
});

describe("copying within the body editor", () => {
  const readSlice = (html: string) => {
    const container = document.createElement("div");
    container.innerHTML = transformPastedHtml(html);
    return ProseMirrorParser.fromSchema(schema).parseSlice(container);
  };

  test("a placed photo copied from a story arrives as the photo, not dropped as a figure", () => {
    const slice = readSlice(
      '<figure data-pm-slice="0 0 []" data-photo-id="0b6e2c1a-8f3d-4b7e-9a51-3c2d1e0f4a5b" data-alt="Crews at dawn" ' +
        'data-caption="The warehouse fire" data-credit="Jane Doe/AP"><figcaption>The warehouse fire</figcaption></figure>',
    );
    expect(slice.content.firstChild?.type.name).toBe("photo");
    expect(slice.content.firstChild?.attrs.photoId).toBe("0b6e2c1a-8f3d-4b7e-9a51-3c2d1e0f4a5b");
  });

  test("HTML that only claims to be ProseMirror's still cannot bring an unsafe link or an image", () => {
    const slice = readSlice(
      '<p data-pm-slice="1 1 []">Read <a href="javascript:alert(1)" onclick="x()">this</a>' +
        '<img src="https://pixel.example/t.gif" onerror="alert(1)">\u000B.</p>',
    );
    const paragraph = slice.content.firstChild;
    expect(paragraph?.textContent).toBe("Read this .");
    paragraph?.forEach((child) => expect(child.marks).toEqual([]));
    expect(paragraph?.childCount).toBe(1);
  });
});
