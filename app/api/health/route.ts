export const dynamic = "force-dynamic";

/**
 * GET /api/health: "ok" while this instance serves requests, for a load balancer's health
 * check (deploy/haproxy/hajime.cfg). It touches no database and no limit, so a busy or
 * rate-limited instance is not taken out of rotation for it; proxy.ts skips /api.
 */
export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
