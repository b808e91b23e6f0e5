/**
 * Import first in every integration test that reaches the app's modules: the
 * database comes from the test script; secrets get test defaults so a test can
 * also run on its own against any migrated DATABASE_URL.
 */
if (!process.env.DATABASE_URL) {
  throw new Error(
    "DATABASE_URL is not set. Run integration tests through scripts/test.sh (or scripts/with-test-db.ts).",
  );
}
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0";
process.env.ORCHESTRATOR_SECRET ??= "test-orchestrator-secret-0123456789ab";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
