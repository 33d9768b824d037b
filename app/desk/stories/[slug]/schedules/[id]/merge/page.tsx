import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { HeldScheduleResolver } from "@/app/desk/_components/held-schedule-resolver";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { StoryHeader } from "@/app/desk/_components/story-header";
import { can } from "@/lib/auth/permissions";
import { readDeskPendingChanges } from "@/lib/desk/desk-story-context";
import { newsroomClock } from "@/lib/editorial/newsroom-time";
import { newsroomSettings } from "@/lib/public/newsroom-settings";
import { savableKinds } from "@/lib/revisions/save-revision-input";
import { readHeldScheduleMerge } from "@/lib/schedules/held-schedule-merge";
import { getStoryOrThrow } from "@/lib/stories/story";
import { isOneOf } from "@/lib/validation/one-of";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Held schedule · ${(await params).slug}` };
}

/** A held schedule's merge view: why it was held, the three-way merge, and (for editors) settling it. */
export default async function HeldScheduleMergePage({ params }: Props) {
  const { slug, id } = await params;
  const actor = await requirePageActor({
    permission: "desk:read",
    callbackPath: `/desk/stories/${slug}/schedules/${id}/merge`,
  });
  const [story, view] = await orNotFound(() =>
    Promise.all([getStoryOrThrow({ slug, actor }), readHeldScheduleMerge({ actor, slug, scheduleId: id })]),
  );
  const { schedule, merge } = view;
  const { timeZone } = newsroomSettings();
  const zoneLabel = newsroomClock({ instant: new Date(), zone: timeZone }).zoneLabel;
  const pending = merge ? await readDeskPendingChanges({ slug, liveNumber: story.liveRevisionNumber }) : [];
  const ownKind = schedule.kind ?? view.ours.kind;
  const kind = isOneOf(savableKinds, ownKind) ? ownKind : "update";
  const storyPath = `/desk/stories/${encodeURIComponent(slug)}`;

  return (
    <>
      <StoryHeader story={story} current="edit" />
      <h2>Held schedule: revision {schedule.revisionNumber}</h2>
      <p>
        Scheduled by {schedule.createdBy.name} for <DeskTime iso={schedule.runAt} relative={false} />
        {schedule.ranAt ? (
          <>
            ; held at <DeskTime iso={schedule.ranAt} relative={false} />
          </>
        ) : null}
        .
      </p>
      <div className="desk-notice desk-notice-warn">
        <p>{schedule.heldReason}</p>
      </div>
      {merge ? (
        <>
          <p>
            Base: revision {merge.baseRevision} (live when this was scheduled). Scheduled: revision{" "}
            {merge.oursRevision}. {merge.theirsIsLive ? "Live now" : "Newest now"}: revision{" "}
            {merge.theirsRevision}.{" "}
            <Link href={`${storyPath}/compare?from=${merge.baseRevision}&to=${merge.theirsRevision}`}>
              See what changed since it was scheduled
            </Link>
          </p>
          <HeldScheduleResolver
            slug={slug}
            scheduleId={schedule.id}
            merge={merge.merge}
            changedSince={merge.changedSince}
            oursRevision={merge.oursRevision}
            theirsRevision={merge.theirsRevision}
            theirsIsLive={merge.theirsIsLive}
            canAct={can({ actor, permission: "schedule:manage" })}
            zoneLabel={zoneLabel}
            change={{
              kind,
              summary: schedule.summary ?? "",
              note: schedule.note ?? view.ours.publicNote ?? "",
              internalNote: "",
            }}
            pending={pending}
            legalRemovalsSeen={story.legalRemovalCount}
          />
        </>
      ) : (
        <div className="desk-notice desk-notice-info" role="status">
          <p>
            Resolved{schedule.resolvedBy ? ` by ${schedule.resolvedBy.name}` : ""}
            {schedule.resolvedAt ? (
              <>
                {" "}
                at <DeskTime iso={schedule.resolvedAt} relative={false} />
              </>
            ) : null}
            : merged as revision {schedule.resolvedNumber},{" "}
            {schedule.supersededById ? "and scheduled again" : "and published"}.
          </p>
        </div>
      )}
      <p>
        <Link href={storyPath}>Back to the story</Link>
      </p>
    </>
  );
}
