/**
 * The deployed manifest: every URL of the development manifest (https://localhost:3000, the dev
 * server) rewritten to the deployment's public address, the AppDomain included. Used by
 * webpack.config.js when ADDIN_PUBLIC_URL is set; pure, so the tests call it directly.
 */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * @param {string} publicUrl where dist/ is served, https, ending in "/" (e.g. https://addin.example.org/gnlc/)
 * @returns {string} the URL, checked
 */
function checkPublicUrl(publicUrl) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins over https only): ${publicUrl}`);
  if (!url.pathname.endsWith('/') || url.search || url.hash) throw new Error(`ADDIN_PUBLIC_URL must name the folder dist/ is served from, ending in "/": ${publicUrl}`);
  return url.href;
}

/**
 * @param {string} xml the manifest as written for the dev server
 * @param {string} publicUrl see checkPublicUrl
 * @returns {string} the manifest with every dev-server URL pointing at publicUrl, and AppDomain at its origin
 */
function rewriteManifest(xml, publicUrl) {
  const base = checkPublicUrl(publicUrl);
  const origin = new URL(base).origin;
  return xml
    .replace(/(<AppDomain>)\s*https:\/\/localhost:3000\/?\s*(<\/AppDomain>)/g, `$1${origin}$2`)
    .replaceAll(`${DEV_ORIGIN}/`, base)
    .replaceAll(DEV_ORIGIN, base.replace(/\/$/, ''));
}

module.exports = { DEV_ORIGIN, checkPublicUrl, rewriteManifest };
