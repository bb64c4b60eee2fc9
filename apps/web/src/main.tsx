import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, openingScreen } from './app';
import { SessionProvider } from './auth/session';
import { I18nProvider } from './i18n/i18n-provider';
import './styles/fonts.css';
import './styles/app.css';

// The first render waits for the opening screen's code (fetched beside the session check), so that
// screen shows at once instead of suspending and being held back by React's reveal throttle.
await openingScreen;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
