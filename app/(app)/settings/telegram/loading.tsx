import { LoadingState } from "@/components/ui/states";

// Shaped like the page: the connect card, the linked chats, the bot's setup.
export default function Loading() {
  return <LoadingState label="Loading the Telegram settings" blocks={["h-32", "h-48", "h-40"]} />;
}
