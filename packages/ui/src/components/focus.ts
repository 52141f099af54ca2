import { useEffect, useRef } from "react";

/**
 * After a client-side navigation (not on the first load), moves the focus to the start of the
 * main content (`<main id="contenu" tabIndex={-1}>`), so that keyboard and screen-reader users
 * start reading the new page from its top instead of staying on the link they followed. The
 * `<main>` element, unlike the page's heading, stays the same while the page loads its data.
 */
export function useFocusOnRouteChange(location: string) {
  const first = useRef(true);
  useEffect(() => {
    // On the first load the focus stays at the top (the skip link comes first), unless the page
    // replaced one whose focused control vanished (after logging in).
    if (first.current && !nextPageTakesFocus) {
      first.current = false;
      return;
    }
    first.current = false;
    nextPageTakesFocus = false;
    document.getElementById("contenu")?.focus();
    window.scrollTo?.(0, 0);
  }, [location]);
}

let nextPageTakesFocus = false;

/**
 * Says that the next page to appear replaces the whole screen (the login form gives way to the
 * app): its main content takes the focus, which would otherwise fall back to the document.
 */
export function focusNextPage(on = true) {
  nextPageTakesFocus = on;
}

/** Ref that focuses its element once mounted (e.g. the heading of a confirmation view). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
