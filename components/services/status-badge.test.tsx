import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en";
import zhCN from "../../messages/zh-CN";
import { StatusBadge } from "./status-badge";

const render = (locale: string, messages: object, status: string) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages}>
      <StatusBadge status={status} />
    </NextIntlClientProvider>,
  );

describe("an EAS status badge", () => {
  it("says the status in Chinese for a Chinese reader, with the API's value in its title", () => {
    const html = render("zh-CN", zhCN, "Running");
    expect(html).toContain("运行中");
    expect(html).toContain('title="Running"');
    expect(render("zh-CN", zhCN, "Failed")).toContain("失败");
  });

  it("keeps the API's words in English, and shows a status it does not know as it is", () => {
    expect(render("en", en, "Running")).toContain(">Running<");
    expect(render("zh-CN", zhCN, "Paused")).toContain(">Paused<");
  });
});
