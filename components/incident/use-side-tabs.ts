"use client";
/**
 * The room's side panels: which tabs there are (no Hints in a certification
 * attempt; Injects and Coach for a facilitator), which is open, and the
 * channel's unread count, which opens the channel at its first unread item.
 */
import { useState } from "react";

export type SideTab = "brief" | "channel" | "report" | "hints" | "logs" | "stats" | "code" | "injects" | "coach";
export interface SideTabSpec {
  id: SideTab;
  label: string;
}

const TABS: SideTabSpec[] = [
  { id: "brief", label: "Briefing" },
  { id: "channel", label: "Channel" },
  { id: "report", label: "Report" },
  { id: "hints", label: "Hints" },
  { id: "logs", label: "Logs" },
  { id: "stats", label: "Machines" },
  { id: "code", label: "Code" },
];

export function useSideTabs(opts: {
  certifying: boolean;
  facilitating: boolean;
  channelCount: number;
  /** How many channel events the first load brought: those are not unread. */
  channelInitialCount: number;
}) {
  const { channelCount, channelInitialCount } = opts;
  const [tab, setTab] = useState<SideTab>("brief");
  const [channelSeen, setChannelSeen] = useState(0);
  /** Where the unread items began when the channel was opened: it opens scrolled there (or to the newest). */
  const [unreadFrom, setUnreadFrom] = useState<number | null>(null);
  const seen = Math.max(channelSeen, channelInitialCount);
  const unread = tab === "channel" ? 0 : Math.max(0, channelCount - seen);

  // A certification attempt has no hints: the tab is not there at all.
  const baseTabs = opts.certifying ? TABS.filter((t) => t.id !== "hints") : TABS;
  const tabs: SideTabSpec[] = opts.facilitating
    ? [...baseTabs, { id: "injects", label: "Injects" }, { id: "coach", label: "Coach" }]
    : baseTabs;

  const chooseTab = (next: SideTab) => {
    if (next === "channel" && tab !== "channel") setUnreadFrom(seen);
    if (tab === "channel" || next === "channel") setChannelSeen(channelCount);
    setTab(next);
  };

  return { tab, tabs, chooseTab, unread, unreadFrom };
}
