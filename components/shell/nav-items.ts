import type { Permission } from "@/lib/auth/permissions";
import type shell from "@/messages/en/shell.json";

export type ShellNavKey = keyof (typeof shell)["nav"];

// The console's sections, in order. A section is listed only once its pages exist.
export interface NavItem {
  /** Key into the `shell.nav` messages, unless `namespace` names the feature catalog whose `nav` message is the label. */
  key: ShellNavKey | "services" | "issues" | "roles" | "users" | "audit";
  namespace?: "services" | "diagnosis" | "roles" | "users" | "audit";
  href: string;
  exact?: boolean;
  /** Shown only to users whose role has this permission (the pages check it again on the server). */
  permission?: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { key: "overview", href: "/", exact: true },
  { key: "services", namespace: "services", href: "/services", permission: "inventory:read" },
  { key: "issues", namespace: "diagnosis", href: "/issues", permission: "inventory:read" },
  { key: "roles", namespace: "roles", href: "/roles", permission: "inventory:read" },
  { key: "users", namespace: "users", href: "/admin/users", permission: "users:manage" },
  { key: "audit", namespace: "audit", href: "/audit", permission: "audit:read" },
];
