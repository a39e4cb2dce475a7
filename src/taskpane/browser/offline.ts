/**
 * Offline use of the browser mode: the service worker (sw.js, made at build time from
 * src/taskpane/service-worker.js by scripts/service-worker-plugin.js) keeps the page and every
 * chunk on this computer. Registered only in the browser mode: inside Excel the pane stays as it
 * always was, served by the host. Resolves true once the files are cached (the worker is active).
 */
type Nav = { serviceWorker?: Pick<ServiceWorkerContainer, "register" | "ready"> };

export async function registerServiceWorker(nav: Nav = navigator as Nav): Promise<boolean> {
  const sw = nav.serviceWorker;
  if (!sw) return false;
  try {
    // Next to the page: its scope is the page's folder, whatever the host's path.
    await sw.register("sw.js");
    await sw.ready;
    return true;
  } catch {
    // No worker (the development server has none, a private window may refuse one): online only.
    return false;
  }
}
