/** Every live handler module. A new socket event gets a file here and a line below. */
import type { Socket } from "socket.io";
import type { LiveContext } from "../context";
import { registerAttemptRoom } from "./attempt-room";

export const HANDLERS: ((ctx: LiveContext, socket: Socket) => void)[] = [registerAttemptRoom];
