// ATTACHMENTS_S3_URL, e.g. s3://KEY:SECRET@minio.internal:9000/intradesk?region=us-east-1&forcePathStyle=true:
// the credentials, the endpoint (https unless ?tls=false), the bucket and an optional key prefix
// (s3://…/bucket/some/prefix). Without a host part after @ (s3://KEY:SECRET@s3/bucket is not
// special) the endpoint is that host; AWS itself is s3://KEY:SECRET@s3.amazonaws.com/bucket.
export interface S3Location {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const KNOWN_PARAMETERS = new Set(['region', 'forcePathStyle', 'tls']);

export function parseS3Url(value: string): S3Location {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      'ATTACHMENTS_S3_URL is not a URL (s3://KEY:SECRET@HOST[:PORT]/BUCKET?region=…)',
    );
  }
  if (url.protocol !== 's3:') throw new Error('ATTACHMENTS_S3_URL must start with s3://');
  if (!url.hostname) throw new Error('ATTACHMENTS_S3_URL names no host');
  const accessKeyId = decodeURIComponent(url.username);
  const secretAccessKey = decodeURIComponent(url.password);
  if (!accessKeyId || !secretAccessKey)
    throw new Error(
      'ATTACHMENTS_S3_URL must carry the access key and secret: s3://KEY:SECRET@HOST/BUCKET',
    );
  const [bucket, ...rest] = url.pathname.replace(/^\/+/, '').split('/');
  if (!bucket || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(
      'ATTACHMENTS_S3_URL must name a bucket (3-63 lower-case letters, digits, dots, hyphens)',
    );
  for (const key of url.searchParams.keys()) {
    if (!KNOWN_PARAMETERS.has(key))
      throw new Error(
        `ATTACHMENTS_S3_URL has an unknown parameter ${key} (region, forcePathStyle, tls)`,
      );
  }
  const flag = (name: string, fallback: boolean) => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    if (raw !== 'true' && raw !== 'false')
      throw new Error(`ATTACHMENTS_S3_URL's ${name} must be true or false`);
    return raw === 'true';
  };
  const tls = flag('tls', true);
  const prefix = rest.filter(Boolean).map(decodeURIComponent).join('/');
  return {
    endpoint: `${tls ? 'https' : 'http'}://${url.host}`,
    region: url.searchParams.get('region') || 'us-east-1',
    bucket,
    prefix: prefix ? `${prefix}/` : '',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: flag('forcePathStyle', false),
  };
}
