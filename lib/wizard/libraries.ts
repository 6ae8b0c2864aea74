import type { Needs } from "./needs";

/** The Third-party Library List: the Credentials tool always, then each SDK the code uses. */
export function thirdPartyLibraries(needs: Pick<Needs, "oss" | "maxcompute">): string[] {
  return ["alibabacloud_credentials", ...(needs.oss.length > 0 ? ["oss2"] : []), ...(needs.maxcompute ? ["pyodps"] : [])];
}

export const DEFAULT_CODE_PATH = "/mnt/data/app.py";

/** The Run Command that starts the generated script, mounted at `codePath`. */
export function runCommand(codePath: string = DEFAULT_CODE_PATH): string {
  return `python ${codePath}`;
}
