import { AppShell, PageHeader } from "@/components/AppShell";
import { LiveBoard } from "@/components/board/LiveBoard";
import { guardPage } from "@/server/auth/guard";

export const metadata = { title: "Live board" };

/** The facilitators' live board (the rows come over the live socket, see components/board/LiveBoard.tsx). */
export default async function LiveBoardPage() {
  const user = await guardPage("/facilitate/board");
  return (
    <AppShell user={user}>
      <PageHeader
        title="Live board"
        description="Every attempt in play, as it happens. Watch one to see its terminals read-only, or send its players a message."
      />
      <LiveBoard />
    </AppShell>
  );
}
