import { h } from "hastscript";

import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";
import type { StoryWithdrawal } from "@/lib/public/story-withdrawal";

import type { NewsroomPresentation } from "./public-article";
import { buildReaderDocument } from "./reader-document";

/**
 * What a withdrawn story's address shows (with HTTP 410): the headline readers knew it by, struck as
 * withdrawn, and the editor's note, the way wire services send "STORY WITHDRAWN" with the reason. The story
 * itself is gone; the headline is kept so a reader who followed a link knows which story this was.
 */
export function renderWithdrawnPage(options: {
  withdrawal: StoryWithdrawal;
  newsroom: NewsroomPresentation;
}): string {
  const { withdrawal, newsroom } = options;
  const when = formatNewsroomTime({
    instant: new Date(withdrawal.withdrawnAt),
    zone: newsroom.timeZone,
    style: newsroom.timeStyle,
  });
  return buildReaderDocument({
    title: `Story withdrawn: ${withdrawal.headline} · ${newsroom.name}`,
    newsroomName: newsroom.name,
    head: [h("meta", { name: "robots", content: "noindex" })],
    main: [
      h("article.reader-withdrawn", { ariaLabelledby: "withdrawn-title" }, [
        h("p.reader-kicker", "Story withdrawn"),
        h("h1#withdrawn-title.reader-title.reader-withdrawn-title", withdrawal.headline),
        h("div.reader-withdrawn-note", [
          h("p.reader-withdrawn-label", "Editor’s note"),
          h("p", withdrawal.note),
          h("p.reader-withdrawn-time", [
            "Withdrawn ",
            h("time", { dateTime: withdrawal.withdrawnAt }, when),
            ".",
          ]),
        ]),
        h("p", [
          h("a", { href: "/" }, "See the latest stories"),
          " · ",
          h("a", { href: "/corrections" }, "All corrections"),
        ]),
      ]),
    ],
  });
}
