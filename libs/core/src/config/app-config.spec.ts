import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to embedded mode on port 3000', () => {
    const config = loadConfig({});
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.JWT_SECRET).toBeUndefined();
  });

  it('requires JWT_SECRET with an external database', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(
      /JWT_SECRET is required/,
    );
    expect(
      loadConfig({ DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 's' }).usesEmbeddedDatabase,
    ).toBe(false);
  });

  it('requires DATABASE_URL in production (no embedded PostgreSQL there)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('refuses a long but predictable JWT_SECRET in production', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/x',
      SURVEY_SECRET: 'Vt3nQ9wLx0aZ6cR2mJ8pK4hS7dF1gY5e',
    };
    expect(() => loadConfig({ ...production, JWT_SECRET: 'changeme'.repeat(8) })).toThrow(
      /too predictable/,
    );
    expect(
      loadConfig({ ...production, JWT_SECRET: 'q8Zr1vW0pX2mK7cT4yLb9nHs3dFg6jEa' }).JWT_SECRET,
    ).toHaveLength(32);
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/x', JWT_SECRET: 'short' }),
    ).toThrow(/JWT_SECRET must be at least 32/);
  });

  it('requires a strong SURVEY_SECRET in production, apart from JWT_SECRET', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/x',
      JWT_SECRET: 'q8Zr1vW0pX2mK7cT4yLb9nHs3dFg6jEa',
    };
    expect(() => loadConfig(production)).toThrow(/SURVEY_SECRET is required in production/);
    expect(() => loadConfig({ ...production, SURVEY_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ ...production, SURVEY_SECRET: 'abcd'.repeat(8) })).toThrow(
      /SURVEY_SECRET is too predictable/,
    );
    expect(() => loadConfig({ ...production, SURVEY_SECRET: production.JWT_SECRET })).toThrow(
      /must differ from JWT_SECRET/,
    );
    const secret = 'Vt3nQ9wLx0aZ6cR2mJ8pK4hS7dF1gY5e';
    expect(loadConfig({ ...production, SURVEY_SECRET: secret }).surveySecret).toBe(secret);
  });

  it('outside production derives the survey secret from JWT_SECRET when SURVEY_SECRET is unset', () => {
    const one = loadConfig({ DATABASE_URL: 'postgres://p/x', JWT_SECRET: 'one' });
    const again = loadConfig({ DATABASE_URL: 'postgres://p/x', JWT_SECRET: 'one' });
    const two = loadConfig({ DATABASE_URL: 'postgres://p/x', JWT_SECRET: 'two' });
    expect(one.SURVEY_SECRET).toBeUndefined();
    // Stable (every process of one desk agrees), not the JWT secret itself, and not a constant.
    expect(one.surveySecret).toBe(again.surveySecret);
    expect(one.surveySecret).not.toBe('one');
    expect(one.surveySecret).not.toBe(two.surveySecret);
  });

  it('lists every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org' })).toThrow(/ADMIN_PASSWORD/);
    expect(loadConfig({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'long-enough' }).ADMIN_EMAIL).toBe(
      'a@b.org',
    );
  });

  it('reads DATABASE_REPLICA_URLS as a list and refuses anything but postgres URLs', () => {
    const base = { DATABASE_URL: 'postgres://p/x', JWT_SECRET: 's' };
    expect(loadConfig(base).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ ...base, DATABASE_REPLICA_URLS: '' }).databaseReplicaUrls).toEqual([]);
    expect(
      loadConfig({ ...base, DATABASE_REPLICA_URLS: 'postgres://r1/x, postgres://r2/x' })
        .databaseReplicaUrls,
    ).toEqual(['postgres://r1/x', 'postgres://r2/x']);
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URLS: 'mysql://r/x' })).toThrow(
      /DATABASE_REPLICA_URLS/,
    );
  });
});

describe('loadConfig: the SMTP receiver', () => {
  it('is off by default, with a 25 MiB limit and 90-day reply tokens', () => {
    const config = loadConfig({});
    expect(config.INBOUND_SMTP_PORT).toBe(0);
    expect(config.INBOUND_MAIL_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(config.MAIL_REPLY_TOKEN_DAYS).toBe(90);
    expect(config.inboundSmtpAllowedNetworks).toEqual([]);
  });

  it('reads the allowed networks and refuses a bad port or list', () => {
    expect(
      loadConfig({ INBOUND_SMTP_ALLOWED_NETWORKS: '10.0.0.5, 10.1.0.0/16,::1' })
        .inboundSmtpAllowedNetworks,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '70000' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ INBOUND_SMTP_ALLOWED_NETWORKS: 'mail.example.org' })).toThrow(
      /INBOUND_SMTP_ALLOWED_NETWORKS/,
    );
    expect(() => loadConfig({ MAIL_REPLY_TOKEN_DAYS: '0' })).toThrow(ConfigValidationError);
  });
});
