import fc from "fast-check";

/*
 * Generated story bodies for the property tests: the Markdown writers actually produce (lists, nested lists,
 * quotes, emphasis with both markers, escapes, links with titles, autolinks, hard breaks both ways, tables,
 * headings both ways), with the accidents of real files (CRLF, trailing spaces, no final newline, extra
 * blank lines).
 */

const word = fc.constantFrom(
  "river",
  "council",
  "Mayor",
  "said",
  "Tuesday",
  "42",
  "$4.5",
  "million",
  "the",
  "a",
  "“quoted”",
  "don't",
  "rain—and",
  "5%",
  "(so)",
  "snake_case",
  "2*3",
  "a_b",
  "#7",
  "&amp;",
  "&",
  "<",
  "x>y",
  "[1]",
  "~",
  "\\*",
  "\\_",
  "\\[",
  "1.",
  "+",
  "-",
  "!",
  "|",
);

const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" "));

const inlinePiece = fc.oneof(
  { weight: 6, arbitrary: words },
  { weight: 1, arbitrary: words.map((text) => `*${text}*`) },
  { weight: 1, arbitrary: words.map((text) => `_${text}_`) },
  { weight: 1, arbitrary: words.map((text) => `**${text}**`) },
  { weight: 1, arbitrary: words.map((text) => `__${text}__`) },
  { weight: 1, arbitrary: words.map((text) => `~~${text}~~`) },
  { weight: 1, arbitrary: words.map((text) => `\`${text.replace(/`/g, "")}\``) },
  { weight: 1, arbitrary: words.map((text) => `[${text}](https://example.com/a_b?q=1)`) },
  { weight: 1, arbitrary: words.map((text) => `[${text}](https://example.com "The title")`) },
  { weight: 1, arbitrary: words.map((text) => `[${text}](mailto:desk@example.com)`) },
  { weight: 1, arbitrary: words.map((text) => `[${text}](javascript:alert(1))`) },
  { weight: 1, arbitrary: fc.constant("<https://example.com/x>") },
  { weight: 1, arbitrary: fc.constant("https://example.com/plain") },
  { weight: 1, arbitrary: fc.constant("www.example.com") },
  { weight: 1, arbitrary: fc.constant("<b>bold</b>") },
  { weight: 1, arbitrary: fc.constant("![a photo](https://example.com/p.jpg)") },
  { weight: 1, arbitrary: fc.constant("a footnote[^1]") },
);

const lineBreak = fc.constantFrom(" ", " ", "\n", "  \n", "\\\n");

/** One line or several of inline Markdown. */
export const inlineMarkdown = fc
  .array(fc.tuple(inlinePiece, lineBreak), { minLength: 1, maxLength: 6 })
  .map((pairs) =>
    pairs.map(([piece, brk], index) => (index === pairs.length - 1 ? piece : piece + brk)).join(""),
  )
  .filter((text) => /\S/.test(text));

const oneLine = inlineMarkdown
  .map((text) => text.replace(/\s*\\?\n\s*/g, " ").trim())
  .filter((text) => text !== "");

const paragraph = inlineMarkdown.map((text) => text.replace(/^[\s>#+*\-=\d|]+/, "").trim() || "Text.");

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), oneLine).map(([level, text]) => `${"#".repeat(level)} ${text}`),
  fc
    .tuple(fc.constantFrom("===", "---"), oneLine)
    .map(([line, text]) => `${text.replace(/^[-+*#>\d]+/, "")}\n${line}`),
);

function listOf(items: string[][], marker: (index: number) => string, indent: string): string {
  return items
    .map((lines, index) => {
      const prefix = marker(index);
      const pad = " ".repeat(prefix.length);
      return lines
        .map((line, lineIndex) => (lineIndex === 0 ? `${indent}${prefix}${line}` : `${indent}${pad}${line}`))
        .join("\n");
    })
    .join("\n");
}

const listItems = fc.array(
  oneLine.map((line) => [line]),
  { minLength: 1, maxLength: 4 },
);

const list = fc
  .tuple(
    fc.constantFrom("- ", "* ", "+ ", ".", ")", "-   "),
    listItems,
    fc.option(listItems, { nil: null }),
    fc.integer({ min: 0, max: 12 }),
    fc.boolean(),
  )
  .map(([kind, items, nested, start, loose]) => {
    const marker = (index: number) => (kind === "." || kind === ")" ? `${start + index}${kind} ` : kind);
    const first = marker(0);
    const withNested = nested
      ? items.map((lines, index) =>
          index === 0
            ? [...lines, listOf(nested, () => "- ", "").replace(/\n/g, `\n${" ".repeat(first.length)}`)]
            : lines,
        )
      : items;
    const written = listOf(withNested, marker, "");
    return loose ? written.replace(/\n(?=[-*+\d])/g, "\n\n") : written;
  });

const quote = fc
  .array(oneLine, { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map((line) => `> ${line}`).join("\n"));

const table = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.constantFrom("---", ":--", "--:", ":-:"), { minLength: 3, maxLength: 3 }),
    fc.array(word, { minLength: 12, maxLength: 12 }),
  )
  .map(([rows, align, cells]) => {
    const width = 3;
    const row = (offset: number) =>
      `| ${cells
        .slice(offset, offset + width)
        .map((cell) => cell.replace(/\|/g, "\\|"))
        .join(" | ")} |`;
    return [
      row(0),
      `|${align.join("|")}|`,
      ...Array.from({ length: rows }, (_, index) => row(width * (index + 1))),
    ].join("\n");
  });

const rawBlock = fc.constantFrom(
  "```js\nconst a = 1;\n\nconst b = 2;\n```",
  "<div>raw <b>html</b></div>",
  "[ref]: https://example.com",
  "[^1]: The footnote.",
  "- [ ] a task\n- [x] done",
  "    indented code",
  "***",
  "---",
  '::photo{id="0b6e1234-1234-4234-8234-123456789abc" alt="A bridge" caption="Evening" credit="Jane Doe/AP"}',
  "::photo{broken",
  "![photo](https://example.com/p.jpg)",
);

const block = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: table },
  { weight: 2, arbitrary: rawBlock },
);

const separator = fc.constantFrom("\n\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\n\n\n\n");

/** A whole body: blocks, separators as people leave them, and the accidents of real files. */
export const bodyMarkdown = fc
  .tuple(
    fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 8 }),
    fc.constantFrom("", "\n", "\n\n", "  \n"),
    fc.constantFrom("", "", "\n"),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([blocks, tail, lead, crlf, trailingSpaces]) => {
    let text =
      lead +
      blocks
        .map(([written, gap], index) => (index === blocks.length - 1 ? written : written + gap))
        .join("") +
      tail;
    if (trailingSpaces) text = text.replace(/\n/, "   \n");
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });

/**
 * Plain text a reporter might type into a paragraph, including what must not become markup. Not a bare URL:
 * GFM links those whatever the escaping (its autolink literal runs on the parsed text), as the editor does
 * while typing.
 */
export const typedText = fc
  .array(
    fc.oneof(
      word,
      fc.constantFrom(
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "*not italic*",
        "# not a heading",
        "1. not a list",
        "[not](a link)",
        "&copy;",
        "| pipe |",
        "`tick`",
        "~~",
        "_under_",
      ),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(" "));
