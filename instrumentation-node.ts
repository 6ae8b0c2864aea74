import { EnvError, getEnv } from "./lib/env";

// A bad setting stops start-up here, naming the variable and the rule.
try {
  getEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// The store's migrations run here, then the first admin (and the demo users in demo mode) are created.
await (await import("./lib/auth/start-up")).prepareConsoleUsers();
