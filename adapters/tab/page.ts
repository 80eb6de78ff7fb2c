import type restify from 'restify';
import { registerStaticPages } from '../http/static-pages';

/** The dashboard page, its script and style, and the Teams JavaScript client (teams-js) it uses inside Teams. */
export const TAB_FILES: Record<string, string> = {
  '/tab': 'adapters/tab/public/tab.html',
  '/tab.js': 'adapters/tab/public/tab.js',
  '/tab.css': 'adapters/tab/public/tab.css',
  '/teams-js.js': 'node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js',
};

/** Scripts, styles and images from this origin only (images also as data: URIs); framed only by Teams. */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft",
].join('; ');

export function registerTabPage(server: restify.Server): void {
  registerStaticPages(server, TAB_FILES, { headers: { 'Content-Security-Policy': TAB_CONTENT_SECURITY_POLICY } });
}
