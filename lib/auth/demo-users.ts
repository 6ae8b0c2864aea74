import type { Role } from "../permissions";

// Demo mode only: console users linked to the emulator's demo RAM users of the same names.
// The login page shows these passwords, so they must never exist outside demo mode.
export interface DemoUser {
  username: "alice" | "bob" | "carol";
  displayName: string;
  role: Role;
  password: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "alice", displayName: "Alice", role: "admin", password: "alice-demo-pass" },
  { username: "bob", displayName: "Bob", role: "engineer", password: "bob-demo-pass" },
  { username: "carol", displayName: "Carol", role: "engineer", password: "carol-demo-pass" },
];
