import { ComponentType, createElement, lazy, ReactNode, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { LiveEventsProvider } from './live/live-events';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './shell/shell';
import { KeyboardShortcutsProvider } from './ui/keyboard-shortcuts';

// Screens load on first visit, so the sign-in page downloads only what it shows. A screen whose
// code is already here renders at once: React.lazy would still suspend it once, and React holds a
// revealed Suspense boundary back for up to 300 ms.
function lazyScreen(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(preload);
  const Screen = () => (loaded ? createElement(loaded) : <Lazy />);
  return Object.assign(Screen, { preload });
}

const MyRequestsPage = lazyScreen(() => import('./pages/my-requests-page'));
const NewRequestPage = lazyScreen(() => import('./pages/new-request-page'));
const QueuePage = lazyScreen(() => import('./pages/queue-page'));
const RequestPage = lazyScreen(() => import('./pages/request-page'));
const NotFoundPage = lazyScreen(() => import('./pages/not-found-page'));
const NotificationSettingsPage = lazyScreen(() => import('./pages/notification-settings-page'));

// The screen a page is opened on starts downloading at once, beside the session check, instead
// of after it (one round trip less before the first row of a queue or a request).
const opening: Record<string, { preload: () => Promise<unknown> }> = {
  'my-requests': MyRequestsPage,
  'new-request': NewRequestPage,
  queue: QueuePage,
  requests: RequestPage,
};
export const openingScreen: Promise<unknown> =
  opening[location.pathname.split('/')[1]]?.preload().catch(() => undefined) ?? Promise.resolve();

function SignedIn({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <LiveEventsProvider>
      <KeyboardShortcutsProvider>
        <Shell>
          <Suspense
            fallback={
              <p className="muted" role="status">
                <FormattedMessage id="app.loading" defaultMessage="Loading…" />
              </p>
            }
          >
            {children}
          </Suspense>
        </Shell>
      </KeyboardShortcutsProvider>
    </LiveEventsProvider>
  );
}

function Home() {
  const { user } = useSession();
  if (!user) return <Navigate to="/sign-in" replace />;
  const worksQueue = user.role === 'AGENT' || user.role === 'LEAD';
  return <Navigate to={worksQueue ? '/queue' : '/my-requests'} replace />;
}

export function App() {
  const { user } = useSession();
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/sign-in" element={user ? <Navigate to="/" replace /> : <SignInPage />} />
        <Route path="/" element={<Home />} />
        <Route
          path="/my-requests"
          element={
            <SignedIn>
              <MyRequestsPage />
            </SignedIn>
          }
        />
        <Route
          path="/new-request"
          element={
            <SignedIn>
              <NewRequestPage />
            </SignedIn>
          }
        />
        <Route
          path="/queue"
          element={
            <SignedIn>
              <QueuePage />
            </SignedIn>
          }
        />
        <Route
          path="/requests/:ref"
          element={
            <SignedIn>
              <RequestPage />
            </SignedIn>
          }
        />
        <Route
          path="/settings/notifications"
          element={
            <SignedIn>
              <NotificationSettingsPage />
            </SignedIn>
          }
        />
        <Route
          path="*"
          element={
            <SignedIn>
              <NotFoundPage />
            </SignedIn>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}
