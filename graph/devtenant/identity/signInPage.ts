import type { CouncilUser } from "../council/types";

/** What the dev sign-in page shows. */
export type SignInPageModel = {
  councilName: string;
  /** The authorize URL without login_hint or q: each person's link adds login_hint to it. */
  authorizeUrl: URL;
  query: string;
  users: CouncilUser[];
  /** How many matched before the list was cut. */
  matched: number;
};

/** A minimal page to pick whom to sign in as: the dev tenant has no passwords. */
export function signInPage(model: SignInPageModel): string {
  const items = model.users
    .map((user) => {
      const link = new URL(model.authorizeUrl);
      link.searchParams.set("login_hint", user.userPrincipalName);
      return `<li><a href="${escapeHtml(link.toString())}">${escapeHtml(user.displayName)}</a> <small>${escapeHtml(
        user.userPrincipalName,
      )} · ${escapeHtml(user.jobTitle)}, ${escapeHtml(user.department)}</small></li>`;
    })
    .join("\n");
  const hidden = [...model.authorizeUrl.searchParams]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const more =
    model.matched > model.users.length ? `<p>${model.matched - model.users.length} more: search to narrow.</p>` : "";
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Sign in to ${escapeHtml(model.councilName)} (dev tenant)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem">
<h1>Sign in to ${escapeHtml(model.councilName)}</h1>
<p>Development tenant: pick a person to sign in as. No password is asked.</p>
<form method="get" action="${escapeHtml(model.authorizeUrl.pathname)}">${hidden}
<label for="q">Search by name, email or department</label>
<input id="q" name="q" type="search" value="${escapeHtml(model.query)}" autofocus>
<button type="submit">Search</button></form>
<ul>
${items}
</ul>
${more}
</body></html>`;
}

/** A plain page for a sign-in that cannot go on (no redirect is safe to follow). */
export function signInErrorPage(message: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sign-in error</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto"><h1>Sign-in error</h1><p>${escapeHtml(
    message,
  )}</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
