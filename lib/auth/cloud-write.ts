import "server-only";
import { isReadOnly } from "../cloud/read-only";
import { actorCan, type Actor } from "./actor";

/**
 * For pages and server components: render a control that changes the cloud only when this is
 * true (the user's role holds `cloud:write` and the console is not read-only). Pass the result
 * to client components as a `canWrite` prop.
 */
export function canWriteCloud(user: Actor): boolean {
  return actorCan(user, "cloud:write") && !isReadOnly();
}
