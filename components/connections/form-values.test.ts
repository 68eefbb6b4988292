import { describe, expect, it } from "vitest";
import { formSection } from "@/lib/read-models/connection-form-fields";
import { connectionFormSchema, providerForm } from "@/lib/read-models/connection-forms";
import { credentialsInput, errorFor, initialValues, issuesByPath, toInput, validationErrorsByPath } from "./form-values";

describe("form values → the provider schema's input", () => {
  it("OKX Web3: wallet rows become { address, chains: [chain] }, blank rows dropped, and the schema accepts them", () => {
    const form = providerForm("okx_web3")!;
    const { fields } = formSection(form.settings, form.text, { secret: false });
    const values = initialValues(fields);
    expect(values.wallets).toEqual([{ address: "", chain: "1", label: "" }]);
    values.wallets = [
      { address: " 0x1234567890abcdef1234567890abcdef12345678 ", chain: "1", label: "" },
      { address: "0x1234567890abcdef1234567890abcdef12345678", chain: "56", label: "Cold" },
      { address: "", chain: "1", label: "" },
    ];
    const settings = toInput(fields, values);
    expect(settings).toEqual({
      wallets: [
        { address: "0x1234567890abcdef1234567890abcdef12345678", chains: ["1"] },
        { address: "0x1234567890abcdef1234567890abcdef12345678", chains: ["56"], label: "Cold" },
      ],
      includeRiskTokens: false,
    });
    const credentials = { apiKey: "k", secretKey: "s", passphrase: "p" };
    expect(connectionFormSchema(form).safeParse({ provider: "okx_web3", label: "W", settings, credentials }).success).toBe(true);
  });

  it("Groww: only the chosen way's fields are sent, with its mode; an empty optional field is left out", () => {
    const form = providerForm("groww")!;
    const section = formSection(form.credentials, form.text, { secret: true });
    const values = { accessToken: "tok", apiKey: "left over from another choice", apiSecret: "" };
    expect(credentialsInput(section, "access_token", values)).toEqual({ mode: "access_token", accessToken: "tok" });
    const ibkr = providerForm("ibkr")!;
    expect(toInput(formSection(ibkr.settings, ibkr.text, { secret: false }).fields, { flexQueryId: " 123 ", gatewayUrl: "" })).toEqual({ flexQueryId: "123" });
  });

  it("Binance: the first sync's history is a number of days, 7 by default, 1 to 3,650; 0 or 5,000 is refused, naming the field", () => {
    const form = providerForm("binance")!;
    const field = formSection(form.settings, form.text, { secret: false }).fields.find((f) => f.name === "initialHistoryDays");
    expect(field).toMatchObject({ kind: "number", defaultValue: 7, min: 1, max: 3650, label: "History to read on the first sync (days)" });
    const add = (initialHistoryDays: number) =>
      connectionFormSchema(form).safeParse({ provider: "binance", label: "B", settings: { environment: "live", allowTradingKeys: false, initialHistoryDays }, credentials: { apiKey: "k", secret: "s" } });
    expect(add(365).success).toBe(true);
    for (const bad of [0, 5_000]) expect(add(bad).error?.issues.map((i) => i.path.join("."))).toEqual(["settings.initialHistoryDays"]);
  });

  it("errors by field path, from zod issues and from the action's validation errors", () => {
    expect(issuesByPath([{ path: ["settings", "wallets", 0, "address"], message: "Too small" }, { path: ["settings", "wallets", 0, "address"], message: "second" }])).toEqual({
      "settings.wallets.0.address": "Too small",
    });
    expect(validationErrorsByPath({ _errors: [], credentials: { _errors: [], secret: { _errors: ["is required"] } } })).toEqual({ "credentials.secret": "is required" });
    expect(errorFor({ "settings.wallets.1.address": "Too small" }, "settings.wallets")).toBe("Too small");
  });
});
