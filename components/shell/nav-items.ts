import type { Permission } from "@/lib/permissions";
import type shell from "@/messages/en/shell.json";

export type ShellNavKey = keyof (typeof shell)["nav"];

// The console's sections, in order. A section is listed only once its pages exist.
export interface NavItem {
  /** Key into the `shell.nav` messages, unless `namespace` names the feature catalog whose `nav` message is the label. */
  key: ShellNavKey | "services" | "issues" | "roles" | "setup" | "preflight" | "access" | "whyDenied" | "requests" | "approvals" | "users" | "audit" | "settings";
  namespace?: "services" | "diagnosis" | "roles" | "wizard" | "preflight" | "access" | "denials" | "approvals" | "users" | "audit" | "settings";
  /** The message under `namespace` when it is not `nav` (a catalog with several sections). */
  labelKey?: "approvals.nav.requests" | "approvals.nav.approvals";
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
  { key: "setup", namespace: "wizard", href: "/setup", permission: "wizard:generate" },
  { key: "preflight", namespace: "preflight", href: "/preflight", permission: "inventory:read" },
  { key: "access", namespace: "access", href: "/access", permission: "inventory:read" },
  { key: "whyDenied", namespace: "denials", href: "/why-denied", permission: "inventory:read" },
  { key: "requests", namespace: "approvals", labelKey: "approvals.nav.requests", href: "/requests", permission: "passrole:request" },
  { key: "approvals", namespace: "approvals", labelKey: "approvals.nav.approvals", href: "/approvals", permission: "approvals:decide" },
  { key: "users", namespace: "users", href: "/admin/users", permission: "users:manage" },
  { key: "audit", namespace: "audit", href: "/audit", permission: "audit:read" },
  { key: "settings", namespace: "settings", href: "/settings/credentials", permission: "credentials:read" },
];
