// The system policies RoleScope's users meet around EAS, with documents shaped like the
// real ones (trimmed to the actions that matter here). They are read-only and shared.
import type { PolicyDocument } from "../../lib/policy/types";

export interface SystemPolicy {
  policyName: string;
  description: string;
  defaultVersion: string;
  createDate: string;
  updateDate: string;
  document: PolicyDocument;
}

const allow = (Action: string[], Resource: string[] = ["*"]) => ({ Effect: "Allow" as const, Action, Resource });
const doc = (...Statement: PolicyDocument["Statement"]): PolicyDocument => ({ Version: "1", Statement });

function sys(policyName: string, description: string, document: PolicyDocument, defaultVersion = "v1"): SystemPolicy {
  return { policyName, description, defaultVersion, createDate: "2015-10-09T08:21:52Z", updateDate: "2023-06-12T03:10:41Z", document };
}

export const SERVICE_LINKED_ROLE_NAME = "AliyunServiceRoleForPaiEas";
export const SERVICE_LINKED_POLICY_NAME = "AliyunServiceRolePolicyForPaiEas";

export const SYSTEM_POLICIES: readonly SystemPolicy[] = [
  sys("AliyunOSSReadOnlyAccess", "只读访问对象存储服务(OSS)的权限", doc(allow(["oss:Get*", "oss:List*"]))),
  sys("AliyunOSSFullAccess", "管理对象存储服务(OSS)权限", doc(allow(["oss:*"]))),
  sys("AliyunNASReadOnlyAccess", "只读访问文件存储服务(NAS)的权限", doc(allow(["nas:Describe*", "nas:List*"]))),
  sys("AliyunNASFullAccess", "管理文件存储服务(NAS)的权限", doc(allow(["nas:*"]))),
  sys("AliyunContainerRegistryReadOnlyAccess", "只读访问容器镜像服务(CR)的权限", doc(allow(["cr:Get*", "cr:List*", "cr:Pull*"]))),
  sys("AliyunContainerRegistryFullAccess", "管理容器镜像服务(CR)的权限", doc(allow(["cr:*"]))),
  sys("AliyunMaxComputeReadOnlyAccess", "只读访问MaxCompute的权限", doc(allow(["odps:Describe*", "odps:List*", "odps:Read"]))),
  sys(
    "AliyunPAIEASFullAccess",
    "管理模型在线服务(PAI-EAS)的权限",
    doc(
      allow(["eas:*"]),
      allow(["oss:ListBuckets", "oss:GetBucketInfo", "log:GetProject", "log:ListLogStores", "bss:DescribeAcccount", "ram:ListRoles"]),
    ),
    "v3",
  ),
  sys("AliyunPAIEASReadOnlyAccess", "只读访问模型在线服务(PAI-EAS)的权限", doc(allow(["eas:Describe*", "eas:List*"]))),
  sys("AliyunSTSAssumeRoleAccess", "调用STS服务AssumeRole接口的权限", doc(allow(["sts:AssumeRole"]))),
  sys("AliyunRAMFullAccess", "管理访问控制(RAM)的权限，即管理用户以及授权的权限", doc(allow(["ram:*"]))),
  sys("AliyunRAMReadOnlyAccess", "只读访问访问控制(RAM)的权限，即查看用户、用户组以及授权信息的权限", doc(allow(["ram:Get*", "ram:List*"]))),
  sys(
    SERVICE_LINKED_POLICY_NAME,
    "Default policy for PAI-EAS service-linked role",
    doc(
      allow([
        "oss:GetObject", "oss:PutObject", "oss:DeleteObject", "oss:ListObjects", "oss:GetBucketInfo", "oss:ListBuckets",
        "oss:ListParts", "oss:AbortMultipartUpload", "oss:GetObjectMeta",
      ]),
      allow(["log:GetProject", "log:CreateProject", "log:GetLogStore", "log:CreateLogStore", "log:CreateIndex", "log:PostLogStoreLogs"]),
      allow([
        "ecs:CreateNetworkInterface", "ecs:DeleteNetworkInterface", "ecs:DescribeNetworkInterfaces",
        "ecs:AttachNetworkInterface", "ecs:DetachNetworkInterface", "ecs:CreateSecurityGroup",
        "ecs:DescribeSecurityGroups", "ecs:AuthorizeSecurityGroup", "ecs:JoinSecurityGroup",
      ]),
      allow(["vpc:DescribeVpcs", "vpc:DescribeVSwitches", "vpc:DescribeVpcAttribute", "vpc:DescribeVSwitchAttributes"]),
      { Effect: "Allow", Action: ["ram:DeleteServiceLinkedRole"], Resource: ["*"], Condition: { StringEquals: { "ram:ServiceName": ["eas.pai.aliyuncs.com"] } } },
    ),
  ),
];

const byKey = new Map(SYSTEM_POLICIES.map((p) => [p.policyName.toLowerCase(), p]));

export function systemPolicy(name: string): SystemPolicy | undefined {
  return byKey.get(name.toLowerCase());
}
