// One JSON file per namespace, so that features add their own catalog without touching others.
import common from "./common.json";
import shell from "./shell.json";
import overview from "./overview.json";
import auth from "./auth.json";
import users from "./users.json";
import audit from "./audit.json";
import services from "./services.json";
import serviceDetail from "./service-detail.json";
import roles from "./roles.json";
import roleDetail from "./role-detail.json";
import policy from "./policy.json";
import wizard from "./wizard.json";
import preflight from "./preflight.json";
import approvals from "./approvals.json";
import settings from "./settings.json";
import diagnosis from "./diagnosis.json";
import access from "./access.json";
import denials from "./denials.json";
import activity from "./activity.json";
// Said by server components only (what a list did with its address), so no client bundle carries it.
import lists from "./lists.json";
// Server messages: AppError keys and the rules of refused fields (lib/errors/render.ts).
import errors from "./errors.json";

const messages = { common, shell, overview, auth, users, audit, services, "service-detail": serviceDetail, roles, "role-detail": roleDetail, policy, wizard, preflight, approvals, settings, diagnosis, denials, access, activity, lists, errors };
export default messages;
