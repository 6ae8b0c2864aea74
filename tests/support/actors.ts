import type { ConsoleUser } from "../../lib/actor";

// Console users for tests that call the data layer directly, as a route handler would.
export const ENGINEER: ConsoleUser = { id: "u-bob", username: "bob", displayName: "Bob", role: "engineer", ramUserName: "bob" };
export const ADMIN: ConsoleUser = { id: "u-alice", username: "alice", displayName: "Alice", role: "admin", ramUserName: "alice" };
