/**
 * Entry point, kept small: it starts the model worker at once, then loads the page (React, the charts)
 * as a second chunk, so the worker loads and warms up while the page's code is still being compiled.
 */
import './lib/model-client.js';
import './styles.css';

void import('./page.js');

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without a service worker the explorer still works, only not offline.
    });
  });
}
