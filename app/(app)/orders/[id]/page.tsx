import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { NotFoundError } from "@/db/queries/not-found";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { loadOrderDetail } from "@/lib/read-models/order-data";
import { ChainSummary } from "./_components/chain-summary";
import { OrderFills } from "./_components/order-fills";
import { OrderState } from "./_components/order-state";
import { OrderTimeline } from "./_components/order-timeline";
import { RawPayload } from "./_components/raw-payload";

export const metadata: Metadata = { title: "Order" };

/**
 * One order's audit trail: its current state, every event in the account's chain order with
 * whether the chain verifies up to it, its fills, and for admins the raw payloads. Another
 * workspace's order (or a made-up id) is a 404, like one that does not exist.
 */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { db, ownerId, viewer } = await requirePageScope(`/orders/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const admin = hasRole(viewer.workspace.role, "admin");
  const detail = await loadOrderDetail(db, { ownerId, orderId: id, admin }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { timeZone } = viewer.workspace;
  return (
    <div className="space-y-4">
      <Link href="/orders" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← Orders
      </Link>
      <Card title={`Order ${detail.order.symbol} ${detail.order.side}`}>
        <OrderState order={detail.order} timeZone={timeZone} />
        <RawPayload label="Raw order payload (admins)" text={detail.raw} />
      </Card>
      <Card title="Timeline">
        <div className="space-y-4">
          <ChainSummary chain={detail.chain} />
          <OrderTimeline detail={detail} timeZone={timeZone} />
        </div>
      </Card>
      <Card title="Fills">
        <OrderFills detail={detail} timeZone={timeZone} />
      </Card>
    </div>
  );
}
