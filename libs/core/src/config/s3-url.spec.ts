import { parseS3Url } from './s3-url';

describe('parseS3Url (ATTACHMENTS_S3_URL)', () => {
  it('reads credentials, endpoint, bucket, region and path style', () => {
    expect(
      parseS3Url(
        's3://key:se%2Fcret@minio.internal:9000/intradesk?region=eu-west-1&forcePathStyle=true',
      ),
    ).toEqual({
      endpoint: 'https://minio.internal:9000',
      region: 'eu-west-1',
      bucket: 'intradesk',
      prefix: '',
      accessKeyId: 'key',
      secretAccessKey: 'se/cret',
      forcePathStyle: true,
    });
  });

  it('defaults to us-east-1, virtual-host style, https; takes a key prefix and tls=false', () => {
    expect(parseS3Url('s3://AK:SK@s3.amazonaws.com/my-bucket')).toMatchObject({
      endpoint: 'https://s3.amazonaws.com',
      region: 'us-east-1',
      forcePathStyle: false,
      prefix: '',
    });
    expect(parseS3Url('s3://AK:SK@127.0.0.1:9000/desk/att/2026?tls=false')).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'desk',
      prefix: 'att/2026/',
    });
  });

  it.each([
    ['http://k:s@host/bucket', /must start with s3:\/\//],
    ['s3://host/bucket', /access key and secret/],
    ['s3://k:s@host/', /must name a bucket/],
    ['s3://k:s@host/Bad_Bucket', /must name a bucket/],
    ['s3://k:s@host/bucket?regoin=x', /unknown parameter regoin/],
    ['s3://k:s@host/bucket?forcePathStyle=yes', /forcePathStyle must be true or false/],
    ['not a url', /is not a URL/],
  ])('refuses %s', (value, message) => {
    expect(() => parseS3Url(value)).toThrow(message);
  });
});
