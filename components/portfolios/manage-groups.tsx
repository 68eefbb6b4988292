"use client";

import { Pencil, Trash2, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { createPortfolioGroup, deletePortfolioGroup, updatePortfolioGroup } from "@/lib/actions/portfolio-groups";
import { createGroupSchema, updateGroupSchema } from "@/lib/portfolios/manual-group-schema";
import type { ManualGroupOption, PortfolioOptions } from "@/lib/read-models/portfolio-options";
import { firstIssue, focusField, refusal, type ActionAnswer } from "@/components/forms/action-result";
import { fieldClass, primaryButton, rowButton, secondaryButton } from "@/components/ui/buttons";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";

/**
 * The manual groups' manager, next to the selector (members and above): create a group from
 * the workspace's accounts, rename it, change its accounts, delete it. Each form is checked
 * with the action's own schema first; a refusal shows beside the form and nothing typed is
 * lost. After a change the page's server data is read again (the selector's list with it).
 */
export function ManageGroups({ options, onSelect }: { options: PortfolioOptions; onSelect: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<ManualGroupOption | "new" | null>(null);
  return (
    <>
      <button type="button" className={`${rowButton} shrink-0`} onClick={() => setOpen(true)} aria-label="Manage portfolio groups">
        <Users aria-hidden className="size-3.5" />
        <span className="hidden sm:inline">Groups</span>
      </button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          setEditing(null);
        }}
        title="Portfolio groups"
      >
        {editing === null ? (
          <GroupList groups={options.groups} onEdit={setEditing} onSelect={(key) => (onSelect(key), setOpen(false))} />
        ) : (
          <GroupForm
            key={editing === "new" ? "new" : editing.id}
            group={editing === "new" ? null : editing}
            accounts={options.accounts}
            onDone={(key) => {
              setEditing(null);
              if (key) {
                onSelect(key);
                setOpen(false);
              }
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function GroupList({ groups, onEdit, onSelect }: { groups: ManualGroupOption[]; onEdit: (g: ManualGroupOption | "new") => void; onSelect: (key: string) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const remove = (g: ManualGroupOption) => {
    if (!window.confirm(`Delete the group "${g.name}"? Its accounts stay; only the group goes.`)) return;
    startTransition(async () => {
      const answer = await deletePortfolioGroup({ portfolioId: g.id });
      if (answer?.data === undefined) toast.error(refusal(answer, "The group was not deleted"));
      else {
        toast.success(`Deleted "${g.name}"`);
        router.refresh();
      }
    });
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">A group is a set of accounts from any connections, selectable like a connection or a fund.</p>
      {groups.length === 0 ? (
        <p className="text-sm text-fg-subtle">No group yet.</p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line" aria-label="Groups">
          {groups.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <button type="button" className="min-w-0 flex-1 truncate text-left font-medium hover:underline" onClick={() => onSelect(g.key)}>
                {g.name}
              </button>
              <span className="text-xs text-fg-subtle tabular-nums">
                {g.accountIds.length} account{g.accountIds.length === 1 ? "" : "s"}
              </span>
              <button type="button" className={rowButton} onClick={() => onEdit(g)} aria-label={`Edit ${g.name}`}>
                <Pencil aria-hidden className="size-3.5" /> Edit
              </button>
              <button type="button" className={rowButton} disabled={pending} onClick={() => remove(g)} aria-label={`Delete ${g.name}`}>
                <Trash2 aria-hidden className="size-3.5" /> Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className={primaryButton} onClick={() => onEdit("new")}>
        New group
      </button>
    </div>
  );
}

function GroupForm({ group, accounts, onDone }: { group: ManualGroupOption | null; accounts: PortfolioOptions["accounts"]; onDone: (selectKey: string | null) => void }) {
  const router = useRouter();
  const nameId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (form: HTMLFormElement) => {
    setError(null);
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const accountIds = data.getAll("accountIds").map(String);
    // Checked with the action's own schema before anything is sent.
    const check = group ? updateGroupSchema.safeParse({ portfolioId: group.id, name, accountIds }) : createGroupSchema.safeParse({ name, accountIds });
    if (!check.success) {
      const issue = firstIssue(check.error);
      setError(issue.message);
      focusField(form, issue.field);
      return;
    }
    startTransition(async () => {
      const answer: ActionAnswer<unknown> | undefined = group
        ? await updatePortfolioGroup({ portfolioId: group.id, name, accountIds })
        : await createPortfolioGroup({ name, accountIds });
      if (answer?.data === undefined) {
        setError(refusal(answer, "The group was not saved"));
        return;
      }
      toast.success(group ? `Saved "${name.trim()}"` : `Created "${name.trim()}"`);
      router.refresh();
      const created = answer.data as { id?: string };
      onDone(!group && created.id ? `portfolio:${created.id}` : null);
    });
  };
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <div className="space-y-1">
        <label htmlFor={nameId} className="text-sm font-medium">
          Name
        </label>
        <input id={nameId} name="name" defaultValue={group?.name ?? ""} maxLength={80} required className={fieldClass} autoComplete="off" />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Accounts</legend>
        {accounts.length === 0 ? (
          <p className="text-sm text-fg-subtle">No account yet: accounts appear after a connection&apos;s first sync.</p>
        ) : (
          <div className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-line p-2" tabIndex={0} aria-label="Accounts to include">
            {accounts.map((a) => (
              <label key={a.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="accountIds" value={a.id} defaultChecked={group?.accountIds.includes(a.id) ?? false} />
                <span className="min-w-0 truncate">
                  {a.label} <span className="text-fg-subtle">· {a.connectionLabel}</span>
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <FormError message={error ?? undefined} />
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={pending}>
          {group ? "Save" : "Create and select"}
        </button>
        <button type="button" className={secondaryButton} onClick={() => onDone(null)}>
          Back
        </button>
      </div>
    </form>
  );
}
