// The three ways code in an EAS instance gets the STS credentials of its role (the seed
// document's Methods 1–3), each a snippet to copy. None prints a secret.

type CredentialWay = "credentials-tool" | "credentials-uri" | "credentials-file";

export interface CredentialSnippet {
  way: CredentialWay;
  language: "python" | "shell";
  code: string;
}

const TOOL = `from alibabacloud_credentials.client import Client as CredClient
from alibabacloud_credentials.models import Config as CredConfig

credentialsConfig = CredConfig(
    type='credentials_uri'
)
credentialsClient = CredClient(credentialsConfig)
`;

const URI = `# Temporary credentials of the instance's RAM role, from the local endpoint EAS injects
curl $ALIBABA_CLOUD_CREDENTIALS_URI
`;

const FILE = `import json

# EAS writes this file into the instance and refreshes it before the credentials expire.
with open('/etc/ram/credentials') as f:
    credentials = json.load(f)

print(credentials['AccessKeyId'], 'expires at', credentials['Expiration'])
`;

export function credentialSnippets(): CredentialSnippet[] {
  return [
    { way: "credentials-tool", language: "python", code: TOOL },
    { way: "credentials-uri", language: "shell", code: URI },
    { way: "credentials-file", language: "python", code: FILE },
  ];
}
