import { redirect } from "next/navigation";

/** /desk is the story list; this address only forwards there. */
export default function StoriesIndexPage() {
  redirect("/desk");
}
