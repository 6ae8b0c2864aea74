import { describe, expect, it } from "vitest";
import { restartsAfter } from "./instances";
import { parseImageRef, registryRegion, resolvesFromVpc } from "./registry";
import { Allocations, shortfall } from "./resources";
import { DEFAULT_QUOTA } from "./platform";

describe("image references and the VPC's DNS", () => {
  it("reads hosts, repositories and tags by Docker's rules", () => {
    expect(parseImageRef("python:3.10")).toEqual({ host: "registry-1.docker.io", reference: "docker.io/library/python:3.10", repository: "library/python", tag: "3.10" });
    expect(parseImageRef("acme/model")).toMatchObject({ host: "registry-1.docker.io", repository: "acme/model", tag: "latest" });
    expect(parseImageRef("ghcr.io/acme/ranker:2.1")).toEqual({ host: "ghcr.io", reference: "ghcr.io/acme/ranker:2.1", repository: "acme/ranker", tag: "2.1" });
    expect(parseImageRef("localhost:5000/x/y:1")).toMatchObject({ host: "localhost:5000", repository: "x/y", tag: "1" });
    expect(parseImageRef("registry.cn-hangzhou.aliyuncs.com/ml-team/asr@sha256:abc")).toMatchObject({ repository: "ml-team/asr", tag: "latest" });
  });

  it("resolves Alibaba Cloud registry addresses only, a -vpc one only in its own region", () => {
    const hz = (host: string) => resolvesFromVpc(host, "cn-hangzhou");
    expect(["registry.cn-hangzhou.aliyuncs.com", "registry-vpc.cn-hangzhou.aliyuncs.com", "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com", "acme-registry.cn-shanghai.cr.aliyuncs.com", "registry.ap-southeast-1.aliyuncs.com"].map(hz)).toEqual([true, true, true, true, true]);
    expect(["registry-vpc.ap-southeast-1.aliyuncs.com", "registry-1.docker.io", "ghcr.io", "quay.io", "registry.example.com", "aliyuncs.com.evil.io"].map(hz)).toEqual([false, false, false, false, false, false]);
    expect(registryRegion("acme-registry-vpc.cn-shanghai.cr.aliyuncs.com")).toBe("cn-shanghai");
  });
});

describe("restarts and the resource pool", () => {
  it("counts restarts by Kubernetes' back-off: 10, 30, 70, 150, 310 s, then every 300 s", () => {
    expect([0, 9_999, 10_000, 30_000, 69_000, 70_000, 150_000, 310_000, 609_000, 610_000].map(restartsAfter)).toEqual([0, 0, 1, 2, 2, 3, 4, 5, 5, 6]);
  });

  it("keeps running sums per region and gives a redeployed service its own share back", () => {
    const a = new Allocations();
    a.set("hz/a", "cn-hangzhou", { cpu: 8, memory: 16000, gpu: 2 });
    a.set("hz/b", "cn-hangzhou", { cpu: 4, memory: 8000, gpu: 0 });
    a.set("sg/c", "ap-southeast-1", { cpu: 1, memory: 1, gpu: 1 });
    expect(a.used("cn-hangzhou")).toEqual({ cpu: 12, memory: 24000, gpu: 2 });
    expect(a.used("cn-hangzhou", "hz/a")).toEqual({ cpu: 4, memory: 8000, gpu: 0 });
    a.set("hz/a", "cn-hangzhou", undefined);
    expect(a.used("cn-hangzhou")).toEqual({ cpu: 4, memory: 8000, gpu: 0 });
    const quota = { ...DEFAULT_QUOTA, cpu: 10, gpu: 1 };
    expect(shortfall({ cpu: 8, memory: 1, gpu: 1 }, a.used("cn-hangzhou"), quota)).toEqual(["cpu"]);
    expect(shortfall({ cpu: 8, memory: 1, gpu: 2 }, a.used("cn-hangzhou"), quota)).toEqual(["cpu", "gpu"]);
    expect(shortfall({ cpu: 0, memory: 0, gpu: 0 }, { cpu: 99, memory: 0, gpu: 9 }, quota)).toEqual([]);
  });
});
