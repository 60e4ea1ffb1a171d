import { Router } from "express";
import { adoptionRoutes } from "./adoptionRoutes";
import { adoptionTipRoutes } from "./adoptionTipRoutes";
import { approvalRoutes } from "./approvalRoutes";
import { ictRoutes } from "./ictRoutes";
import { migrationRoutes } from "./migrationRoutes";
import { myRoutes } from "./myRoutes";
import { pulseRoutes } from "./pulseRoutes";
import type { TabApiDeps } from "./tabApiDeps";
import { authenticate } from "./tabAuth";

/**
 * The JSON API the tabs call (docs/tab-api.md), mounted at /api/tab. Every
 * route but the sign-in settings needs a valid Teams SSO token, and each
 * checks the caller's role.
 */
export function tabApi(deps: TabApiDeps): Router {
  const router = Router();
  router.get("/auth-config", (_req, res) => {
    res.json(deps.authConfig);
  });
  // Only the API's own paths: any other answers the app's JSON 404, token or not.
  router.use(["/me", "/my", "/selfhelp", "/tickets", "/ict"], authenticate(deps.auth));
  router.use(approvalRoutes(deps));
  router.use(migrationRoutes(deps));
  router.use(ictRoutes(deps));
  router.use(myRoutes(deps));
  router.use(pulseRoutes(deps));
  router.use(adoptionRoutes(deps));
  router.use(adoptionTipRoutes(deps));
  return router;
}
