import { LoaderCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CONNECTION_STATE_LABELS, type ConnectionState } from "@/lib/read-models/connection-state";

const TONES = { healthy: "good", syncing: "neutral", needs_attention: "bad", paused: "warn", failing: "bad" } as const;

/** The state in a word, coloured and always spelled out (colour is never the only signal). */
export function StateBadge({ state }: { state: ConnectionState }) {
  return (
    <Badge tone={TONES[state]}>
      {state === "syncing" && <LoaderCircle aria-hidden className="mr-1 size-3 animate-spin" />}
      {CONNECTION_STATE_LABELS[state]}
    </Badge>
  );
}
