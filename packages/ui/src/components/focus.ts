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
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("contenu")?.focus();
    window.scrollTo?.(0, 0);
  }, [location]);
}

/** Ref that focuses its element once mounted (e.g. the heading of a confirmation view). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
