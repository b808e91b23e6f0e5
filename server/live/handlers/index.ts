/** Every live handler module. A new socket event gets a file here and a line below. */
import type { Socket } from "socket.io";
import type { LiveContext } from "../context";
import { registerAttemptRoom } from "./attempt-room";
import { registerBoard } from "./board";
import { registerCoach } from "./coach";
import { registerInjects } from "./injects";
import { registerTeamPlay } from "./team-play";

export const HANDLERS: ((ctx: LiveContext, socket: Socket) => void)[] = [
  registerAttemptRoom,
  registerBoard,
  registerCoach,
  registerTeamPlay,
  registerInjects,
];
