import { maxcomputeEndpoint, ossEndpoint, type Network } from "./endpoints";
import type { Needs } from "./needs";
import { comment, type SnippetComments } from "./snippet-comments";

// The service's Python, shaped like the seed document's examples: OSS through oss2.ProviderAuth
// and MaxCompute through PyODPS' CredentialProviderAccount, both on the default credentials
// provider, which reads the STS credentials EAS injects into the instance.

/** A Python string literal (single-quoted). */
const py = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function ossBlock(needs: Needs, network: Network, c: SnippetComments): string[] {
  const endpoint = ossEndpoint(needs.region, network);
  const lines = [comment("", c.oss), "def use_oss(provider):", "    auth = oss2.ProviderAuth(provider)"];
  needs.oss.forEach((o, i) => {
    lines.push(`    bucket_${i} = oss2.Bucket(auth, ${py(endpoint)}, ${py(o.bucket)})`);
    lines.push(`    for obj in islice(oss2.ObjectIterator(bucket_${i}, prefix=${py(o.prefix)}), 10):`);
    lines.push("        print(obj.key)");
    if (o.access === "write") lines.push(comment("    ", c.ossWrite));
    if (o.access === "write") lines.push(`    bucket_${i}.put_object(${py(`${o.prefix}rolescope-check.txt`)}, b'written from EAS')`);
  });
  return lines;
}

function maxcomputeBlock(needs: Needs, network: Network, c: SnippetComments): string[] {
  const mc = needs.maxcompute!;
  return [
    comment("", c.maxcompute),
    "def use_maxcompute(provider):",
    "    account = CredentialProviderAccount(provider)",
    `    o = ODPS(account=account, project=${py(mc.project)}, endpoint=${py(maxcomputeEndpoint(needs.region, network))})`,
    "    for t in o.list_tables():",
    "        print(t)",
  ];
}

/** The script for what the service uses (OSS, MaxCompute or both), commented in the reader's language; null when it uses neither. */
export function pythonSnippet(needs: Needs, network: Network, c: SnippetComments): string | null {
  const oss = needs.oss.length > 0;
  const mc = needs.maxcompute !== undefined;
  if (!oss && !mc) return null;
  const imports = [
    ...(oss ? ["import oss2", "from itertools import islice"] : []),
    "from alibabacloud_credentials import providers",
    ...(mc ? ["from odps import ODPS", "from odps.accounts import CredentialProviderAccount"] : []),
  ];
  const main = [
    "if __name__ == '__main__':",
    comment("    ", c.provider),
    "    provider = providers.DefaultCredentialsProvider()",
    ...(oss ? ["    use_oss(provider)"] : []),
    ...(mc ? ["    use_maxcompute(provider)"] : []),
  ];
  const blocks = [...(oss ? [ossBlock(needs, network, c)] : []), ...(mc ? [maxcomputeBlock(needs, network, c)] : [])];
  return [imports.join("\n"), ...blocks.map((b) => b.join("\n")), main.join("\n")].join("\n\n\n") + "\n";
}
