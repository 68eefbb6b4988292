import { readFileSync } from "node:fs";
import path from "node:path";
import { FakeHttpServer, type FakeReply, type FakeRequest } from "../../contract/fake-http";

/**
 * Interactive Brokers on localhost: the Flex Web Service (SendRequest → GetStatement,
 * answering "1019 in progress" for the first polls, checking token, query id, version and
 * User-Agent) and a Client Portal gateway under /v1/api (tickle, portfolio, orders with
 * the pre-flight empty answer, trades), both speaking the documented shapes from
 * `fixtures/`.
 */
export const FAKE_IBKR = { token: "flex-token-0123456789abcdef01234", expiredToken: "flex-token-expired-999999", queryId: "987654" } as const;

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const FLEX = "/AccountManagement/FlexWebService";

export interface FakeIbkr {
  server: FakeHttpServer;
  flexBaseUrl: string;
  gatewayUrl: string;
  received: FakeRequest[];
  /** GetStatement answers "in progress" this many times per reference before the statement. */
  notReadyPolls: number;
  /** The statement served (the fixture by default). */
  statement: string;
  /** A statement URL to hand out instead of the fake's own (a hostile redirect). */
  statementUrl?: string;
  /** Whether someone is logged in at the gateway (portfolio endpoints) and the brokerage session is up (iserver). */
  gateway: { loggedIn: boolean; brokerage: boolean };
  close(): Promise<void>;
}

export async function startFakeIbkr(): Promise<FakeIbkr> {
  const received: FakeRequest[] = [];
  const polls = new Map<string, number>();
  let references = 0;
  let ordersAsked = 0;
  const state: Pick<FakeIbkr, "notReadyPolls" | "statement" | "gateway" | "statementUrl"> = {
    notReadyPolls: 2,
    statement: fixture("flex-statement.xml"),
    gateway: { loggedIn: true, brokerage: true },
  };
  const server: FakeHttpServer = await FakeHttpServer.start((req) => {
    received.push(req);
    if (req.path.startsWith(FLEX)) return flex(req);
    if (req.path.startsWith("/v1/api/")) return portal(req, req.path.slice("/v1/api".length));
    return { status: 404, raw: "not found" };
  });

  function flex(req: FakeRequest): FakeReply {
    if (!req.headers["user-agent"]) return xml(403, "<html><body>User-Agent required</body></html>");
    if (req.query.v !== "3") return xml(200, failure("1020", "Invalid request or unable to validate request."));
    if (req.query.t === FAKE_IBKR.expiredToken) return xml(200, fixture("send-request.token-expired.xml"));
    if (req.query.t !== FAKE_IBKR.token) return xml(200, failure("1015", "Token is invalid."));
    if (req.path === `${FLEX}/SendRequest`) {
      if (req.query.q !== FAKE_IBKR.queryId) return xml(200, failure("1014", "Query is invalid."));
      const ref = String(7_000_000_000 + ++references);
      polls.set(ref, 0);
      const body = fixture("send-request.success.xml").replace("{{REFERENCE}}", ref).replace("{{URL}}", state.statementUrl ?? `${server.origin}${FLEX}/GetStatement`);
      return xml(200, body);
    }
    if (req.path === `${FLEX}/GetStatement`) {
      const seen = polls.get(req.query.q ?? "");
      if (seen === undefined) return xml(200, failure("1017", "Reference code is invalid."));
      polls.set(req.query.q!, seen + 1);
      if (seen < state.notReadyPolls) return xml(200, fixture("statement.in-progress.xml"));
      return xml(200, state.statement);
    }
    return xml(404, failure("1020", "Invalid request."));
  }

  function portal(req: FakeRequest, route: string): FakeReply {
    if (route === "/tickle" && req.method === "POST") {
      if (!state.gateway.loggedIn) return { status: 401, json: { error: "not authenticated" } };
      return json({
        session: "bb665d0f55b6289d70bc3d5a0c4c5b5a",
        ssoExpires: 460311,
        collission: false,
        userId: 123456,
        iserver: { authStatus: { authenticated: state.gateway.brokerage, competing: false, connected: true, message: "", MAC: "98:F2:B3:23:BF:A0", serverInfo: { serverName: "JifN19053", serverVersion: "Build 10.25.0p" } } },
      });
    }
    if (!state.gateway.loggedIn) return { status: 401, json: { error: "not authenticated" } };
    if (route === "/portfolio/accounts") return jsonFixture("portal-accounts.json");
    const positions = /^\/portfolio\/(U\d+)\/positions\/(\d+)$/.exec(route);
    if (positions) return positions[2] === "0" ? jsonFixture(`portal-positions.${positions[1]}.json`) : json([]);
    const ledger = /^\/portfolio\/(U\d+)\/ledger$/.exec(route);
    if (ledger) return jsonFixture(`portal-ledger.${ledger[1]}.json`);
    const summary = /^\/portfolio\/(U\d+)\/summary$/.exec(route);
    if (summary) return jsonFixture(`portal-summary.${summary[1]}.json`);
    if (!state.gateway.brokerage) return { status: 401, json: { error: "no bridge" } };
    if (route === "/iserver/account/orders") {
      // The documented pre-flight: the first call of a session answers with nothing.
      return ordersAsked++ === 0 ? json({ orders: [], snapshot: false }) : jsonFixture("portal-orders.json");
    }
    if (route === "/iserver/account/trades") return jsonFixture("portal-trades.json");
    return { status: 404, json: { error: `no route ${route}` } };
  }

  return {
    server,
    flexBaseUrl: `${server.origin}${FLEX}`,
    gatewayUrl: `${server.origin}/v1/api`,
    received,
    get notReadyPolls() {
      return state.notReadyPolls;
    },
    set notReadyPolls(n: number) {
      state.notReadyPolls = n;
    },
    get statement() {
      return state.statement;
    },
    set statement(s: string) {
      state.statement = s;
    },
    get statementUrl() {
      return state.statementUrl;
    },
    set statementUrl(u: string | undefined) {
      state.statementUrl = u;
    },
    gateway: state.gateway,
    close: () => server.close(),
  };
}

/** The recorded statement with one more trading day: a NAV point and a trade on 20 Nov. */
export function nextDayStatement(): string {
  return fixture("flex-statement.xml")
    .replace(
      '<EquitySummaryByReportDateInBase accountId="U1234567" acctAlias="Main" model="" currency="USD" reportDate="20261119"',
      '<EquitySummaryByReportDateInBase accountId="U1234567" acctAlias="Main" model="" currency="USD" reportDate="20261120" cash="50000.5" stock="23300" options="-820" commodities="0" total="252480.5" />\n<EquitySummaryByReportDateInBase accountId="U1234567" acctAlias="Main" model="" currency="USD" reportDate="20261119"',
    )
    .replace(
      "</Trades>\n<ConversionRates>",
      '<Trade accountId="U1234567" currency="USD" assetCategory="STK" symbol="MSFT" conid="272093" multiplier="1" tradeID="420" ibExecID="0000e0d5.657b0009.01.01" ibOrderID="3010" orderReference="mean-rev:77" buySell="SELL" quantity="-5" tradePrice="415.2" ibCommission="-0.35" ibCommissionCurrency="USD" dateTime="20261120;094501" levelOfDetail="EXECUTION" />\n</Trades>\n<ConversionRates>',
    );
}

const failure = (code: string, message: string) =>
  `<FlexStatementResponse timestamp="20 November, 2026 02:05 AM EST">\n<Status>Fail</Status>\n<ErrorCode>${code}</ErrorCode>\n<ErrorMessage>${message}</ErrorMessage>\n</FlexStatementResponse>`;
const xml = (status: number, body: string): FakeReply => ({ status, raw: body, headers: { "content-type": "text/xml" } });
const json = (body: unknown): FakeReply => ({ status: 200, json: body });
// Served as JSON values (not text) so fault injection can reshape them.
const jsonFixture = (name: string): FakeReply => json(JSON.parse(fixture(name)));
