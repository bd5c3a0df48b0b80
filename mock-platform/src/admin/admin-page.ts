/**
 * The admin web UI's HTML shell: the Preact app (`mock-platform/admin-ui/`) mounts into `#app`.
 * One script and one stylesheet from this origin, so the page runs under `script-src 'self'`.
 * The token lives in sessionStorage (this tab only) and goes in the Authorization header: no
 * cookies, so other sites cannot make requests on the administrator's behalf (no CSRF).
 */
export function adminPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Loro · Administration</title>
<link rel="stylesheet" href="/admin/app.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/admin/app.js"></script>
</body>
</html>`;
}
