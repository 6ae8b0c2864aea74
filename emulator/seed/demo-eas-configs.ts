// The demo account's EAS services: realistic configs, each built to meet one outcome through
// the RAM state of the demo seed (nothing here states an outcome).
const HZ = "cn-hangzhou";
const SG = "ap-southeast-1";
const paiImage = (region: string, name: string) => `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/${name}`;
const role = (uid: string, name: string) => ({ options: { enable_ram_role: true }, role_arn: `acs:ram::${uid}:role/${name}` });
const oss = (path: string, mount: string, readOnly = true) => ({ oss: { path, readOnly }, mount_path: mount });

export type DemoCallerName = "root" | "alice" | "bob" | "carol";

export interface DemoService {
  region: string;
  by: DemoCallerName;
  /** Days before now when it was created. */
  createdDaysAgo: number;
  config: Record<string, unknown>;
  /** Later merge updates: days ago and the patch. */
  updates?: { daysAgo: number; patch: Record<string, unknown> }[];
  stopDaysAgo?: number;
}

export function demoServices(uid: string): DemoService[] {
  return [
    {
      region: HZ, by: "bob", createdDaysAgo: 12,
      config: {
        name: "fraud-detector", metadata: { instance: 2, cpu: 4, memory: 8000, workspace_id: "38291" }, options: { enable_ram_role: true },
        containers: [{ image: paiImage(HZ, "xgboost-inference:1.7-py310"), script: "python serve.py --model /mnt/models", port: 8000 }],
        storage: [oss("oss://fraud-models/xgb/", "/mnt/models")],
      },
      updates: [{ daysAgo: 6, patch: { metadata: { instance: 3 } } }, { daysAgo: 1, patch: { metadata: { memory: 12000 } } }],
    },
    {
      region: HZ, by: "bob", createdDaysAgo: 4,
      config: {
        name: "recsys-ranker", metadata: { instance: 2, cpu: 8, memory: 16000 }, options: { enable_ram_role: true },
        containers: [{ image: paiImage(HZ, "pytorch-inference:2.1-gpu-py310"), script: "python ranker.py", port: 8080 }],
        storage: [oss("oss://recsys/ranker/v7/", "/mnt/ranker")],
      },
      updates: [{ daysAgo: 2, patch: { metadata: { instance: 1 } } }],
    },
    {
      region: HZ, by: "bob", createdDaysAgo: 9,
      config: {
        name: "image-tagger", metadata: { instance: 1, cpu: 4, memory: 8000, gpu: 1 }, ...role(uid, "eas-oss-reader"),
        containers: [{ image: paiImage(HZ, "pytorch-inference:2.1-gpu-py310"), script: "python tagger.py", port: 8000 }],
        storage: [oss("oss://images/tagger/", "/mnt/images")],
      },
      updates: [{ daysAgo: 3, patch: { metadata: { instance: 2 } } }],
    },
    {
      region: HZ, by: "alice", createdDaysAgo: 5,
      config: {
        name: "churn-predictor", metadata: { instance: 1, cpu: 2, memory: 4000 }, ...role(uid, "ecs-batch-role"),
        processor: "pmml", model_path: "oss://models/churn/model.pmml",
      },
    },
    {
      region: HZ, by: "alice", createdDaysAgo: 2,
      config: {
        name: "search-embedder", metadata: { instance: 2, cpu: 4, memory: 8000 }, ...role(uid, "deleted-role"),
        containers: [{ image: paiImage(HZ, "sentence-transformers:2.2-py310"), script: "python embed.py", port: 8000 }],
      },
    },
    {
      region: HZ, by: "carol", createdDaysAgo: 1,
      config: {
        name: "chat-summarizer", metadata: { instance: 1, cpu: 8, memory: 32000, gpu: 1 }, ...role(uid, "eas-restricted"),
        containers: [{ image: paiImage(HZ, "vllm:0.5.4-py310"), script: "python -m vllm.entrypoints.openai.api_server --model /mnt/model", port: 8000 }],
        storage: [oss("oss://llm-artifacts/summarizer/", "/mnt/model")],
      },
    },
    {
      region: HZ, by: "alice", createdDaysAgo: 6,
      config: {
        name: "ocr-pipeline", metadata: { instance: 2, cpu: 4, memory: 8000 }, ...role(uid, "eas-no-oss"),
        containers: [{ image: paiImage(HZ, "paddleocr:2.7-py39"), script: "python ocr_server.py", port: 8000 }],
        storage: [oss("oss://scanned-docs/inbox/", "/mnt/inbox")],
      },
      updates: [{ daysAgo: 5, patch: { metadata: { cpu: 8 } } }],
    },
    {
      region: HZ, by: "alice", createdDaysAgo: 3,
      config: {
        name: "speech-asr", metadata: { instance: 1, cpu: 4, memory: 16000, gpu: 1 }, ...role(uid, "eas-image-no-cr"),
        containers: [{ image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4", script: "./start_asr.sh", port: 9000 }],
      },
    },
    {
      region: SG, by: "alice", createdDaysAgo: 8,
      config: {
        name: "llm-qwen-chat", metadata: { instance: 2, cpu: 16, memory: 64000, gpu: 1 }, ...role(uid, "eas-llm-serving"),
        containers: [{ image: "registry-vpc.ap-southeast-1.aliyuncs.com/llm/qwen-serving:2.5", script: "python serve.py --model /mnt/qwen", port: 8000 }],
        storage: [oss("oss://llm-artifacts/qwen2.5-7b-instruct/", "/mnt/qwen")],
      },
      updates: [{ daysAgo: 4, patch: { metadata: { instance: 3 } } }, { daysAgo: 1, patch: { metadata: { instance: 2 } } }],
    },
    {
      region: SG, by: "carol", createdDaysAgo: 10,
      config: {
        name: "doc-classifier", metadata: { instance: 1, cpu: 2, memory: 4000 },
        containers: [{ image: paiImage(SG, "sklearn-inference:1.3-py310"), script: "python app.py", port: 8000 }],
      },
    },
    {
      region: SG, by: "alice", createdDaysAgo: 7,
      config: {
        name: "nas-feature-store", metadata: { instance: 2, cpu: 4, memory: 8000 }, ...role(uid, "eas-nas-image"),
        containers: [{ image: "registry.ap-southeast-1.aliyuncs.com/features/store-server:3.2", script: "./serve", port: 8080 }],
        storage: [{ nfs: { server: "0c9a4b4d5f-xrt21.ap-southeast-1.nas.aliyuncs.com", path: "/features" }, mount_path: "/mnt/features" }],
        cloud: { networking: { vpc_id: "vpc-t4n1ab2cd3ef4gh5ij6kl", vswitch_id: "vsw-t4n9zy8xw7vu6ts5rq4po", security_group_id: "sg-t4n0a1b2c3d4e5f6g7h8" } },
      },
    },
    {
      region: SG, by: "bob", createdDaysAgo: 5,
      config: {
        name: "translation-api", metadata: { instance: 1, cpu: 4, memory: 8000, workspace_id: "40117" }, options: { enable_ram_role: true },
        containers: [{ image: paiImage(SG, "huggingface-inference:4.40-py310"), script: "python translate.py", port: 8000 }],
        storage: [oss("oss://translation-models/opus-mt/", "/mnt/models")],
      },
    },
    {
      region: SG, by: "alice", createdDaysAgo: 11,
      config: {
        name: "batch-scorer", metadata: { instance: 1, cpu: 8, memory: 16000 }, ...role(uid, "data-pipeline"),
        containers: [{ image: paiImage(SG, "python-inference:py310"), script: "python score.py --out /mnt/models/scores", port: 8000 }],
        storage: [oss("oss://models/scoring/", "/mnt/models", false)],
      },
      updates: [{ daysAgo: 2, patch: { metadata: { memory: 24000 } } }],
    },
    {
      region: SG, by: "root", createdDaysAgo: 13,
      config: { name: "sentiment-legacy", metadata: { instance: 1, cpu: 1, memory: 2000 }, processor: "tensorflow_cpu_1.15", model_path: "oss://models/sentiment/v1/" },
      stopDaysAgo: 3,
    },
  ];
}
