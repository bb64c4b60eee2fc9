import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../api/errors';
import { useSession } from '../auth/session';
import { SetPasswordWithTokenMutation } from '../people/people-documents';
import { LanguagePicker } from '../shell/language-picker';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/people.css';

const MIN_LENGTH = 8;

type Problem = 'short' | 'mismatch' | null;

// Public: an invited person, or one whose password an administrator reset, opens the one-time
// link, chooses a password and is signed in.
export default function SetPasswordPage() {
  const intl = useIntl();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const ids = {
    password: useId(),
    confirm: useId(),
    hint: useId(),
    passwordError: useId(),
    confirmError: useId(),
  };
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, setPasswordWithToken] = useMutation(SetPasswordWithTokenMutation);
  useDocumentTitle(
    intl.formatMessage({ id: 'setPassword.title', defaultMessage: 'Set your password' }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password.length < MIN_LENGTH) return setProblem('short');
    if (password !== confirm) return setProblem('mismatch');
    setProblem(null);
    const result = await setPasswordWithToken({ token, password });
    const signedIn = result.data?.setPasswordWithToken.user;
    if (signedIn) {
      adopt(signedIn);
      navigate('/', { replace: true });
      return;
    }
    const refusal = refusalOf(result.error);
    setError(linkError(refusal?.reason, refusal?.code, refusal?.extensions.fields));
  };

  const linkError = (reason?: string, code?: string, fields?: unknown): string => {
    switch (reason) {
      case 'RESET_LINK_EXPIRED':
        return intl.formatMessage({
          id: 'setPassword.expired',
          defaultMessage: 'This link has expired. Ask an administrator for a new one.',
        });
      case 'RESET_LINK_USED':
        return intl.formatMessage({
          id: 'setPassword.used',
          defaultMessage:
            'This link has already been used. Sign in with your password, or ask an administrator for a new link.',
        });
      case 'RESET_LINK_INVALID':
        return intl.formatMessage({
          id: 'setPassword.invalid',
          defaultMessage:
            'This link does not work (a newer one may have replaced it). Ask an administrator for a new one.',
        });
    }
    if (code === 'BAD_USER_INPUT' && Array.isArray(fields) && fields.includes('password'))
      return intl.formatMessage({
        id: 'setPassword.weak',
        defaultMessage: 'Choose a password of 8 to 200 characters.',
      });
    if (code === 'TOO_MANY_REQUESTS')
      return intl.formatMessage({
        id: 'setPassword.tooMany',
        defaultMessage: 'Too many attempts. Wait a moment and try again.',
      });
    if (code === 'NETWORK')
      return intl.formatMessage({
        id: 'setPassword.network',
        defaultMessage: 'Intradesk cannot be reached. Check your connection.',
      });
    return intl.formatMessage({
      id: 'setPassword.failed',
      defaultMessage: 'Your password could not be set. Try again, or ask an administrator.',
    });
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
        <form className="card set-password-card" onSubmit={submit} noValidate>
          <h1>
            <FormattedMessage id="setPassword.title" defaultMessage="Set your password" />
          </h1>
          {!token ? (
            <p role="alert" className="error">
              <FormattedMessage
                id="setPassword.noToken"
                defaultMessage="This page needs the link an administrator gave you. Open that link again."
              />
            </p>
          ) : (
            <p className="muted">
              <FormattedMessage
                id="setPassword.intro"
                defaultMessage="Choose the password you will sign in to Intradesk with. You are signed in once it is set."
              />
            </p>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor={ids.password}>
              <FormattedMessage id="setPassword.new" defaultMessage="New password" />
            </label>
            <input
              id={ids.password}
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_LENGTH}
              maxLength={200}
              value={password}
              aria-invalid={problem === 'short' || undefined}
              aria-describedby={problem === 'short' ? ids.passwordError : ids.hint}
              onChange={(e) => setPassword(e.target.value)}
            />
            {problem === 'short' ? (
              <p id={ids.passwordError} role="alert" className="field-error">
                <FormattedMessage
                  id="setPassword.short"
                  defaultMessage="Use at least 8 characters."
                />
              </p>
            ) : (
              <p id={ids.hint} className="hint muted">
                <FormattedMessage
                  id="setPassword.hint"
                  defaultMessage="At least 8 characters; a few words you will remember work well."
                />
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.confirm}>
              <FormattedMessage id="setPassword.confirm" defaultMessage="Confirm password" />
            </label>
            <input
              id={ids.confirm}
              type="password"
              autoComplete="new-password"
              required
              maxLength={200}
              value={confirm}
              aria-invalid={problem === 'mismatch' || undefined}
              aria-describedby={problem === 'mismatch' ? ids.confirmError : undefined}
              onChange={(e) => setConfirm(e.target.value)}
            />
            {problem === 'mismatch' && (
              <p id={ids.confirmError} role="alert" className="field-error">
                <FormattedMessage
                  id="setPassword.mismatch"
                  defaultMessage="The two passwords are not the same."
                />
              </p>
            )}
          </div>
          <button type="submit" disabled={fetching || !token}>
            <FormattedMessage id="setPassword.submit" defaultMessage="Set password" />
          </button>
          <p className="muted">
            <Link to="/sign-in">
              <FormattedMessage
                id="setPassword.toSignIn"
                defaultMessage="I have a password: sign in"
              />
            </Link>
          </p>
        </form>
      </main>
    </div>
  );
}
