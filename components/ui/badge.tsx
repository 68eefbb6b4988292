import type { ReactNode } from "react";

const tones = {
  neutral: "bg-slate-100 text-slate-700",
  demo: "bg-amber-100 text-amber-800 ring-1 ring-amber-300",
  good: "bg-emerald-100 text-emerald-800",
  bad: "bg-rose-100 text-rose-800",
} as const;

export function Badge({ tone = "neutral", children, title }: { tone?: keyof typeof tones; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}
