import { h } from "hastscript";

import { buildReaderDocument } from "./reader-document";

/** A short public page that explains a problem in a sentence, in the public look. */
export function renderMessagePage(options: { newsroomName: string; title: string; text: string }): string {
  return buildReaderDocument({
    title: `${options.title} · ${options.newsroomName}`,
    newsroomName: options.newsroomName,
    main: [
      h("h1.reader-title", options.title),
      h("p.reader-lede", options.text),
      h("p", [h("a", { href: "/" }, "See the latest stories")]),
    ],
  });
}
