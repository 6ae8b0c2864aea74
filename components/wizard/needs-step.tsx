"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { FieldIssue } from "@/lib/wizard/rules";
import type { Access, Mount, Needs } from "@/lib/wizard/needs";
import { controlProps, Field, inputClass, ruleOf } from "./field";

interface Props {
  needs: Needs;
  regions: string[];
  issues: FieldIssue[];
  onChange(needs: Needs): void;
}

const replace = <T,>(list: T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));
const remove = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);

function AccessSelect({ field, value, label, onChange }: { field: string; value: Access; label: string; onChange(v: Access): void }) {
  const t = useTranslations("wizard.needs");
  return (
    <select {...controlProps(field)} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Access)} className={inputClass}>
      <option value="read">{t("read")}</option>
      <option value="write">{t("write")}</option>
    </select>
  );
}

// Step 1: what the service's code and the platform will reach in the cloud.
export function NeedsStep({ needs, regions, issues, onChange }: Props) {
  const t = useTranslations("wizard.needs");
  const set = (patch: Partial<Needs>) => onChange({ ...needs, ...patch });
  const rule = (f: string) => ruleOf(issues, f);
  const section = "space-y-2 rounded border border-slate-200 bg-white p-4";
  const heading = "text-sm font-semibold text-slate-900";
  return (
    <div className="space-y-4">
      <div className={section}>
        <Field field="region" label={t("region")} rule={rule("region")} hint={t("regionHint")} className="max-w-xs">
          <select {...controlProps("region", rule("region"))} value={needs.region} onChange={(e) => set({ region: e.target.value })} className={inputClass}>
            <option value="">{t("chooseRegion")}</option>
            {regions.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className={section}>
        <legend className={`${heading} float-left mb-1 w-full`}>{t("ossTitle")}</legend>
        <p className="clear-both text-xs text-slate-600">{t("ossHint")}</p>
        {needs.oss.map((o, i) => (
          <div key={i} className="grid grid-cols-[1fr_1fr_8rem_auto] items-start gap-2">
            <Field field={`oss[${i}].bucket`} label={t("bucket")} rule={rule(`oss[${i}].bucket`)}>
              <input {...controlProps(`oss[${i}].bucket`, rule(`oss[${i}].bucket`))} value={o.bucket} onChange={(e) => set({ oss: replace(needs.oss, i, { ...o, bucket: e.target.value.trim() }) })} className={inputClass} />
            </Field>
            <Field field={`oss[${i}].prefix`} label={t("prefix")} rule={rule(`oss[${i}].prefix`)}>
              <input {...controlProps(`oss[${i}].prefix`, rule(`oss[${i}].prefix`))} value={o.prefix} placeholder={t("prefixPlaceholder")} onChange={(e) => set({ oss: replace(needs.oss, i, { ...o, prefix: e.target.value.trim() }) })} className={inputClass} />
            </Field>
            <Field field={`oss[${i}].access`} label={t("access")}>
              <AccessSelect field={`oss[${i}].access`} label={t("access")} value={o.access} onChange={(access) => set({ oss: replace(needs.oss, i, { ...o, access }) })} />
            </Field>
            <Button size="sm" variant="ghost" className="mt-5" aria-label={t("removeBucket", { n: i + 1 })} onClick={() => set({ oss: remove(needs.oss, i) })}>{t("remove")}</Button>
          </div>
        ))}
        <Button size="sm" onClick={() => set({ oss: [...needs.oss, { bucket: "", prefix: "", access: "read" }] })}>{t("addBucket")}</Button>
      </fieldset>

      <fieldset className={section}>
        <legend className={`${heading} float-left mb-1 w-full`}>{t("mcTitle")}</legend>
        <label className="clear-both flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={needs.maxcompute !== undefined} onChange={(e) => set({ maxcompute: e.target.checked ? { project: "", access: "read" } : undefined })} />
          {t("mcUse")}
        </label>
        {needs.maxcompute && (
          <div className="grid max-w-xl grid-cols-[1fr_8rem] gap-2">
            <Field field="maxcompute.project" label={t("project")} rule={rule("maxcompute.project")}>
              <input {...controlProps("maxcompute.project", rule("maxcompute.project"))} value={needs.maxcompute.project} onChange={(e) => set({ maxcompute: { ...needs.maxcompute!, project: e.target.value.trim() } })} className={inputClass} />
            </Field>
            <Field field="maxcompute.access" label={t("access")}>
              <AccessSelect field="maxcompute.access" label={t("mcAccess")} value={needs.maxcompute.access} onChange={(access) => set({ maxcompute: { ...needs.maxcompute!, access } })} />
            </Field>
          </div>
        )}
      </fieldset>

      <MountsSection needs={needs} issues={issues} onChange={onChange} />

      <fieldset className={section}>
        <legend className={`${heading} float-left mb-1 w-full`}>{t("imageTitle")}</legend>
        <Field field="image" label={t("image")} rule={rule("image")} hint={t("imageHint")} className="clear-both">
          <input {...controlProps("image", rule("image"))} value={needs.image} placeholder="registry.cn-hangzhou.aliyuncs.com/namespace/repository:tag" onChange={(e) => set({ image: e.target.value.trim() })} className={inputClass} />
        </Field>
      </fieldset>

      <fieldset className={section}>
        <legend className={`${heading} float-left mb-1 w-full`}>{t("otherTitle")}</legend>
        <p className="clear-both text-xs text-slate-600">{t("otherHint")}</p>
        {needs.other.map((o, i) => (
          <div key={i} className="grid max-w-xl grid-cols-[1fr_auto] items-start gap-2">
            <Field field={`other[${i}]`} label={t("product")} rule={rule(`other[${i}]`)}>
              <input {...controlProps(`other[${i}]`, rule(`other[${i}]`))} value={o} onChange={(e) => set({ other: replace(needs.other, i, e.target.value) })} className={inputClass} />
            </Field>
            <Button size="sm" variant="ghost" className="mt-5" aria-label={t("removeProduct", { n: i + 1 })} onClick={() => set({ other: remove(needs.other, i) })}>{t("remove")}</Button>
          </div>
        ))}
        <Button size="sm" onClick={() => set({ other: [...needs.other, ""] })}>{t("addProduct")}</Button>
      </fieldset>
    </div>
  );
}

function MountsSection({ needs, issues, onChange }: Omit<Props, "regions">) {
  const t = useTranslations("wizard.needs");
  const rule = (f: string) => ruleOf(issues, f);
  const setMounts = (mounts: Mount[]) => onChange({ ...needs, mounts });
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <legend className="float-left mb-1 w-full text-sm font-semibold text-slate-900">{t("mountsTitle")}</legend>
      <p className="clear-both text-xs text-slate-600">{t("mountsHint")}</p>
      {needs.mounts.map((m, i) => {
        const at = `mounts[${i}]`;
        return (
          <div key={i} className="grid grid-cols-[6rem_1.4fr_1fr_1fr_auto] items-start gap-2" data-testid={`mount-${i}`}>
            <Field field={`${at}.kind`} label={t("mountKind")}>
              <select
                {...controlProps(`${at}.kind`)}
                value={m.kind}
                onChange={(e) => setMounts(replace(needs.mounts, i, e.target.value === "nas" ? { kind: "nas", server: "", path: "/", mountPath: m.mountPath } : { kind: "oss", path: "", mountPath: m.mountPath, readOnly: true }))}
                className={inputClass}
              >
                <option value="oss">{t("kindOss")}</option>
                <option value="nas">{t("kindNas")}</option>
              </select>
            </Field>
            {m.kind === "oss" ? (
              <>
                <Field field={`${at}.path`} label={t("ossPath")} rule={rule(`${at}.path`)}>
                  <input {...controlProps(`${at}.path`, rule(`${at}.path`))} value={m.path} placeholder="oss://bucket/dir/" onChange={(e) => setMounts(replace(needs.mounts, i, { ...m, path: e.target.value.trim() }))} className={inputClass} />
                </Field>
                <Field field={`${at}.readOnly`} label={t("access")}>
                  <select {...controlProps(`${at}.readOnly`)} value={m.readOnly ? "read" : "write"} onChange={(e) => setMounts(replace(needs.mounts, i, { ...m, readOnly: e.target.value === "read" }))} className={inputClass}>
                    <option value="read">{t("read")}</option>
                    <option value="write">{t("write")}</option>
                  </select>
                </Field>
              </>
            ) : (
              <>
                <Field field={`${at}.server`} label={t("nasServer")} rule={rule(`${at}.server`)}>
                  <input {...controlProps(`${at}.server`, rule(`${at}.server`))} value={m.server} placeholder="0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com" onChange={(e) => setMounts(replace(needs.mounts, i, { ...m, server: e.target.value.trim() }))} className={inputClass} />
                </Field>
                <Field field={`${at}.path`} label={t("nasPath")} rule={rule(`${at}.path`)}>
                  <input {...controlProps(`${at}.path`, rule(`${at}.path`))} value={m.path} onChange={(e) => setMounts(replace(needs.mounts, i, { ...m, path: e.target.value.trim() }))} className={inputClass} />
                </Field>
              </>
            )}
            <Field field={`${at}.mountPath`} label={t("mountPath")} rule={rule(`${at}.mountPath`)}>
              <input {...controlProps(`${at}.mountPath`, rule(`${at}.mountPath`))} value={m.mountPath} placeholder="/mnt/data" onChange={(e) => setMounts(replace(needs.mounts, i, { ...m, mountPath: e.target.value.trim() }))} className={inputClass} />
            </Field>
            <Button size="sm" variant="ghost" className="mt-5" aria-label={t("removeMount", { n: i + 1 })} onClick={() => setMounts(remove(needs.mounts, i))}>{t("remove")}</Button>
          </div>
        );
      })}
      <Button size="sm" onClick={() => setMounts([...needs.mounts, { kind: "oss", path: "", mountPath: "", readOnly: true }])}>{t("addMount")}</Button>
    </fieldset>
  );
}
