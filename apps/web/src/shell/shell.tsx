import { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';
import { Role, useSession, useSignedInUser } from '../auth/session';
import { LanguagePicker } from './language-picker';
import { MailLocaleSync } from '../notifications/mail-locale-sync';
import { NotificationsButton } from './notifications-button';

interface NavItem {
  to: string;
  roles: Role[] | 'all';
  label: ReactNode;
}

// UI.md's navigation: the links each role has.
const NAV: NavItem[] = [
  {
    to: '/my-requests',
    roles: 'all',
    label: <FormattedMessage id="nav.myRequests" defaultMessage="My requests" />,
  },
  {
    to: '/new-request',
    roles: 'all',
    label: <FormattedMessage id="nav.newRequest" defaultMessage="New request" />,
  },
  {
    to: '/queue',
    roles: ['AGENT', 'LEAD'],
    label: <FormattedMessage id="nav.queue" defaultMessage="Queue" />,
  },
  {
    to: '/at-risk',
    roles: ['LEAD', 'OPS'],
    label: <FormattedMessage id="nav.atRisk" defaultMessage="At risk" />,
  },
  {
    to: '/reports',
    roles: ['LEAD', 'OPS'],
    label: <FormattedMessage id="nav.reports" defaultMessage="Reports" />,
  },
  {
    to: '/surveys',
    roles: 'all',
    label: <FormattedMessage id="nav.surveys" defaultMessage="Surveys" />,
  },
  {
    to: '/kudos',
    roles: 'all',
    label: <FormattedMessage id="nav.kudos" defaultMessage="Kudos" />,
  },
  {
    to: '/settings',
    roles: ['OPS', 'ADMIN'],
    label: <FormattedMessage id="nav.settings" defaultMessage="Settings" />,
  },
];

export function Shell({ children }: { children: ReactNode }) {
  const intl = useIntl();
  const user = useSignedInUser();
  const { signOut } = useSession();
  const items = NAV.filter((item) => item.roles === 'all' || item.roles.includes(user.role));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <FormattedMessage id="shell.skip" defaultMessage="Skip to content" />
      </a>
      <header className="shell-header">
        <span className="brand" aria-hidden="true">
          Intradesk
        </span>
        <nav aria-label={intl.formatMessage({ id: 'nav.main', defaultMessage: 'Main' })}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell-tools">
          <NotificationsButton />
          <LanguagePicker />
          <MailLocaleSync />
          <span className="who">
            <bdi>{user.name}</bdi>
            {user.department && (
              <span className="muted">
                {' · '}
                <bdi>{user.department.name}</bdi>
              </span>
            )}
          </span>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            <FormattedMessage id="shell.signOut" defaultMessage="Sign out" />
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
