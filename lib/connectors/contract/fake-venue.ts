import { FakeHttpServer, type Fault, type FakeReply, type FakeRequest, type FaultInjectable, type FaultTarget, type RecordedRequest } from "./fake-http";

/**
 * The part every fake venue shares: a local HTTP server that records requests and injects
 * faults, and a venue-specific `handle` behind it. A fake extends this and implements
 * `handle` (signature checks, routes, the venue's error bodies).
 */
export abstract class FakeVenue implements FaultInjectable {
  protected constructor(protected readonly server: FakeHttpServer) {}

  /** Starts a server and puts the fake built by `make` behind it. */
  protected static async serve<T extends FakeVenue>(make: (server: FakeHttpServer) => T, port = 0): Promise<T> {
    const server = await FakeHttpServer.start(() => ({ status: 503, raw: "starting" }), port);
    const fake = make(server);
    server.use((req) => fake.handle(req));
    return fake;
  }

  protected abstract handle(req: FakeRequest): Promise<FakeReply>;

  /** fetch-compatible; the client keeps the venue's real URL. */
  get fetch() {
    return this.server.fetch;
  }
  get origin() {
    return this.server.origin;
  }
  get requests(): readonly RecordedRequest[] {
    return this.server.requests;
  }
  injectFault(fault: Fault, target?: FaultTarget, times?: number): void {
    this.server.injectFault(fault, target, times);
  }
  clearFaults(): void {
    this.server.clearFaults();
  }
  clearRequests(): void {
    this.server.clearRequests();
  }
  close(): Promise<void> {
    return this.server.close();
  }
}
