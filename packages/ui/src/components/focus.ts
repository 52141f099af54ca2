import { useEffect, useRef } from "react";

/**
 * After a client-side navigation (not on the first load), moves the focus to the page's `<h1>`
 * so that screen-reader and keyboard users start reading the new page from its title.
 */
export function useFocusOnRouteChange(location: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>("main h1");
    if (!h1) return;
    if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
    h1.focus();
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
