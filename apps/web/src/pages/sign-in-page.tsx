import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { LanguagePicker } from '../shell/language-picker';
import { useDocumentTitle } from '../ui/use-document-title';

export function SignInPage() {
  const intl = useIntl();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(intl.formatMessage({ id: 'signIn.title', defaultMessage: 'Sign in' }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (result.ok) {
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/', { replace: true });
      return;
    }
    setError(
      result.code === 'TOO_MANY_REQUESTS'
        ? intl.formatMessage({
            id: 'signIn.tooMany',
            defaultMessage: 'Too many attempts. Wait a moment and try again.',
          })
        : result.code === 'NETWORK'
          ? intl.formatMessage({
              id: 'signIn.network',
              defaultMessage: 'Intradesk cannot be reached. Check your connection.',
            })
          : intl.formatMessage({
              id: 'signIn.wrong',
              defaultMessage: 'That email and password do not match an account.',
            }),
    );
  };

  return (
    <div className="sign-in">
      <a className="skip-link" href="#main">
        <FormattedMessage id="shell.skip" defaultMessage="Skip to content" />
      </a>
      <header className="sign-in-header">
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1}>
        <form className="card sign-in-card" onSubmit={submit} noValidate>
          <h1>
            <FormattedMessage id="signIn.heading" defaultMessage="Sign in to Intradesk" />
          </h1>
          <p className="muted">
            <FormattedMessage
              id="signIn.tagline"
              defaultMessage="Requests between departments, under agreed service levels."
            />
          </p>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor={emailId}>
              <FormattedMessage id="signIn.email" defaultMessage="Email" />
            </label>
            <input
              id={emailId}
              type="email"
              autoComplete="username"
              dir="ltr"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>
              <FormattedMessage id="signIn.password" defaultMessage="Password" />
            </label>
            <input
              id={passwordId}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" disabled={busy}>
            <FormattedMessage id="signIn.submit" defaultMessage="Sign in" />
          </button>
        </form>
      </main>
    </div>
  );
}
