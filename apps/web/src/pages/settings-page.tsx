import { ComponentType, ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { Role, useSignedInUser } from '../auth/session';
import { CalendarsSection } from '../settings/calendars-section';
import { DepartmentsSection } from '../settings/departments-section';
import { ImportSection } from '../settings/import-section';
import { PeopleSection } from '../settings/people-section';
import { ServicesSection } from '../settings/services-section';
import { SlaPoliciesSection } from '../settings/sla-policies-section';
import { WebhooksSection } from '../settings/webhooks-section';
import { OutgoingMailSection } from '../settings/mail/outgoing-mail-section';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/settings.css';

interface SettingsSectionSpec {
  id: string;
  title: ReactNode;
  roles: Role[];
  Body: ComponentType;
}

// UI.md's sections, in one page: each is a region named by its heading, reached from the
// contents list by an in-page link (so a section's address can be shared: /settings#import).
const SECTIONS: SettingsSectionSpec[] = [
  {
    id: 'departments',
    title: <FormattedMessage id="settings.departments.title" defaultMessage="Departments" />,
    roles: ['OPS', 'ADMIN'],
    Body: DepartmentsSection,
  },
  {
    id: 'people',
    title: <FormattedMessage id="settings.people.title" defaultMessage="People" />,
    roles: ['OPS', 'ADMIN'],
    Body: PeopleSection,
  },
  {
    id: 'services',
    title: <FormattedMessage id="settings.services.title" defaultMessage="Services" />,
    roles: ['OPS', 'ADMIN'],
    Body: ServicesSection,
  },
  {
    id: 'calendars',
    title: <FormattedMessage id="settings.calendars.title" defaultMessage="Business calendars" />,
    roles: ['OPS', 'ADMIN'],
    Body: CalendarsSection,
  },
  {
    id: 'sla-policies',
    title: <FormattedMessage id="settings.slaPolicies.title" defaultMessage="SLA policies" />,
    roles: ['OPS', 'ADMIN'],
    Body: SlaPoliciesSection,
  },
  {
    id: 'webhooks',
    title: <FormattedMessage id="settings.webhooks.title" defaultMessage="Webhooks" />,
    roles: ['OPS', 'ADMIN'],
    Body: WebhooksSection,
  },
  {
    id: 'outgoing-mail',
    title: <FormattedMessage id="settings.mail.title" defaultMessage="Outgoing mail" />,
    roles: ['ADMIN'],
    Body: OutgoingMailSection,
  },
  {
    id: 'import',
    title: <FormattedMessage id="settings.import.title" defaultMessage="Import" />,
    roles: ['OPS', 'ADMIN'],
    Body: ImportSection,
  },
];

export default function SettingsPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'settings.title', defaultMessage: 'Settings' }));
  const sections = SECTIONS.filter((section) => section.roles.includes(user.role));
  if (sections.length === 0)
    return (
      <section className="page">
        <h1>
          <FormattedMessage id="settings.title" defaultMessage="Settings" />
        </h1>
        <p className="notice">
          <FormattedMessage
            id="settings.notForYou"
            defaultMessage="Settings are kept by operations and administrators."
          />{' '}
          <Link to="/">
            <FormattedMessage id="settings.toStart" defaultMessage="Go to the start page" />
          </Link>
        </p>
      </section>
    );
  return (
    <div className="page settings-page">
      <h1>
        <FormattedMessage id="settings.title" defaultMessage="Settings" />
      </h1>
      <nav
        className="settings-contents"
        aria-label={intl.formatMessage({
          id: 'settings.contents',
          defaultMessage: 'Settings sections',
        })}
      >
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map(({ id, title, Body }) => (
        <section key={id} id={id} className="settings-section" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`} tabIndex={-1}>
            {title}
          </h2>
          <Body />
        </section>
      ))}
    </div>
  );
}
