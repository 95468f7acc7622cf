/**
 * The headers every page and asset of the web app is served with, locally
 * (scripts/local/web-files.ts) and by CloudFront (lib/constructs/web-distribution.ts).
 * The app has no inline script or style and loads nothing from elsewhere, so
 * `default-src 'self'` holds; `connect-src` falls back to it, which is why the
 * API must stay on the page's origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const WEB_SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;
