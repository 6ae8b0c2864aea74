// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithProviders } from "@/components/testing/render";
import { CauseBadge } from "@/components/diagnosis/cause-badge";
import { toneClasses } from "@/components/ui/tone";
import { HealthBadge } from "./health-badge";

afterEach(cleanup);

const classOf = (text: string) => screen.getAllByText(text).map((el) => el.closest("span[class*='ring-']")!.className);

describe("one colour per cause", () => {
  it("gives Mount denied the same colour first on a row and after another issue", () => {
    renderWithProviders(
      <>
        <HealthBadge health={{ state: "problem", issues: [{ code: "MOUNT_DENIED" }] }} />
        <HealthBadge health={{ state: "problem", issues: [{ code: "TRUST_LINT" }, { code: "MOUNT_DENIED" }] }} />
        <CauseBadge code="MOUNT_DENIED" />
      </>,
    );
    const classes = classOf("Mount denied");
    expect(classes).toHaveLength(3);
    for (const c of classes) expect(c).toContain(toneClasses.danger);
    expect(classOf("Trust lint errors")[0]).toContain(toneClasses.warning);
  });

  it("shows a cause by its label with the code in small type beside it", () => {
    renderWithProviders(<CauseBadge code="IMAGE_PULL_DENIED" />);
    expect(screen.getByText("Image pull denied")).toBeTruthy();
    expect(screen.getByText("IMAGE_PULL_DENIED").tagName).toBe("CODE");
  });
});
