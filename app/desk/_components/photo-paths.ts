/** Desk addresses of a library photo (app/desk/photos/[id]/[variant]); each redirects to a rendition. */
export const photoThumbnailPath = (photoId: string) =>
  `/desk/photos/${encodeURIComponent(photoId)}/thumbnail`;
export const photoPreviewPath = (photoId: string) => `/desk/photos/${encodeURIComponent(photoId)}/preview`;
export const photoOriginalPath = (photoId: string) => `/desk/photos/${encodeURIComponent(photoId)}/original`;
