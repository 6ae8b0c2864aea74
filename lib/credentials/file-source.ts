import "server-only";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { parseExpiration } from "./text";
import type { CredentialSource } from "./types";

// The file EAS writes into every instance of a service with a RAM role (`/etc/ram/credentials`)
// and rewrites before the credentials in it expire. No provider of @alicloud/credentials reads
// it. Its JSON is the credentials URI's answer: Code, AccessKeyId, AccessKeySecret,
// SecurityToken, Expiration.

const fileSchema = z.object({
  AccessKeyId: z.string().min(1),
  AccessKeySecret: z.string().min(1),
  SecurityToken: z.string().min(1),
  Expiration: z.string(),
});

export function credentialsFileSource(path: string): CredentialSource {
  return {
    source: "credentials-file",
    link: "credentials-file",
    location: path,
    providerName: "rolescope_credentials_file",
    async fetch() {
      let text: string;
      try {
        text = await readFile(/*turbopackIgnore: true*/ path, "utf8");
      } catch (e) {
        throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${path} is not JSON`);
      }
      const parsed = fileSchema.safeParse(json);
      // Names the fields only: the values beside them are secrets.
      if (!parsed.success) throw new Error(`${path} lacks ${[...new Set(parsed.error.issues.map((i) => i.path.join(".")))].join(", ")}`);
      const f = parsed.data;
      return { accessKeyId: f.AccessKeyId, accessKeySecret: f.AccessKeySecret, securityToken: f.SecurityToken, expiresAt: parseExpiration(f.Expiration) };
    },
  };
}
