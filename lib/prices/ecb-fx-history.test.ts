import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeHttpServer } from "@/lib/connectors/contract/fake-http";
import { ECB_HISTORY_URL, readEcbHistory } from "./ecb-fx-history";

// The ECB's history format: newest day first, one dated Cube per working day.
const HISTORY = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
	<Cube>
		<Cube time="2024-01-03"><Cube currency="USD" rate="1.0919"/><Cube currency="JPY" rate="155.52"/><Cube currency="INR" rate="90.8765"/></Cube>
		<Cube time="2024-01-02"><Cube currency="USD" rate="1.0956"/><Cube currency="JPY" rate="155.86"/><Cube currency="INR" rate="91.2150"/></Cube>
		<Cube time="2023-12-29"><Cube currency="USD" rate="1.1050"/><Cube currency="JPY" rate="156.33"/><Cube currency="INR" rate="91.9045"/></Cube>
	</Cube>
</gesmes:Envelope>`;

let ecb: FakeHttpServer;
beforeAll(async () => {
  ecb = await FakeHttpServer.start((req) => (req.path === "/stats/eurofxref/eurofxref-hist.xml" ? { status: 200, raw: HISTORY } : { status: 404, raw: "" }));
});
afterAll(async () => ecb.close());

describe("ECB reference-rate history (fake ECB over HTTP)", () => {
  it("USD prices per day, oldest first: EUR = 1.0956 on 2 Jan, INR = 1.0956 / 91.2150 = 0.012011182371 (12 decimals); holidays absent", async () => {
    const h = await readEcbHistory({ fetch: ecb.fetch });
    expect(new URL(ECB_HISTORY_URL).host).toBe("www.ecb.europa.eu");
    expect(h.EUR).toEqual([
      { date: "2023-12-29", close: "1.105" },
      { date: "2024-01-02", close: "1.0956" },
      { date: "2024-01-03", close: "1.0919" },
    ]);
    expect(h.INR![1]).toEqual({ date: "2024-01-02", close: "0.012011182371" });
    expect(h.USD).toBeUndefined();
  });

  it("incremental: fromDate 2024-01-03 keeps only that day; a 404 is an error naming the ECB", async () => {
    const h = await readEcbHistory({ fetch: ecb.fetch, fromDate: "2024-01-03" });
    expect(Object.fromEntries(Object.entries(h).map(([c, rows]) => [c, rows.map((r) => r.date)]))).toEqual({ EUR: ["2024-01-03"], JPY: ["2024-01-03"], INR: ["2024-01-03"] });
    await expect(readEcbHistory({ fetch: ecb.fetch, url: "https://www.ecb.europa.eu/stats/eurofxref/missing.xml" })).rejects.toThrow(/ECB reference-rate history answered 404/);
  });
});
