// Turns a signed request into a Caller: finds the key, checks the signature and, for STS
// keys, the security token and its expiry.
import type { RamStore } from "../../ram/store";
import { ApiError, type Caller } from "../contract";
import { ACS3, parseAcs3, verifyAcs3, type SignedRequest } from "./acs3";
import { sameString } from "./encode";
import { isRpcV1, verifyRpcV1 } from "./rpc-v1";

const keyNotFound = () => new ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

function headerValue(req: SignedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

interface KeyMaterial {
  secret: string;
  caller: Caller;
  securityToken?: string;
  expiration?: string;
}

function lookup(store: RamStore, accessKeyId: string): KeyMaterial {
  const accountId = store.accountId;
  if (accessKeyId.startsWith("STS.")) {
    const c = store.state.sts[accessKeyId];
    if (!c) throw keyNotFound();
    return {
      secret: c.accessKeySecret,
      securityToken: c.securityToken,
      expiration: c.expiration,
      caller: { kind: "assumed-role", accountId, accessKeyId, roleName: c.roleName, roleId: c.roleId, sessionName: c.sessionName },
    };
  }
  const k = store.state.accessKeys[accessKeyId];
  if (!k) throw keyNotFound();
  if (!k.userName) return { secret: k.accessKeySecret, caller: { kind: "root", accountId, accessKeyId } };
  const user = store.findUser(k.userName);
  if (!user) throw keyNotFound();
  return {
    secret: k.accessKeySecret,
    caller: { kind: "user", accountId, accessKeyId, userName: user.userName, userId: user.userId },
  };
}

function checkToken(key: KeyMaterial, presented: string | undefined, store: RamStore, now: Date): void {
  if (key.securityToken === undefined) return;
  if (!presented) throw new ApiError(400, "InvalidSecurityToken.Malformed", "The security token you provided is malformed.");
  if (!sameString(presented, key.securityToken)) {
    const issued = Object.values(store.state.sts).some((c) => c.securityToken === presented);
    if (issued) throw new ApiError(400, "InvalidSecurityToken.MismatchWithAccessKey", "The security token you provided does not match the access key.");
    throw new ApiError(400, "InvalidSecurityToken.Malformed", "The security token you provided is malformed.");
  }
  if (key.expiration && Date.parse(key.expiration) <= now.getTime()) {
    throw new ApiError(400, "InvalidSecurityToken.Expired", "The security token you provided has expired.");
  }
}

export function authenticate(req: SignedRequest, store: RamStore, now: Date): Caller {
  const authorization = headerValue(req, "authorization");
  if (authorization?.startsWith(ACS3)) {
    const auth = parseAcs3(authorization);
    const key = lookup(store, auth.accessKeyId);
    verifyAcs3(req, auth, key.secret);
    checkToken(key, headerValue(req, "x-acs-security-token"), store, now);
    return key.caller;
  }
  if (authorization) {
    throw new ApiError(400, "InvalidAuthorization", "Only ACS3-HMAC-SHA256 and RPC HMAC-SHA1 signatures are supported.");
  }
  const params = { ...req.query, ...req.form };
  if (isRpcV1(params)) {
    const accessKeyId = params.AccessKeyId;
    if (!accessKeyId) throw new ApiError(400, "MissingAccessKeyId", "AccessKeyId is mandatory for this action.");
    const key = lookup(store, accessKeyId);
    verifyRpcV1(req.method, params, key.secret);
    checkToken(key, params.SecurityToken, store, now);
    return key.caller;
  }
  throw new ApiError(400, "MissingAccessKeyId", "AccessKeyId is mandatory for this action.");
}
