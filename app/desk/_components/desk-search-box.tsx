"use client";

import Form from "next/form";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Where a keystroke is someone typing: a field, a list box, or the body editor. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null;
}

/**
 * The search box in the desk's header, and the `/` shortcut that focuses it from anywhere on the desk (the
 * search page's own box there, which takes the header box's place). A `/` typed into a field, a list box or
 * the body editor stays that character; an open dialog keeps the focus; Escape leaves the box.
 */
export function DeskSearchBox() {
  const onSearchPage = usePathname() === "/desk/search";

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const box = document.querySelector<HTMLInputElement>("input[data-desk-search]");
      if (!box) return;
      if (event.key === "Escape" && event.target === box) {
        // Leaves the box as it is; a search box's own Escape would also empty it.
        event.preventDefault();
        box.blur();
        return;
      }
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (document.querySelector("dialog[open], [aria-modal='true']")) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  if (onSearchPage) return null;
  return (
    <Form action="/desk/search" className="desk-header-search" role="search" aria-label="Search stories">
      <label htmlFor="desk-header-search" className="visually-hidden">
        Search every story
      </label>
      <input
        id="desk-header-search"
        type="search"
        name="q"
        placeholder="Search stories"
        data-desk-search=""
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
      />
      <kbd aria-hidden="true" title="Press / to search">
        /
      </kbd>
    </Form>
  );
}
