import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from '../api/client';
import { refusalOf } from '../api/errors';
import { graphql } from '../gql';

export type Role = 'MEMBER' | 'AGENT' | 'LEAD' | 'OPS' | 'ADMIN';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  department: { id: string; code: string; name: string } | null;
}

interface SessionState {
  user: SessionUser | null;
  signIn: (email: string, password: string) => Promise<SignInResult>;
  signOut: () => Promise<void>;
  // Takes over a session the server has just started by other means (a set-password link):
  // its cookie is set, this is its user.
  adopt: (user: SessionUser) => void;
}

export type SignInResult = { ok: true } | { ok: false; code: string; message: string };

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

export function useSignedInUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useSignedInUser on a signed-out page');
  return user;
}

const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      department {
        id
        code
        name
      }
    }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password, cookie: true) {
      user {
        id
        name
        email
        role
        department {
          id
          code
          name
        }
      }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

// The session check goes out as soon as the app's code runs, not after React's first render:
// every signed-in screen waits for it.
const firstApi = createApiClient();
const firstMe = firstApi.client
  .query(MeQuery, {}, { requestPolicy: 'network-only' })
  .toPromise()
  .then((r) => r.data?.me ?? null)
  .catch(() => null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [api, setApi] = useState(() => firstApi);

  useEffect(() => {
    // Only once, at start: later sessions come from signIn. Synchronously, so that the screens'
    // queries (sent from effects) leave before the browser lays out and paints the first frame.
    void firstMe.then((me) => flushSync(() => setUser(me)));
  }, []);

  const renew = useCallback(() => {
    setApi((old) => {
      old.dispose();
      return createApiClient();
    });
  }, []);

  const signIn = useCallback(
    async (email: string, password: string): Promise<SignInResult> => {
      const r = await api.client.mutation(SignInMutation, { email, password }).toPromise();
      if (!r.data?.login) {
        const refusal = refusalOf(r.error);
        return { ok: false, code: refusal?.code ?? 'NETWORK', message: refusal?.message ?? '' };
      }
      renew();
      setUser(r.data.login.user);
      return { ok: true };
    },
    [api, renew],
  );

  const signOut = useCallback(async () => {
    await api.client.mutation(SignOutMutation, {}).toPromise();
    renew();
    setUser(null);
  }, [api, renew]);

  const adopt = useCallback(
    (signedIn: SessionUser) => {
      renew();
      setUser(signedIn);
    },
    [renew],
  );

  if (user === undefined) return null;
  return (
    <SessionContext.Provider value={{ user, signIn, signOut, adopt }}>
      <UrqlProvider value={api.client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}
