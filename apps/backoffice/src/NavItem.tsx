import type { ReactNode } from "react";
import { Link, useRoute } from "wouter";

/** Navigation link marked `aria-current="page"` on its section (the path and what is under it). */
export function NavItem({ href, children }: { href: string; children: ReactNode }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href === "/" ? "" : href}/*`);
  const current = exact || (href !== "/" && nested);
  return (
    <li>
      <Link href={href} aria-current={current ? "page" : undefined}>
        {children}
      </Link>
    </li>
  );
}
