import { REPLAY_WINDOW_SECONDS } from "@/lib/alerts/channels/signature";

/** How a receiver checks a generic webhook's signature (the README has the same, with code). */
export function SignatureHelp() {
  return (
    <div className="space-y-2 text-sm text-fg-muted">
      <p>Each POST to a generic webhook carries:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <code>X-Venuefolio-Timestamp</code>: the Unix time in seconds when it was sent;
        </li>
        <li>
          <code>X-Venuefolio-Signature</code>: <code>sha256=</code> and the hex HMAC-SHA256, under the channel&apos;s secret, of the timestamp, a dot, and the raw body;
        </li>
        <li>
          <code>X-Venuefolio-Delivery</code> (unique per attempt) and <code>X-Venuefolio-Event</code> (<code>alert</code> or <code>test</code>).
        </li>
      </ul>
      <p>
        The receiver recomputes the HMAC over the bytes it received (before parsing the JSON), compares in constant time, and refuses a timestamp more than{" "}
        {REPLAY_WINDOW_SECONDS / 60} minutes from its own clock; keeping the delivery ids it has seen refuses a replay inside that window too.
      </p>
    </div>
  );
}
