import { lazy, ReactNode, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { LiveEventsProvider } from './live/live-events';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './shell/shell';
import { KeyboardShortcutsProvider } from './ui/keyboard-shortcuts';

// Screens load on first visit, so the sign-in page downloads only what it shows.
const SCREENS = {
  myRequests: () => import('./pages/my-requests-page'),
  newRequest: () => import('./pages/new-request-page'),
  queue: () => import('./pages/queue-page'),
  request: () => import('./pages/request-page'),
};
const MyRequestsPage = lazy(SCREENS.myRequests);
const NewRequestPage = lazy(SCREENS.newRequest);
const QueuePage = lazy(SCREENS.queue);
const RequestPage = lazy(SCREENS.request);
const NotFoundPage = lazy(() => import('./pages/not-found-page'));
const NotificationSettingsPage = lazy(() => import('./pages/notification-settings-page'));

// The screen a page is opened on starts downloading at once, beside the session check, instead
// of after it (one round trip less before the first row of a queue or a request).
const opening: Record<string, () => Promise<unknown>> = {
  '/my-requests': SCREENS.myRequests,
  '/new-request': SCREENS.newRequest,
  '/queue': SCREENS.queue,
  '/requests': SCREENS.request,
};
void opening[`/${location.pathname.split('/')[1]}`]?.();

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
