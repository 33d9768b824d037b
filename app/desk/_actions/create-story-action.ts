"use server";

import { z } from "zod";

import { deskAction } from "@/app/_support/desk-action";
import { can } from "@/lib/auth/permissions";
import { createStory } from "@/lib/revisions/create-story";

import { savedMessage, savedRevision } from "./saved-revision";

/**
 * New story from the desk: the service parses and authorizes the content (publishing needs revision:publish).
 */
export const createStoryAction = deskAction({
  name: "createStory",
  permission: "story:create",
  // createStory parses the content itself (CreateStoryInput), as it does for the API.
  input: z.unknown(),
  run: async ({ actor, input }) => {
    const { story, revision } = await createStory({ actor, input });
    return {
      status: "success",
      message: savedMessage({
        revision,
        outcome: "created",
        canPublish: can({ actor, permission: "revision:publish" }),
      }),
      result: savedRevision({ slug: story.slug, revision, outcome: "created" }),
    };
  },
});
