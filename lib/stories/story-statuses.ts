export const storyStatuses = ["draft", "published", "unpublished"] as const;
