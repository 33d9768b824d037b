import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { emptyContent } from "@/app/desk/_components/editor-draft";
import { StoryEditor } from "@/app/desk/_components/story-editor";
import { can } from "@/lib/auth/permissions";
import { readDeskStoryContext } from "@/lib/desk/desk-story-context";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage() {
  const actor = await requirePageActor({ permission: "story:create", callbackPath: "/desk/stories/new" });
  const context = await readDeskStoryContext({ slug: null, upTo: 0 });
  return (
    <>
      <p className="desk-crumbs">
        <Link href="/desk">Stories</Link> / new
      </p>
      <h1>New story</h1>
      <p className="desk-lede">
        {can({ actor, permission: "revision:publish" })
          ? "Save it as a draft, or publish it straight away."
          : "Save it as a draft, then ask for review on its page; an editor publishes it."}
      </p>
      <StoryEditor
        userId={actor.userId}
        slug={null}
        baseRevision={0}
        initialContent={emptyContent}
        canPublish={can({ actor, permission: "revision:publish" })}
        isLive={false}
        status={null}
        pending={[]}
        liveCheck={null}
        contributorNames={context.contributorNames}
        preview={{
          slug: "",
          newsroom: context.newsroom,
          notes: [],
          removalNotices: [],
          firstPublishedAt: null,
          lastMaterialUpdateAt: null,
        }}
      />
    </>
  );
}
