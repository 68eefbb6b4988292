/**
 * What the connection actions answer, for the browser (no server code here). A refusal is
 * an answer, not an error: a key the venue refused, a trading key, an interval out of
 * range. `field` names the input it is about, so the form shows it there; `message` never
 * holds a secret (connector messages are redacted where they are made).
 */
export type Refusal = { ok: false; message: string; field?: string; kind?: string };

export interface ConnectionPreviewView {
  accounts: Array<{ accountUid: string; name: string; kind: string }>;
  permissions: string[];
  found: { balances: number; positions: number; assets: string[] } | null;
  previewError: string | null;
}

export type TestResult = ({ ok: true } & ConnectionPreviewView) | Refusal;

export type AddResult =
  | { ok: true; id: string; label: string; accounts: number; firstSync: { mode: "inline"; batchId: string } | { mode: "queued" } | { mode: "not-started"; reason: string } }
  | Refusal;

export type ChangeResult<T extends object = object> = ({ ok: true } & T) | Refusal;
