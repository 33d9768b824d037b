export const storyStatuses = ["draft", "published", "unpublished", "withdrawn"] as const;
