/** A value as a JavaScript literal that is safe inside a <script> element. */
const literal = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * A page that plays the Teams client for a tab in its iframe: it answers the teams-js messages the dashboard
 * sends (initialize, getContext, authentication.getAuthToken) the way Teams does, through postMessage.
 * Served from the tab's own origin, which teams-js accepts as its host. Calls are kept in window.hostCalls.
 */
export function fakeTeamsHostPage(tabPath: string, context: Record<string, unknown>, ssoToken: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Teams (test host)</title>
<style>body { margin: 0 } iframe { border: 0; width: 100%; height: 100vh; display: block }</style></head>
<body>
<iframe src="${tabPath}" title="Logbook"></iframe>
<script>
  const frame = document.querySelector('iframe');
  const context = ${literal(context)};
  const ssoToken = ${literal(ssoToken)};
  window.hostCalls = [];
  window.addEventListener('message', (event) => {
    const request = event.data;
    if (event.source !== frame.contentWindow || !request || typeof request.func !== 'string') return;
    window.hostCalls.push(request.func);
    const answer = (args) => frame.contentWindow.postMessage({ id: request.id, args }, event.origin);
    // initialize: frame context, client type, and the SDK version of a Teams client without a runtime config.
    if (request.func === 'initialize') answer(['content', 'web', '2.0.1', '2.0.1']);
    else if (request.func === 'getContext') answer([context]);
    else if (request.func === 'authentication.getAuthToken') answer([true, ssoToken]);
  });
</script>
</body>
</html>`;
}
