import { getTranslations } from "next-intl/server";
import { CloudErrorState } from "@/components/inventory/cloud-error-state";
import { CloudError } from "@/lib/cloud/types";

/** A panel whose cloud read failed says so with the cloud's code and RequestId; the other panels still show. */
export async function PanelError({ error }: { error: CloudError }) {
  const t = await getTranslations("overview");
  return <CloudErrorState title={t("loadError")} error={error} />;
}

/** The panel's data, or the cloud error that kept it from being read. */
export function orCloudError<T>(p: Promise<T>): Promise<T | CloudError> {
  return p.catch((err: unknown) => {
    if (err instanceof CloudError) return err;
    throw err;
  });
}
