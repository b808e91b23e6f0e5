/**
 * Tells the orchestrator about revoked sessions or people, so their terminal and
 * app-proxy tokens stop working and what is open on them ends within seconds.
 * Called after the revocation is committed; if the orchestrator cannot be
 * reached the revocation still stands here, and its tokens expire within
 * TOKEN_TTL_SECONDS (open sockets end at their token's expiry).
 */
import type { RevocationRequest } from "../contracts/orchestrator-api";
import { orchestrator, type OrchestratorClient } from "../orchestrator-client/client";

export async function notifyRevocation(
  req: RevocationRequest,
  client: Pick<OrchestratorClient, "revokeAccess"> = orchestrator,
): Promise<boolean> {
  if ((req.sessions?.length ?? 0) + (req.users?.length ?? 0) === 0) return true;
  try {
    await client.revokeAccess(req);
    return true;
  } catch (err) {
    console.warn(
      `[sessions] the orchestrator did not hear a revocation: ${err instanceof Error ? err.message : String(err)}`,
    );
    return false;
  }
}
