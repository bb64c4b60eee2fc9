import { ComponentType, createElement, lazy, ReactNode, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Role, useSession } from './auth/session';
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
const AtRiskPage = lazyScreen(() => import('./pages/at-risk-page'));
const ReportsPage = lazyScreen(() => import('./pages/reports-page'));
const WhatIfPage = lazyScreen(() => import('./pages/what-if-page'));
const SurveysPage = lazyScreen(() => import('./pages/surveys-page'));
const KudosPage = lazyScreen(() => import('./pages/kudos-page'));
const SettingsPage = lazyScreen(() => import('./pages/settings-page'));
const SetPasswordPage = lazyScreen(() => import('./pages/set-password-page'));

// Signed-in screens by path (the request page and the catch-all are added below).
const SCREENS: [string, ComponentType][] = [
  ['/my-requests', MyRequestsPage],
  ['/new-request', NewRequestPage],
  ['/queue', QueuePage],
  ['/at-risk', AtRiskPage],
  ['/reports', ReportsPage],
  ['/reports/what-if', WhatIfPage],
  ['/surveys', SurveysPage],
  ['/kudos', KudosPage],
  ['/settings', SettingsPage],
  ['/settings/notifications', NotificationSettingsPage],
  ['/requests/:ref', RequestPage],
  ['*', NotFoundPage],
];

// The screen a page is opened on starts downloading at once, beside the session check, instead
// of after it (one round trip less before the first row of a queue or a request).
const opening: Record<string, { preload: () => Promise<unknown> }> = {
  'my-requests': MyRequestsPage,
  'new-request': NewRequestPage,
  queue: QueuePage,
  requests: RequestPage,
  'at-risk': AtRiskPage,
  reports: ReportsPage,
  settings: SettingsPage,
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

// Where each role starts: the screen it works in most.
const HOME: Record<Role, string> = {
  MEMBER: '/my-requests',
  AGENT: '/queue',
  LEAD: '/at-risk',
  OPS: '/reports',
  ADMIN: '/settings',
};

function Home() {
  const { user } = useSession();
  if (!user) return <Navigate to="/sign-in" replace />;
  return <Navigate to={HOME[user.role]} replace />;
}

export function App() {
  const { user } = useSession();
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/sign-in" element={user ? <Navigate to="/" replace /> : <SignInPage />} />
        <Route path="/" element={<Home />} />
        {/* Public: an invited or reset user sets a password from a one-time link. */}
        <Route path="/set-password" element={<SetPasswordPage />} />
        {SCREENS.map(([path, Screen]) => (
          <Route
            key={path}
            path={path}
            element={
              <SignedIn>
                <Screen />
              </SignedIn>
            }
          />
        ))}
      </Routes>
    </BrowserRouter>
  );
}
