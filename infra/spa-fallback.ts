/**
 * The site's pages live at paths (`/pimpinan`, `/admin/roster`) that are not files in
 * the bucket. This CloudFront Function (viewer request, default behaviour only, so
 * `/api/*` keeps the API's own 404s) serves `index.html` for any path whose last
 * segment has no file extension; the Preact app then picks the page. Error-response
 * rewriting would do the same but would also hide real 403/404s of missing assets.
 * Plain ES5 for the cloudfront-js-2.0 runtime; the test runs this same source.
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;
