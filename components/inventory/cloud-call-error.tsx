import { getTranslations } from "next-intl/server";
import { CloudErrorState } from "@/components/inventory/cloud-error-state";
import { CLOUD_OPERATIONS } from "@/lib/cloud/operations";
import type { CloudErrorShape } from "@/lib/cloud/types";
import { RetryButton } from "./retry-button";

// Codes RAM and EAS answer when the caller's policies do not allow the action.
const DENIED = /NoPermission|Forbidden|AccessDenied|NotAuthorized|Unauthorized/i;

/** Whether the cloud refused the call for want of permission rather than failing it. */
const isDenied = (e: Pick<CloudErrorShape, "code" | "httpStatus">) => DENIED.test(e.code) || e.httpStatus === 403;

/**
 * One panel's failed read, kept to that panel: which call failed, the RAM action the console's
 * credentials need for it when the cloud refused it, the cloud's code and RequestId, and a retry.
 */
export async function CloudCallError({ error, what }: { error: CloudErrorShape; what: string }) {
  const t = await getTranslations("common");
  const op = error.operation ? CLOUD_OPERATIONS.find((o) => o.operation === error.operation) : undefined;
  const action = op?.action;
  const title =
    op && action && isDenied(error)
      ? t.rich("cloudCallDenied", { operation: op.operation, action, code: (chunks) => <code className="font-mono">{chunks}</code> })
      : op
        ? t("cloudCallFailed", { operation: op.operation, code: error.code })
        : t("cloudError", { code: error.code });
  return (
    <div data-testid="panel-error" data-operation={op?.operation}>
      <CloudErrorState
        title={
          <>
            <span className="block text-xs font-normal text-red-800">{t("panelUnavailable", { what })}</span>
            {title}
          </>
        }
        error={error}
        action={<RetryButton label={t("retry")} busyLabel={t("retrying")} />}
      />
    </div>
  );
}
