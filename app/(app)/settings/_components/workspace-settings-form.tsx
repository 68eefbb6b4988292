"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { formatDate, formatUtcOffset } from "@/components/format";
import { updateWorkspaceSettings } from "@/lib/actions/workspace-settings";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { fractionToPercent, RISK_FREE_PERCENT_MAX, RISK_FREE_PERCENT_MIN, workspaceSettingsSchema, type CurrencyHistory, type WorkspaceSettingsInput } from "@/lib/read-models/workspace-settings";
import { settingsChangeNotice } from "./change-notice";

type Field = "baseCurrency" | "timeZone" | "riskFreeRatePercent";
const FIELD_CLASS =
  "block w-full rounded-md border bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * Base currency (a select of the currencies the price book reaches), time zone (a text
 * field searching the server's zone list) and the annual risk-free rate of Sharpe, typed in
 * percent and stored as the exact fraction. Before saving it says what the change will do;
 * the same zod schema as the action checks the input, a refusal is shown beside its field,
 * and nothing typed is lost.
 */
export function WorkspaceSettingsForm(props: {
  current: { baseCurrency: string; timeZone: string; riskFreeRate: string };
  currencies: ReadonlyArray<{ code: string; label: string }>;
  timeZones: readonly string[];
  history: readonly CurrencyHistory[];
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [baseCurrency, setBaseCurrency] = useState(props.current.baseCurrency);
  const [timeZone, setTimeZone] = useState(props.current.timeZone);
  const currentPercent = fractionToPercent(props.current.riskFreeRate);
  const [ratePercent, setRatePercent] = useState(currentPercent);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const currencyField = useRef<HTMLSelectElement>(null);
  const zoneField = useRef<HTMLInputElement>(null);
  const rateField = useRef<HTMLInputElement>(null);
  // The offset shown is the zone's as the page opened: a DST change during the visit can wait.
  const [openedAt] = useState(() => Date.now());
  const schema = useMemo(() => workspaceSettingsSchema(props.timeZones), [props.timeZones]);

  const next = { baseCurrency, timeZone: timeZone.trim() };
  const rateChanged = ratePercent.trim() !== currentPercent;
  const changed = next.baseCurrency !== props.current.baseCurrency || next.timeZone !== props.current.timeZone || rateChanged;
  const notice = settingsChangeNotice({
    current: props.current,
    next,
    history: props.history,
    formatDate: (iso) => formatDate(iso, props.current.timeZone),
  });
  const offset = props.timeZones.includes(next.timeZone) ? formatUtcOffset(next.timeZone, openedAt) : null;

  const refuse = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = (["baseCurrency", "timeZone", "riskFreeRatePercent"] as const).find((f) => found[f]);
    const fields = { baseCurrency: currencyField, timeZone: zoneField, riskFreeRatePercent: rateField };
    if (first) fields[first].current?.focus();
  };

  const submit = () =>
    startTransition(async () => {
      setErrors({});
      setFormError(null);
      const input = rateChanged ? { ...next, riskFreeRatePercent: ratePercent } : next;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return refuse(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      }
      // The action parses the same schema: it takes the input as typed (percent), not the parsed fraction; parsing just accepted it.
      const answer = await updateWorkspaceSettings(input as WorkspaceSettingsInput);
      const invalid = answer?.validationErrors as Partial<Record<Field, { _errors?: string[] }>> | undefined;
      if (invalid)
        return refuse({
          baseCurrency: invalid.baseCurrency?._errors?.[0],
          timeZone: invalid.timeZone?._errors?.[0],
          riskFreeRatePercent: invalid.riskFreeRatePercent?._errors?.[0],
        });
      if (!answer?.data) return setFormError(answer?.serverError?.message ?? "The settings were not saved");
      const r = answer.data;
      toast.success(
        [`Saved: ${r.baseCurrency}, ${r.timeZone}, risk-free rate ${fractionToPercent(r.riskFreeRate)} %`, r.rollupsRebuilt > 0 ? `chart rebuilt (${r.rollupsRebuilt} points)` : null, r.resync]
          .filter(Boolean)
          .join(". "),
      );
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
      router.refresh();
    });

  return (
    <form
      noValidate
      aria-label="Workspace settings"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="min-w-0 space-y-1 text-sm">
          <span className="block font-medium">Base currency</span>
          <select
            ref={currencyField}
            name="baseCurrency"
            value={baseCurrency}
            onChange={(e) => {
              setBaseCurrency(e.target.value);
              setErrors((found) => ({ ...found, baseCurrency: undefined }));
            }}
            aria-invalid={errors.baseCurrency ? true : undefined}
            aria-describedby="base-currency-help"
            className={`${FIELD_CLASS} ${errors.baseCurrency ? "border-rose-500" : "border-line"}`}
          >
            {props.currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
          <span id="base-currency-help" className="block text-fg-subtle">
            {errors.baseCurrency ? (
              <span role="alert" className="text-rose-700 dark:text-rose-300">
                {errors.baseCurrency}
              </span>
            ) : (
              "Every total is reported in it. Currencies our price sources can reach."
            )}
          </span>
        </label>
        <label className="min-w-0 space-y-1 text-sm">
          <span className="block font-medium">Time zone</span>
          <input
            ref={zoneField}
            name="timeZone"
            type="text"
            list="workspace-time-zones"
            value={timeZone}
            onChange={(e) => {
              setTimeZone(e.target.value);
              setErrors((found) => ({ ...found, timeZone: undefined }));
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby="time-zone-help"
            className={`${FIELD_CLASS} ${errors.timeZone ? "border-rose-500" : "border-line"}`}
          />
          <datalist id="workspace-time-zones">
            {props.timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <span id="time-zone-help" className="block text-fg-subtle" suppressHydrationWarning>
            {errors.timeZone ? (
              <span role="alert" className="text-rose-700 dark:text-rose-300">
                {errors.timeZone}
              </span>
            ) : offset ? (
              `${offset} now. Days and weeks start at midnight here.`
            ) : (
              "Type to search, e.g. Europe/London or Asia/Kolkata."
            )}
          </span>
        </label>
        <label className="min-w-0 space-y-1 text-sm">
          <span className="block font-medium">Risk-free rate (% a year)</span>
          <input
            ref={rateField}
            name="riskFreeRatePercent"
            type="text"
            inputMode="decimal"
            value={ratePercent}
            onChange={(e) => {
              setRatePercent(e.target.value);
              setErrors((found) => ({ ...found, riskFreeRatePercent: undefined }));
            }}
            autoComplete="off"
            aria-invalid={errors.riskFreeRatePercent ? true : undefined}
            aria-describedby="risk-free-help"
            className={`${FIELD_CLASS} ${errors.riskFreeRatePercent ? "border-rose-500" : "border-line"}`}
          />
          <span id="risk-free-help" className="block text-fg-subtle">
            {errors.riskFreeRatePercent ? (
              <span role="alert" className="text-rose-700 dark:text-rose-300">
                {errors.riskFreeRatePercent}
              </span>
            ) : (
              `Sharpe's risk-free rate and Sortino's target on Performance, ${RISK_FREE_PERCENT_MIN} to ${RISK_FREE_PERCENT_MAX}. 0 compares with cash that earns nothing.`
            )}
          </span>
        </label>
      </div>

      {notice.length > 0 && (
        <div role="status" data-testid="settings-change-notice" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
          <p className="font-medium">When you save:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {notice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {formError && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {formError}
        </p>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending || !changed}
          className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
          {pending ? "Saving…" : "Save"}
        </button>
        {changed && !pending && (
          <button
            type="button"
            onClick={() => {
              setBaseCurrency(props.current.baseCurrency);
              setTimeZone(props.current.timeZone);
              setRatePercent(currentPercent);
              setErrors({});
              setFormError(null);
            }}
            className="rounded-md px-3 py-2 text-sm text-fg-muted hover:bg-surface-2"
          >
            Undo changes
          </button>
        )}
      </div>
    </form>
  );
}
