// The three ways code in an EAS instance gets the STS credentials of its role (the seed
// document's Methods 1–3), each a snippet to copy, commented in the reader's language. None
// prints a secret.

import { comment, type SnippetComments } from "./snippet-comments";

type CredentialWay = "credentials-tool" | "credentials-uri" | "credentials-file";

export interface CredentialSnippet {
  way: CredentialWay;
  language: "python" | "shell";
  code: string;
}

const TOOL = (c: SnippetComments) => `${comment("", c.tool)}
from alibabacloud_credentials.client import Client as CredClient
from alibabacloud_credentials.models import Config as CredConfig

credentialsConfig = CredConfig(
    type='credentials_uri'
)
credentialsClient = CredClient(credentialsConfig)
`;

const URI = (c: SnippetComments) => `${comment("", c.uri)}
curl $ALIBABA_CLOUD_CREDENTIALS_URI
`;

const FILE = (c: SnippetComments) => `import json

${comment("", c.file)}
with open('/etc/ram/credentials') as f:
    credentials = json.load(f)

print('AccessKeyId:', credentials['AccessKeyId'], 'Expiration:', credentials['Expiration'])
`;

export function credentialSnippets(c: SnippetComments): CredentialSnippet[] {
  return [
    { way: "credentials-tool", language: "python", code: TOOL(c) },
    { way: "credentials-uri", language: "shell", code: URI(c) },
    { way: "credentials-file", language: "python", code: FILE(c) },
  ];
}
