/** Entry point: mounts the explorer and registers the service worker that keeps it working offline. */
// First, so that the model worker starts loading while the rest of the page is still being evaluated.
import './lib/model-client.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without a service worker the explorer still works, only not offline.
    });
  });
}
