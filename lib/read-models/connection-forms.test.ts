import { describe, expect, it } from "vitest";
import { formSection } from "./connection-form-fields";
import { connectionFormSchema, formErrorMap, newConnectionSchema, PROVIDER_FORMS, providerForm } from "./connection-forms";

/**
 * The wizard's forms come from the connectors' own schemas: every field has words, every
 * credential is a secret input, and the one schema the browser checks is the one the
 * server action parses with.
 */
describe("connection forms", () => {
  it.each(PROVIDER_FORMS.map((f) => [f.provider, f] as const))("%s: every field is labelled, every credential a secret input", (_p, form) => {
    const settings = formSection(form.settings, form.text, { secret: false });
    const credentials = formSection(form.credentials, form.text, { secret: true });
    const credentialFields = [...credentials.fields, ...(credentials.variant?.options.flatMap((o) => o.fields) ?? [])];
    for (const f of credentialFields) expect(f.kind, f.name).toBe("secret");
    for (const f of [...settings.fields, ...credentialFields]) expect(f.label.length, f.name).toBeGreaterThan(1);
    if (form.provider !== "demo") expect(form.keyHelp?.steps.length).toBeGreaterThan(0);
  });

  it("Groww's three ways to sign in are a choice, each with its own fields", () => {
    const form = providerForm("groww")!;
    const { variant } = formSection(form.credentials, form.text, { secret: true });
    expect(variant?.options.map((o) => [o.value, o.fields.map((f) => f.name)])).toEqual([
      ["access_token", ["accessToken"]],
      ["approval", ["apiKey", "apiSecret"]],
      ["totp", ["apiKey", "totpSecret"]],
    ]);
  });

  it("the provider-specific fields: OKX's demo environment, 1Token's department, IBKR's query id and gateway, wallets per chain", () => {
    const names = (p: string) => formSection(providerForm(p)!.settings, providerForm(p)!.text, { secret: false }).fields.map((f) => [f.name, f.kind]);
    expect(names("okx")).toContainEqual(["environment", "select"]);
    expect(names("onetoken")).toEqual([["baseUrl", "url"], ["department", "text"], ["navFrequency", "select"]]);
    expect(names("ibkr")).toEqual([["flexQueryId", "text"], ["gatewayUrl", "url"]]);
    expect(names("okx_web3")).toEqual([["wallets", "wallets"], ["includeRiskTokens", "checkbox"]]);
  });

  it("one schema, browser and server: a valid form passes both, a bad field is named, a forged setting is refused", () => {
    const okx = connectionFormSchema(providerForm("okx")!);
    const good = { provider: "okx", label: " Desk ", settings: { environment: "demo" }, credentials: { apiKey: "k", secret: "s", passphrase: "p" } };
    expect(okx.parse(good)).toMatchObject({ label: "Desk", settings: { environment: "demo", allowTradingKeys: false } });
    expect(newConnectionSchema.parse(good)).toEqual(okx.parse(good));
    const missing = okx.safeParse({ ...good, credentials: { apiKey: "k", secret: "s" } });
    expect(missing.error?.issues[0]?.path).toEqual(["credentials", "passphrase"]);
    // A URL the server would call is not a setting the browser may send.
    expect(newConnectionSchema.safeParse({ provider: "groww", label: "G", settings: { baseUrl: "http://169.254.169.254" }, credentials: { mode: "access_token", accessToken: "t" } }).success).toBe(false);
  });

  it("a field left empty says so in plain words; a schema's own message wins", () => {
    const web3 = providerForm("okx_web3")!.credentials;
    const missing = web3.safeParse({ apiKey: "k", secretKey: "" }, { error: formErrorMap });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["secretKey", "is required"],
      ["passphrase", "is required"],
    ]);
    const label = connectionFormSchema(providerForm("demo")!).safeParse({ provider: "demo", label: " ", settings: {}, credentials: {} }, { error: formErrorMap });
    expect(label.error?.issues[0]?.message).toBe("Give the connection a name");
  });

  it("1Token's address must be a 1Token tenant over https", () => {
    const settings = providerForm("onetoken")!.settings;
    expect(settings.safeParse({ baseUrl: "https://fund.1token.tech/api/v1" }).success).toBe(true);
    expect(settings.safeParse({ baseUrl: "http://fund.1token.tech/api/v1" }).success).toBe(false);
    expect(settings.safeParse({ baseUrl: "https://1token.tech.evil.example/api/v1" }).success).toBe(false);
    expect(settings.safeParse({ baseUrl: "http://10.0.0.1/api/v1" }).success).toBe(false);
  });

  it("wallets: one address per chain, each row { address, chains: [chain] }", () => {
    const settings = providerForm("okx_web3")!.settings;
    const address = "0x1234567890abcdef1234567890abcdef12345678";
    expect(settings.safeParse({ wallets: [{ address, chains: ["1"] }, { address, chains: ["56"], label: "Cold" }] }).success).toBe(true);
    expect(settings.safeParse({ wallets: [] }).error?.issues[0]?.path).toEqual(["wallets"]);
  });
});
