import type { RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";

import { formatBodyPhotoLine } from "./body-photo-line";
import { bodyPhotoIds, bodyPhotoPlaceholder, readBodyPhotoPlaceholder } from "./body-photo-placeholder";
import { plainTextNote } from "./markdown-guard";
import { renderStoryBody, renderStoryBodyWhole } from "./story-body";

const photoId = "0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d";
const photo = { photoId, alt: "A ferry", caption: "The ferry kept running.", credit: "Ana Diaz/Ledger" };
const line = formatBodyPhotoLine(photo);

const placed = (markdown: string) =>
  renderStoryBody({ markdown }).children.flatMap((node: RootContent) => {
    const found = readBodyPhotoPlaceholder(node);
    return found ? [found] : [];
  });
const html = (markdown: string) => toHtml(renderStoryBody({ markdown }));

describe("photo lines in the rendered body", () => {
  it("becomes a placeholder exactly where the line stands, in both ways of rendering", () => {
    const markdown = `First.\n\n${line}\n\nLast.`;
    for (const tree of [renderStoryBody({ markdown }), renderStoryBodyWhole({ markdown })]) {
      expect(tree.children.map((node) => node.type === "element" && node.tagName)).toEqual([
        "p",
        false,
        "copydesk-body-photo",
        false,
        "p",
      ]);
      expect(tree.children[2]).toEqual(bodyPhotoPlaceholder(photo));
      expect(toHtml(tree)).toBe(
        '<p>First.</p>\n<copydesk-body-photo data-photo-id="0b6e4c2a-1f3d-4a5b-9c8d-7e6f5a4b3c2d" data-alt="A ferry" data-caption="The ferry kept running." data-credit="Ana Diaz/Ledger"></copydesk-body-photo>\n<p>Last.</p>',
      );
    }
    // Footnotes and lists make the renderer parse the whole body: the photo still lands in place.
    const whole = `- a list\n\n${line}\n\nA claim[^1].\n\n[^1]: Source.`;
    expect(renderStoryBody({ markdown: whole }).children[2]).toEqual(bodyPhotoPlaceholder(photo));
  });

  it("keeps the line as text inside a code fence or joined to a paragraph", () => {
    expect(placed(`\`\`\`\n${line}\n\`\`\``)).toEqual([]);
    expect(html(`\`\`\`\n${line}\n\`\`\``)).toContain("<pre><code>::photo{id=");
    expect(placed(`A paragraph\n${line}`)).toEqual([]);
    expect(html(`A paragraph\n${line}`)).toContain("A paragraph\n::photo{id=");
    expect(placed(`${line}\nmore words`)).toEqual([]);
    expect(placed(`  ${line}`)).toEqual([]);
  });

  it("shows a line that cannot be read as the text it is", () => {
    expect(placed('::photo{id="nope"}')).toEqual([]);
    expect(html('::photo{id="nope"}')).toBe('<p>::photo{id="nope"}</p>');
  });

  it("never takes an author's words for a photo", () => {
    const markdown = `copydeskbodyphoto0z\n\n${line}\n\ncopydeskbodyphotox0z`;
    expect(placed(markdown)).toEqual([photo]);
    expect(html(markdown)).toMatch(
      /^<p>copydeskbodyphoto0z<\/p>\n<copydesk-body-photo[^>]*><\/copydesk-body-photo>\n<p>copydeskbodyphotox0z<\/p>$/,
    );
  });

  it("places a photo whose caption is full of marks (the guard never holds a photo line back)", () => {
    const heavy = { ...photo, caption: "(a) [b] *c* ".repeat(80) };
    const markdown = `Text.\n\n${formatBodyPhotoLine(heavy)}`;
    expect(placed(markdown)).toEqual([heavy]);
    expect(html(markdown)).not.toContain(plainTextNote);
  });

  it("lists the photos a body places, each once, in order", () => {
    const other = "7f3a2b1c-0d9e-4f8a-b7c6-d5e4f3a2b1c0";
    const otherLine = formatBodyPhotoLine({ ...photo, photoId: other });
    expect(bodyPhotoIds(`${otherLine}\n\n${line}\n\nText.\n\n${otherLine}`)).toEqual([other, photoId]);
    expect(bodyPhotoIds("No photos.")).toEqual([]);
  });
});
