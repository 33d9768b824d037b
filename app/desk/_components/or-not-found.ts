import "server-only";

import { notFound } from "next/navigation";

import { isAppError } from "@/lib/errors/app-error";

/** Loads through a service and turns its typed not-found error into the desk's 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
