import { Card } from "@/components/ui/card";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

/** The connection's non-secret settings, labelled as the wizard labelled them. The credentials are never shown. */
export function SettingsCard({ settings }: { settings: ConnectionDetail["settings"] }) {
  return (
    <Card title="Settings">
      {settings.length === 0 ? (
        <p className="text-sm text-fg-muted">No settings.</p>
      ) : (
        <dl className="space-y-2 text-sm">
          {settings.map((s) => (
            <div key={s.label} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
              <dt className="text-fg-muted">{s.label}</dt>
              <dd className="break-words">{s.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
