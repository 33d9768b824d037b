// The stories the body editor bench types into.

const words = [
  "officials",
  "said",
  "the",
  "talks",
  "would",
  "resume",
  "on",
  "Monday",
  "after",
  "a",
  "week",
  "of",
  "quiet",
  "negotiation",
  "between",
  "delegations",
];

/** A news story of about `count` words: 60-word paragraphs, a subhead every 20, some links and emphasis. */
export function storyBody(count: number): string {
  const paragraphs: string[] = [];
  for (let index = 0; index * 60 < count; index += 1) {
    if (index > 0 && index % 20 === 0) paragraphs.push(`## Part ${index / 20 + 1} of the talks`);
    const text = Array.from({ length: 60 }, (_, at) => words[(index * 7 + at) % words.length]).join(" ");
    const marked =
      index % 5 === 0
        ? `${text.slice(0, 40)} [the ministry](https://example.com/${index}) ${text.slice(40)}`
        : index % 7 === 0
          ? `**${text.slice(0, 30)}** ${text.slice(30)}`
          : text;
    paragraphs.push(`${marked[0]?.toUpperCase()}${marked.slice(1)}.`);
  }
  return paragraphs.join("\n\n");
}
