import type { Needs } from "./needs";

/** The Third-party Library List: the Credentials tool always, then each SDK the code uses. */
export function thirdPartyLibraries(needs: Pick<Needs, "oss" | "maxcompute">): string[] {
  return ["alibabacloud_credentials", ...(needs.oss.length > 0 ? ["oss2"] : []), ...(needs.maxcompute ? ["pyodps"] : [])];
}

/** With nothing mounted, the script can only be inside the image. */
const IMAGE_CODE_PATH = "/app/app.py";

/**
 * Where the script is unless the user says otherwise: in the first thing the config mounts, else
 * in the image. Never a mount path the config does not have (a Run Command naming an unmounted
 * `/mnt/data` fails at start-up).
 */
export function defaultCodePath(needs: Pick<Needs, "mounts">): string {
  const mount = needs.mounts.find((m) => m.mountPath);
  return mount ? `${mount.mountPath.replace(/\/+$/, "")}/app.py` : IMAGE_CODE_PATH;
}

/** The Run Command that starts the generated script at `codePath`. */
export function runCommand(codePath: string): string {
  return `python ${codePath}`;
}
