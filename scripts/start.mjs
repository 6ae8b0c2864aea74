// `npm start`: the console on http://localhost:$PORT (default 3000), listening on 127.0.0.1 only
// unless HOSTNAME names another address (`HOSTNAME=0.0.0.0` for every interface). With no cloud configured
// (ROLESCOPE_CLOUD unset or "emulator") it first starts the embedded emulator, seeded with the
// demo account on first start, and keeps its state in data/emulator.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { consoleStartArgs } from "./start-options.mjs";

const mode = process.env.ROLESCOPE_CLOUD || "emulator";
const children = [];
let stopping = false;

// Each child leads its own process group, so stopping it also stops what npx started under it.
function stopAll(code) {
  stopping = true;
  for (const c of children) {
    if (c.exitCode !== null) continue;
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {
      c.kill("SIGTERM");
    }
  }
  process.exitCode = code;
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function run(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"], detached: true, ...opts });
  children.push(child);
  child.on("exit", (code) => {
    if (stopping) return;
    console.error(`${args[0] ?? cmd} exited (${code}); stopping RoleScope.`);
    stopAll(code ?? 1);
  });
  return child;
}

async function startEmulator() {
  const endpoint = process.env.EMULATOR_ENDPOINT || "127.0.0.1:4610";
  const emuPort = endpoint.split(":")[1];
  const child = run("npx", ["tsx", "emulator/main.ts", "--port", emuPort, "--data", process.env.EMULATOR_DATA_DIR || "data/emulator", "--seed", "demo"]);
  await new Promise((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      seen += chunk;
      if (seen.includes(`http://127.0.0.1:${emuPort}`)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the emulator exited with code ${code} before it was ready`)));
  });
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running `next build` first.");
  const built = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

if (mode === "emulator") await startEmulator();
const next = run("npx", consoleStartArgs(process.env));
next.stdout.pipe(process.stdout);
