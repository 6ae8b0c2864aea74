// 90 days of what the demo services' roles did, written as counts per day (a few thousand events,
// not millions). Only the roles' own calls: the platform's image pulls and mounts at deploy are not
// the role's and are not here. Two stories for the console to find:
// - eas-restricted holds AliyunOSSFullAccess and only ever read one prefix of one bucket;
// - legacy-admin was last used 120 days ago, past ActionTrail's 90 days: only RAM's permission
//   audit still knows when.
import { recordMany } from "../activity/record";
import type { ActivityLog } from "../activity/log";
import type { RamStore } from "../ram/store";

interface Habit {
  role: string;
  service: string;
  action: string;
  resource: string;
  /** Calls on an ordinary weekday; weekends see a third. */
  perDay: number;
  /** Days back the habit runs (1 = yesterday); the oldest first. */
  days: [from: number, to: number];
  errorCode?: string;
}

const oss = (path: string) => `acs:oss:*:*:${path}`;

const HABITS: Habit[] = [
  { role: "eas-oss-reader", service: "oss", action: "GetObject", resource: oss("models/image-tagger/v3/model.onnx"), perDay: 6, days: [89, 1] },
  { role: "eas-oss-reader", service: "oss", action: "ListObjects", resource: oss("models"), perDay: 2, days: [89, 1] },
  { role: "eas-restricted", service: "oss", action: "GetObject", resource: oss("llm-prompts/summarizer/templates.json"), perDay: 4, days: [89, 1] },
  { role: "eas-restricted", service: "oss", action: "ListObjects", resource: oss("llm-prompts"), perDay: 2, days: [89, 1] },
  { role: "eas-no-oss", service: "odps", action: "Select", resource: "acs:odps:*:projects/ocr_features/tables/page_layouts", perDay: 5, days: [70, 1] },
  { role: "eas-no-oss", service: "odps", action: "Describe", resource: "acs:odps:*:projects/ocr_features/tables/page_layouts", perDay: 1, days: [70, 1] },
  { role: "eas-image-no-cr", service: "oss", action: "GetObject", resource: oss("models/speech-asr/whisper-large/model.bin"), perDay: 3, days: [20, 1] },
  { role: "eas-llm-serving", service: "oss", action: "GetObject", resource: oss("llm-artifacts/qwen-7b/model-00001.safetensors"), perDay: 4, days: [30, 1] },
  { role: "eas-llm-serving", service: "oss", action: "ListObjects", resource: oss("llm-artifacts"), perDay: 1, days: [30, 1] },
  { role: "eas-nas-image", service: "oss", action: "GetObject", resource: oss("models/feature-store/schema.json"), perDay: 2, days: [80, 1] },
  { role: "data-pipeline", service: "oss", action: "GetObject", resource: oss("models/batch-scorer/input/latest.parquet"), perDay: 5, days: [89, 1] },
  { role: "data-pipeline", service: "oss", action: "PutObject", resource: oss("models/batch-scorer/output/scores.parquet"), perDay: 2, days: [89, 1] },
  { role: "data-pipeline", service: "oss", action: "ListObjects", resource: oss("models"), perDay: 1, days: [89, 1] },
  { role: "data-pipeline", service: "oss", action: "DeleteObject", resource: oss("models/batch-scorer/output/old.parquet"), perDay: 1, days: [40, 38], errorCode: "AccessDenied" },
  { role: "legacy-admin", service: "ram", action: "ListRoles", resource: "acs:ram::{account}:role/*", perDay: 3, days: [125, 120] },
  { role: "legacy-admin", service: "ram", action: "GetRole", resource: "acs:ram::{account}:role/data-pipeline", perDay: 2, days: [125, 120] },
];

const DAY_MS = 86_400_000;

/** A stable wobble per habit and day, so the seed is the same on every reset. */
function wobble(key: string, day: number): number {
  let h = 2166136261;
  for (const c of `${key}#${day}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 100) / 100;
}

export function seedDemoActivity(store: RamStore, log: ActivityLog, region: string, now: Date): void {
  const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const entries: Parameters<typeof recordMany>[1] = [];
  for (const h of HABITS) {
    const role = store.findRole(h.role);
    if (!role) continue;
    for (let back = h.days[0]; back >= h.days[1]; back--) {
      const dayStart = midnight - back * DAY_MS;
      const weekday = new Date(dayStart).getUTCDay();
      const base = weekday === 0 || weekday === 6 ? h.perDay / 3 : h.perDay;
      const count = Math.round(base * (0.6 + 0.8 * wobble(h.role + h.action + h.resource, back)));
      if (count === 0) continue;
      entries.push({
        role,
        sessionName: "eas-instance",
        accessKeyId: `STS.NT${role.roleId.slice(-10)}Seed`,
        service: h.service,
        action: h.action,
        resource: h.resource.replace("{account}", store.accountId),
        region,
        // Working hours in UTC+8, a different minute each day.
        at: dayStart + (2 + Math.floor(wobble(h.role, back) * 8)) * 3_600_000 + Math.floor(wobble(h.action, back) * 59) * 60_000,
        count,
        errorCode: h.errorCode,
      });
    }
  }
  recordMany(log, entries, now);
}
