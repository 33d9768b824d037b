import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { RemovalRequestForm } from "@/app/desk/removals/removal-request-form";
import { readRemovalChoices } from "@/lib/desk/removal-choices";

import "@/app/desk/removals/removals.css";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Legal removal · ${(await params).slug}` };
}

/** Admins only: asking for text, a photo or a contributor to be taken out of every stored copy of the story. */
export default async function LegalRemovalRequestPage({ params }: Params) {
  const { slug } = await params;
  const actor = await requirePageActor({
    permission: "legal:remove",
    callbackPath: `/desk/stories/${slug}/legal-removal`,
  });
  const { story, ...choices } = await orNotFound(() => readRemovalChoices({ actor, slug }));
  return (
    <>
      <p className="desk-crumbs">
        <Link href="/desk">Stories</Link> / <Link href={`/desk/stories/${slug}`}>{story.headline}</Link> /
        Legal removal
      </p>
      <div className="desk-title-row">
        <div>
          <h1>Ask for a legal removal</h1>
          <p className="desk-lede">
            For a court order, a settlement, a source’s safety or an erasure request. What you choose is
            replaced by a removal marker in every stored copy of <span className="desk-mono">{slug}</span>{" "}
            once another admin approves; readers get your notice. The record keeps who, when and why, never
            the text.
          </p>
        </div>
      </div>
      <RemovalRequestForm slug={slug} choices={choices} />
    </>
  );
}
