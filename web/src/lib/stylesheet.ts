/**
 * Loads a lazily loaded page's CSS (see `Lazy`): a `<link rel="stylesheet">` to a built
 * asset, allowed by the CSP's style-src 'self'. Resolves once the styles apply, so the page
 * never shows unstyled; loads each URL once.
 */
export function stylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => {
      link.remove();
      reject(new Error(`Stylesheet not loaded: ${href}`));
    };
    document.head.append(link);
  });
}
