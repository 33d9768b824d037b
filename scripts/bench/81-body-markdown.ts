import { getSchema } from "@tiptap/core";
import type { Node as ProseNode } from "@tiptap/pm/model";

import { bodyExtensions } from "@/lib/body-markdown/body-extensions";
import { parseBody } from "@/lib/body-markdown/parse-body";
import { serializeBody } from "@/lib/body-markdown/serialize-body";
import { renderStoryBody } from "@/lib/render/story-body";

import { median } from "./support/measure";

/*
 * The body editor's Markdown library (issue 21) on long stories, in Node: reading a body into the editor's document, writing it back
 * unedited, and writing it back after one paragraph changed (what each keystroke costs), at 1,000, 10,000
 * and 100,000 words. Two kinds of body: plain paragraphs (most news copy; read chunk by chunk) and one with
 * a link, emphasis and a list every few paragraphs (read whole). Baseline in the same run: the public
 * renderer on the same body, cold (its memo cleared by a fresh variant).
 */

const vocabulary =
  "the council said residents would see changes to water service across the county after officials met".split(
    " ",
  );

function body(words: number, marked: boolean, variant: string): string {
  const paragraphs: string[] = [];
  for (let index = 0; paragraphs.length * 50 < words; index += 1) {
    const text = `${variant} ${index}: ${Array.from({ length: 48 }, (_, word) => vocabulary[(index * 7 + word) % vocabulary.length]).join(" ")}.`;
    if (marked && index % 5 === 1)
      paragraphs.push(`The *council* said, [in a statement](https://example.com/${index}), ${text}`);
    else if (marked && index % 5 === 3) paragraphs.push(`- ${text}\n- **Second** item ${index}`);
    else paragraphs.push(text);
  }
  return paragraphs.join("\n\n");
}

const time = (work: () => void) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

export default async function run(): Promise<void> {
  const schema = getSchema(bodyExtensions());
  const rounds = 5;
  const rows: Record<string, string>[] = [];
  for (const marked of [false, true]) {
    for (const words of [1_000, 10_000, 100_000]) {
      const parse: number[] = [];
      const unedited: number[] = [];
      const keystroke: number[] = [];
      const render: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const markdown = body(words, marked, `Round ${round}`);
        let parsed = parseBody(markdown, schema);
        parse.push(time(() => (parsed = parseBody(markdown, schema))));
        const { doc, source } = parsed;
        let written = "";
        unedited.push(time(() => (written = serializeBody(doc, source))));
        if (written !== markdown) throw new Error("the unedited body did not come back byte for byte");
        const middle = Math.floor(doc.childCount / 2);
        const target = doc.child(middle);
        const edited: ProseNode = doc.copy(
          doc.content.replaceChild(
            middle,
            target.type.name === "paragraph"
              ? schema.node("paragraph", null, [schema.text(`${target.textContent}!`)])
              : target,
          ),
        );
        keystroke.push(time(() => serializeBody(edited, source)));
        render.push(time(() => renderStoryBody({ markdown })));
      }
      rows.push({
        body: marked ? "marked" : "plain",
        words: words.toLocaleString("en-US"),
        "parse (ms)": median(parse).toFixed(1),
        "write unedited (ms)": median(unedited).toFixed(2),
        "write after one edit (ms)": median(keystroke).toFixed(2),
        "public render, cold (ms)": median(render).toFixed(1),
      });
    }
  }
  console.table(rows);
}
