import type { ReactNode } from "react";
import { Link, useRoute } from "wouter";

/**
 * Navigation link marked `aria-current="page"` on its page, or on its whole section (the path and
 * what is under it) when `section` is set.
 */
export function NavItem({ href, section = false, children }: { href: string; section?: boolean; children: ReactNode }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href === "/" ? "" : href}/*`);
  const current = exact || (section && nested);
  return (
    <li>
      <Link href={href} aria-current={current ? "page" : undefined}>
        {children}
      </Link>
    </li>
  );
}
